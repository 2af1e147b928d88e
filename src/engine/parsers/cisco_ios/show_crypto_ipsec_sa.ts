/**
 * Cisco IOS / IOS-XE `show crypto ipsec sa [detail]` (also filtered with `| include`).
 *
 * One `ipsec-sa` fact per flow (a local/remote ident pair under an interface) with every counter
 * the facts vocabulary names, SPIs, transform, mode, NAT-T, PFS and status. What the vocabulary
 * has no field for is kept, as printed, in `crypto-config` records: `ipsec-sa-flow` (the flow's
 * other counters, MTUs, DH group …) and `ipsec-sa` (one per inbound/outbound SA: conn id, flow_id,
 * lifetime, IV size, replay window …).
 */
import { emitFlow, type Flow, type SaEntry } from './show_crypto_ipsec_sa_flow.ts';
import { ADDR, camel, num, showParser, textOf, commandRe } from './show_common.ts';

// Sample: "interface: Tunnel1" (IOS names start with a capital; ASA prints its lowercase nameif, "interface: outside")
const INTERFACE_RE = /^\s*interface:\s*([A-Z][\w/.:-]*)\s*$/;
// Sample: "    Crypto map tag: Tunnel1-head-0, local addr 1.2.3.4"
const MAP_TAG_RE = new RegExp(
  String.raw`^\s*Crypto map tag:\s*([^,\s]+),\s*local addr\s+(${ADDR})`,
);
// Sample: "   protected vrf: (none)"
const VRF_RE = /^\s*protected vrf:\s*(\S+)/;
// Sample: "   local  ident (addr/mask/prot/port): (1.2.3.4/255.255.255.255/47/0)"
// Sample: "   remote ident (addr/prefixlen/prot/port): (2001:DB8:2::/64/0/0)"
const IDENT_RE =
  /^\s*(local|remote)\s+ident\s+\(addr\/(?:mask|prefixlen)\/prot\/port\):\s*\(([^()\s]{1,120})\)/;
// Sample: "   current_peer 2.2.2.2 port 4500"
const PEER_RE = new RegExp(String.raw`^\s*current_peer\s+(${ADDR})(?:\s+port\s+(\d+))?`);
// Sample: "     PERMIT, flags={origin_is_acl,}"
const ACTION_RE = /^\s*(PERMIT|DENY|BYPASS)(?:,\s*flags=\{([^}]{0,200})\})?/;
// A counter line. Sample: "    #pkts encaps: 4981028, #pkts encrypt: 4981028, #pkts digest: 4981028",
// "    #send errors 0, #recv errors 0", "    ##pkts replay failed (rcv): 0"
const COUNTER_LINE_RE = /^\s*#{1,2}(?:pkts|send|recv)\b/;
// One counter of a counter line (pieces are at most 80 characters). Sample: "#pkts verify failed: 0"
const COUNTER_RE = /^#{1,2}(?:pkts?\s+)?([a-z][a-z .()]{0,60}?)\s*:?\s*(\d{1,20})$/;
// Sample: "     local crypto endpt.: 1.2.3.4, remote crypto endpt.: 2.2.2.2"
// IPv6 prints the remote endpoint on a line of its own: "     local crypto endpt.: 2001:DB8:0:1::1,"
const ENDPT_RE = new RegExp(
  String.raw`^\s*local crypto endpt\.:\s*(${ADDR}),?(?:\s*remote crypto endpt\.:\s*(${ADDR}))?\s*$`,
);
// Sample: "     remote crypto endpt.: 2001:DB8:0:2::1"
const REMOTE_ENDPT_RE = new RegExp(String.raw`^\s*remote crypto endpt\.:\s*(${ADDR})\s*$`);
// Sample: "     plaintext mtu 1442, path mtu 1500, ip mtu 1500, ip mtu idb GigabitEthernet8"
// Sample: "     plaintext mtu 1422, path mtu 1500, ipv6 mtu 1500, ipv6 mtu idb GigabitEthernet0/1"
const MTU_RE =
  /^\s*(?:plaintext mtu (\d+),\s*)?path mtu (\d+),\s*ip(?:v6)? mtu (\d+),\s*ip(?:v6)? mtu idb\s*(\S+)/;
