/**
 * Cisco ASA / FTD `show crypto ipsec sa` (also `… detail`, `… peer x`): one block per crypto map
 * entry (`Crypto map tag: COLO-MAP, seq num: 2, local addr: 172.16.248.119`), its counters and its
 * inbound/outbound ESP SAs. Sources: Cisco ASA command reference; ntc-templates test data.
 */
import type { Fact, IpsecSaFact } from '../../../knowledge/facts.ts';
import { foundBy } from '../../parse/gate.ts';
import type { Line } from '../../parse/lines.ts';
import type { Parser, ParseResult } from '../../parse/types.ts';
import { ADDR, PLATFORM, compact } from './common.ts';

const ID = 'cisco-asa-show-crypto-ipsec-sa';

// "interface: outside"
const INTERFACE = /^\s*interface:\s*(\S+)\s*$/;
// "    Crypto map tag: COLO-MAP, seq num: 2, local addr: 172.16.248.119"
const MAP_TAG = new RegExp(
  String.raw`^\s*Crypto map tag:\s*([^,\s]+),\s*(?:seq num:\s*(\d+),\s*)?local addr(?::|\.)?\s*(${ADDR})`,
);
// "      access-list outside_cryptomap extended permit ip 192.168.1.0 255.255.255.0 172.16.1.0 255.255.255.0"
const ACL = /^\s*access-list \S+ (?:line \d+ )?(?:extended )?(?:permit|deny) /;
// "      local ident (addr/mask/prot/port): (192.168.1.0/255.255.255.0/0/0)"
const IDENT = /^\s*(local|remote) ident \(addr\/mask\/prot\/port\):\s*\(([^)]{1,200})\)/;
// "      current_peer: 10.0.0.2" / "current_peer: 10.0.0.2 port 4500"
const PEER = new RegExp(String.raw`^\s*current_peer:\s*(${ADDR})`);
// "      dynamic allocated peer ip: 10.135.1.5", "dynamic allocated peer ip(v6): 0.0.0.0"
const DYNAMIC = /^\s*dynamic allocated peer ip(?:\(v6\))?:/;
// "#pkts encaps: 4, #pkts encrypt: 4, #pkts digest: 4" (every counter line starts with '#')
const COUNTER_LINE = /^\s*#[^:]{1,60}:\s*\d+/;
const COUNTER = /#([^:#,]{1,60}):\s*(\d+)/g;
// "local crypto endpt.: 172.16.248.119/4500, remote crypto endpt.: 8.8.8.8/4500"
const ENDPOINTS = new RegExp(
  String.raw`^\s*local crypto endpt\.:\s*(${ADDR}?)(?:/(\d+))?,\s*remote crypto endpt\.:\s*(${ADDR}?)(?:/(\d+))?`,
);
// "path mtu 1500, ipsec overhead 82(52), media mtu 1500", "PMTU time remaining (sec): 0, DF policy: copy-df",
// "ICMP error validation: disabled, TFC packets: disabled", "protected vrf (ivrf): Global"
const MISC =
  /^\s*(?:path mtu \d+|PMTU time remaining|ICMP error validation:|protected vrf|IV size:|replay detection support:|Anti replay bitmap:|slot: \d+, conn_id:|0x[0-9A-Fa-f]{8}(?: 0x[0-9A-Fa-f]{8})*\s*$)/;
// "current outbound spi: 50023DDC" / "current inbound spi : 32F752FF"
const CURRENT_SPI = /^\s*current (inbound|outbound) spi\s*:\s*(?:0x)?([0-9A-Fa-f]+)/;
// "    inbound esp sas:" / "outbound ah sas:"
const DIRECTION = /^\s*(inbound|outbound) (esp|ah|pcp) sas:/;
// "      spi: 0x32F752FF (855069439)"
const SPI = /^\s*spi:\s*(0x[0-9A-Fa-f]+)/;
// "         SA State: active"
const SA_STATE = /^\s*SA State:\s*(\S+)/;
// "         transform: esp-aes-256 esp-md5-hmac no compression"
const TRANSFORM = /^\s*transform:\s*(\S+(?: \S+)*?)(?: no compression)?\s*$/;
// "         in use settings ={L2L, Tunnel,  NAT-T-Encaps, PFS Group 14, IKEv2, }"
const IN_USE = /^\s*in use settings\s*=\s*\{([^}]{0,300})\}/;
// "         sa timing: remaining key lifetime (kB/sec): (2699423/25461)" / "(sec): 548"
const TIMING = /^\s*sa timing: remaining key lifetime \((kB\/sec|sec)\):\s*\(?(\d+)(?:\/(\d+))?\)?/;
// "peer address: 198.51.100.20" (`show crypto ipsec sa peer …`)
const PEER_ADDRESS = new RegExp(String.raw`^\s*peer address:\s*${ADDR}\s*$`);
// "There are no ipsec sas"
const NO_SAS = /^\s*There are no ipsec sas/i;