// Sample: "     current outbound spi: 0x1234ABCD(305441741)"
const OUT_SPI_RE = /^\s*current outbound spi:\s*(0x[0-9A-Fa-f]+)(?:\((\d+)\))?/;
// Sample: "     PFS (Y/N): N, DH group: none"
const PFS_RE = /^\s*PFS \(Y\/N\):\s*([YN])(?:,\s*DH group:\s*(\S+))?/;
// Sample: "     inbound esp sas:" / "     outbound pcp sas:"
const SA_LIST_RE = /^\s*(inbound|outbound)\s+(esp|ah|pcp)\s+sas:\s*$/;
// Sample: "      spi: 0xABCD1234(2882343476)"
const SPI_RE = /^\s*spi:\s*(0x[0-9A-Fa-f]+)(?:\((\d+)\))?\s*$/;
// Sample: "        transform: esp-256-aes esp-sha-hmac ,"
const TRANSFORM_RE = /^\s*transform:\s*([^,]{1,200}?)\s*,?\s*$/;
// Sample: "        in use settings ={Transport UDP-Encaps, }"
const IN_USE_RE = /^\s*in use settings\s*=\s*\{([^}]{0,200})\}/;
// Sample: "        conn id: 124, flow_id: Onboard VPN:124, sibling_flags 80000000, crypto map: Tunnel1-head-0"
// Sample: "        slot: 0, conn id: 2001, flow_id: SW:1, crypto map: CMAP"
const CONN_RE =
  /^\s*(?:slot:\s*\d+,\s*)?conn id:\s*(\d+)(?:,\s*flow_id:\s*([^,]{1,60}))?(?:,\s*sibling_flags\s+([0-9A-Fa-f]+))?(?:,\s*crypto[ -]map:\s*(\S*))?/;
// Sample: "        sa timing: remaining key lifetime (k/sec): (4332650/3205)"
const TIMING_RE = /^\s*sa timing:\s*remaining key lifetime(?: \(k\/sec\))?:\s*\((\d+)\/(\d+)\)/;
// Sample: "        IV size: 16 bytes"
const IV_RE = /^\s*IV size:\s*(\d+)\s*bytes/;
// Sample: "        replay detection support: Y  replay window size: 1024"
const REPLAY_RE = /^\s*replay detection support:\s*([YN])(?:\s+replay window size:\s*(\d+))?/;
// Sample: "        Status: ACTIVE(ACTIVE)"
const STATUS_RE = /^\s*Status:\s*([A-Z][\w()-]{0,40})\s*$/;
// Sample: "        ecn bit support: Y  ecn bit tunnel support: N" and other detail lines of an SA.
const SA_EXTRA_RE =
  /^\s*(?:ecn bit support|Tunnel|Transport|sa timing|kilobyte volume rekey|dh group|esn|Cryptographic|QoS)\b/;

const ID = 'cisco-ios-show-crypto-ipsec-sa';