const COUNTER_FIELDS: Record<string, keyof IpsecSaFact> = {
  'pkts encaps': 'encaps',
  'pkts encrypt': 'encrypt',
  'pkts digest': 'digest',
  'pkts decaps': 'decaps',
  'pkts decrypt': 'decrypt',
  'pkts verify': 'verify',
  'pkts compressed': 'compressed',
  'send errors': 'sendErrors',
  'recv errors': 'recvErrors',
  'pkts verify failed': 'verifyFailed',
  'pkts replay failed': 'replayFailed',
};

type Mut<T> = { -readonly [K in keyof T]?: T[K] | undefined };

// ASA wording only: "local addr:" with a colon, "seq num:", ASA-only counters and settings.
const DETECT =
  /Crypto map tag: \S+, (?:seq num: \d+, )?local addr: |#pre-frag successes|#TFC rcvd|in use settings =\{(?:L2L|RA)/;

/** `show crypto ipsec sa` on ASA / FTD. */
export const showCryptoIpsecSa: Parser = {
  id: ID,
  platform: PLATFORM,
  command: 'show crypto ipsec sa',
  ...foundBy(DETECT),
  parse(lines: readonly Line[]): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      let iface: string | undefined;
      let cur: {
        f: Mut<IpsecSaFact>;
        lines: number[];
        dir?: string;
        current: Record<string, string>;
      } | null = null;
      const flush = () => {
        if (cur) {
          const f = cur.f;
          if (f.spiIn === undefined && cur.current.inbound) f.spiIn = `0x${cur.current.inbound}`;
          if (f.spiOut === undefined && cur.current.outbound)
            f.spiOut = `0x${cur.current.outbound}`;
          facts.push(
            compact({
              ...f,
              kind: 'ipsec-sa',
              platform: PLATFORM,
              format: ID,
              lines: cur.lines,
            }) as IpsecSaFact,
          );
        }
        cur = null;
      };
      for (const l of lines) {
        const t = l.text;
        let m: RegExpExecArray | null;
        const take = () => {
          claimed.add(l.no);
          if (cur) cur.lines.push(l.no);
        };
        if ((m = INTERFACE.exec(t))) {
          flush();
          iface = m[1];
          claimed.add(l.no);
          continue;
        }
        if ((m = MAP_TAG.exec(t))) {
          flush();
          cur = {
            f: {
              interface: iface,
              cryptoMap: m[1],
              name: m[2] ? `${m[1] ?? ''} ${m[2]}` : m[1],
              local: m[3],
            },
            lines: [l.no],
            current: {},
          };
          claimed.add(l.no);
          continue;
        }
        if (NO_SAS.test(t) || PEER_ADDRESS.test(t)) {
          claimed.add(l.no);
          continue;
        }
        if (!cur) continue;
        const f = cur.f;
        if (ACL.test(t) || DYNAMIC.test(t) || MISC.test(t)) take();
        else if ((m = IDENT.exec(t))) {
          if (m[1] === 'local') f.localSelector = m[2];
          else f.remoteSelector = m[2];
          take();
        } else if ((m = PEER.exec(t))) {
          f.peer = m[1];
          take();
        } else if (COUNTER_LINE.test(t)) {
          for (const c of t.matchAll(COUNTER)) {
            const key = (c[1] ?? '')
              .trim()
              .toLowerCase()
              .replace(/\s*\([^)]*\)\s*/g, ' ')
              .trim();
            const field = COUNTER_FIELDS[key];
            if (field) (f as Record<string, unknown>)[field] = Number(c[2]);
          }
          take();
        } else if ((m = ENDPOINTS.exec(t))) {
          if (m[1]) f.local = m[1];
          if (m[2] === '4500' || m[4] === '4500') f.natT = true;
          take();
        } else if ((m = CURRENT_SPI.exec(t))) {
          cur.current[m[1] ?? ''] = (m[2] ?? '').toUpperCase();
          take();
        } else if ((m = DIRECTION.exec(t))) {
          cur.dir = m[1] ?? '';
          take();
        } else if ((m = SPI.exec(t))) {
          if (cur.dir === 'inbound' && f.spiIn === undefined) f.spiIn = m[1];
          if (cur.dir === 'outbound' && f.spiOut === undefined) f.spiOut = m[1];
          take();
        } else if ((m = SA_STATE.exec(t))) {
          f.status ??= m[1];
          take();
        } else if ((m = TRANSFORM.exec(t))) {
          f.transform ??= m[1];
          take();
        } else if ((m = IN_USE.exec(t))) {
          const parts = (m[1] ?? '').split(',').map((s) => s.trim());
          const mode = parts.find((p) => /^(?:Tunnel|Transport)$/i.test(p));
          if (mode) f.mode = mode;
          if (parts.some((p) => /NAT-T/i.test(p))) f.natT = true;
          const pfs = parts.find((p) => /^PFS Group/i.test(p));
          if (pfs) f.pfs = pfs.replace(/^PFS Group\s*/i, 'group');
          take();
        } else if ((m = TIMING.exec(t))) {
          f.lifetime ??= m[3] ? `${m[2] ?? ''} kB/${m[3]} sec` : `${m[2] ?? ''} sec`;
          take();
        }
      }
      flush();
    } catch {
      // keep what was read
    }
    return { facts, claimed };
  },
};