/** `show crypto ipsec sa [detail]`. */
export const showCryptoIpsecSa = showParser({
  id: ID,
  command: 'show crypto ipsec sa',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['ipsec', 3],
    ['sa', 2],
  ]),
  marker:
    /^\s*(?:interface:\s*\S|current_peer\s|#pkts encaps:|Crypto map tag:|local\s+ident \(addr)/,
  read(lines, out) {
    let iface: { name?: string | undefined; map?: string | undefined; local?: string | undefined } =
      {};
    let flow: Flow | null = null;
    let sa: SaEntry | null = null;
    let list: { direction: string; protocol: string } | null = null;
    const current = (): Flow | null => flow;
    const currentSa = (): SaEntry | null => sa;
    const currentList = (): { direction: string; protocol: string } | null => list;
    const flush = () => {
      const f = current();
      if (f !== null && f.ios) emitFlow(out, f);
      flow = null;
      sa = null;
      list = null;
    };
    const open = (no: number): Flow => {
      if (flow === null) {
        flow = {
          interface: iface.name,
          cryptoMap: iface.map,
          local: iface.local,
          ios: iface.map !== undefined,
          counters: {},
          details: {},
          listsSeen: new Set(),
          sas: [],
          lines: [],
        };
      }
      flow.lines.push(no);
      return flow;
    };
    // Flow-level lines seen once per flow: a second one starts the next flow.
    const seen = (f: Flow, key: string): boolean => f.details[`_${key}`] !== undefined;

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined) continue;
      let text = textOf(line);
      if (text.trim() === '') continue;
      let m = INTERFACE_RE.exec(text);
      if (m) {
        flush();
        iface = { name: m[1] };
        out.claim(line.no);
        continue;
      }
      if ((m = MAP_TAG_RE.exec(text))) {
        flush();
        iface = { ...iface, map: m[1], local: m[2] };
        out.claim(line.no);
        continue;
      }
      if ((m = VRF_RE.exec(text))) {
        flush();
        const f = open(line.no);
        f.details.protectedVrf = m[1];
        f.ios = true;
        continue;
      }
      if ((m = IDENT_RE.exec(text))) {
        const cur = current();
        const side = m[1] === 'local' ? 'localSelector' : 'remoteSelector';
        if (cur !== null && cur[side] !== undefined) flush();
        open(line.no)[side] = m[2];
        continue;
      }
      if ((m = PEER_RE.exec(text))) {
        const cur = current();
        if (cur !== null && cur.peer !== undefined && cur.details._peerLine !== undefined) flush();
        const f = open(line.no);
        f.peer = m[1];
        f.peerPort = m[2];
        f.ios = true;
        f.details._peerLine = String(line.no);
        continue;
      }
      if ((m = ACTION_RE.exec(text)) && current() !== null) {
        const f = open(line.no);
        f.details.action = m[1];
        f.details.flags = m[2];
        continue;
      }
      if (COUNTER_LINE_RE.test(text)) {
        const f = open(line.no);
        for (const piece of text.split(',')) {
          const p = piece.trim();
          if (p.length > 80) continue;
          const c = COUNTER_RE.exec(p);
          const value = num(c?.[2]);
          if (c?.[1] === undefined || value === undefined) continue;
          f.counters[camel(c[1])] = value;
        }
        continue;
      }
      if ((m = ENDPT_RE.exec(text))) {
        const f = open(line.no);
        f.local ??= m[1];
        f.ios = true;
        f.details.localCryptoEndpoint = m[1];
        if (m[2] !== undefined) {
          f.peer ??= m[2];
          f.details.remoteCryptoEndpoint = m[2];
        }
        continue;
      }
      if ((m = REMOTE_ENDPT_RE.exec(text))) {
        const f = open(line.no);
        f.peer ??= m[1];
        f.details.remoteCryptoEndpoint = m[1];
        continue;
      }
      if ((m = MTU_RE.exec(text))) {
        const f = open(line.no);
        Object.assign(f.details, {
          plaintextMtu: m[1],
          pathMtu: m[2],
          ipMtu: m[3],
          ipMtuIdb: m[4],
        });
        continue;
      }
      if ((m = OUT_SPI_RE.exec(text))) {
        const cur = current();
        if (cur !== null && seen(cur, 'outSpi')) flush();
        const f = open(line.no);
        f.spiOut = m[1];
        f.details._outSpi = '1';
        f.details.currentOutboundSpi = m[1];
        f.details.currentOutboundSpiDecimal = m[2];
        continue;
      }
      if ((m = PFS_RE.exec(text))) {
        const f = open(line.no);
        f.pfs = m[1];
        f.details.pfs = m[1];
        f.details.dhGroup = m[2];
        continue;
      }
      if ((m = SA_LIST_RE.exec(text))) {
        const f = open(line.no);
        list = { direction: m[1] ?? '', protocol: m[2] ?? '' };
        f.listsSeen.add(`${list.direction} ${list.protocol}`);
        sa = null;
        continue;
      }
      if ((m = SPI_RE.exec(text))) {
        const f = open(line.no);
        const where = currentList() ?? { direction: 'unknown', protocol: 'esp' };
        sa = {
          direction: where.direction,
          protocol: where.protocol,
          settings: { spi: m[1], spiDecimal: m[2] },
          lines: [line.no],
        };
        f.sas.push(sa);
        continue;
      }
      // "conn id … crypto-map:" wrapped before the map name (a filtered paste from a narrow terminal).
      const next = lines[i + 1];
      if (
        /conn id:.*crypto[ -]map:\s*$/.test(text) &&
        next !== undefined &&
        /^\s*[\w.-]+\s*$/.test(textOf(next))
      ) {
        text = `${text.trimEnd()} ${textOf(next).trim()}`;
        out.claim(next.no);
        i++;
      }
      if ((m = CONN_RE.exec(text))) {
        const f = open(line.no);
        let cur = currentSa();
        if (cur === null || cur.settings.connId !== undefined) {
          // No spi line before (a filtered paste): the conn id starts an SA of its own.
          cur = {
            direction: currentList()?.direction ?? 'unknown',
            protocol: currentList()?.protocol ?? 'esp',
            settings: {},
            lines: [],
          };
          f.sas.push(cur);
          sa = cur;
        }
        Object.assign(cur.settings, {
          connId: m[1],
          flowId: m[2]?.trim(),
          siblingFlags: m[3],
          cryptoMap: m[4],
        });
        cur.lines.push(line.no);
        continue;
      }
      const cur = currentSa();
      if (cur !== null) {
        let hit = true;
        if ((m = TRANSFORM_RE.exec(text))) cur.settings.transform = m[1];
        else if ((m = IN_USE_RE.exec(text)))
          cur.settings.inUseSettings = m[1]?.replace(/,\s*$/, '').trim();
        else if ((m = TIMING_RE.exec(text)))
          Object.assign(cur.settings, { lifetimeKb: m[1], lifetimeSec: m[2] });
        else if ((m = IV_RE.exec(text))) cur.settings.ivSize = m[1];
        else if ((m = REPLAY_RE.exec(text)))
          Object.assign(cur.settings, { replayDetection: m[1], replayWindow: m[2] });
        else if ((m = STATUS_RE.exec(text))) cur.settings.status = m[1];
        else if (SA_EXTRA_RE.test(text) && /^\s{4,}/.test(text)) hit = true;
        else hit = false;
        if (hit) {
          cur.lines.push(line.no);
          continue;
        }
      }
    }
    flush();
  },
});
