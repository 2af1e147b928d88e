/**
 * Cisco IOS / IOS-XE `show dmvpn`: one `session` fact per NHRP peer (peer = NBMA address, status =
 * the State column as printed: UP, IKE, IPSEC, NHRP, DOWN …), and a `crypto-config` record
 * (`dmvpn-peer`) with the tunnel address, up/down time, attributes and entry count.
 */
import { ADDR, PLATFORM, showParser, textOf, commandRe } from './show_common.ts';

// Sample: "Interface: Tunnel100, IPv4 NHRP Details " / "Tunnel100, Type:Hub, NHRP Peers:2,"
const INTERFACE_RE =
  /^\s*(?:Interface:\s*)?(Tunnel\d[\d/.]*),\s*(?:IPv[46] NHRP Details|Type\s*:\s*(\w+))/;
// Sample: "Type:Spoke, NHRP Peers:2, "
const TYPE_RE = /^\s*Type\s*:\s*(\w+),\s*NHRP Peers\s*:\s*(\d+)/;
// Sample: " # Ent  Peer NBMA Addr Peer Tunnel Add State  UpDn Tm Attrb"
const COLUMNS_RE = /^\s*# Ent\s+Peer NBMA Addr\s+Peer Tunnel Add\s+State\s+UpDn Tm\s+Attrb\s*$/;
// Sample: "     1 10.200.0.3           10.253.0.1    UP 03:19:46     S"
const ROW_RE = new RegExp(
  String.raw`^\s*(\d+)\s+(${ADDR}|UNKNOWN)\s+(${ADDR})\s+([A-Z][A-Z-]*)\s+(\S+)\s+([A-Z0-9]{1,6}(?:\s[A-Z0-9]{1,3}){0,3})\s*$`,
);
// The legend after "Legend:". Samples: "        N - NATed, L - Local, X - No Socket", "        T1 - Route Installed, T2 - Nexthop-override",
// "        C - CTS Capable", "        # Ent --> Number of NHRP entries with same NBMA peer",
// "        NHS Status: E --> Expecting Replies, R --> Responding, W --> Waiting", "        UpDn Time --> Up or Down Time for a Tunnel"
const LEGEND_RE =
  /^\s*(?:Legend: Attrb -->|N - NATed|T1 - Route Installed|C - CTS Capable|# Ent -->|NHS Status: E -->|UpDn Time -->|I2 - Temporary|\d? ?- ?Static)/;

/** `show dmvpn`. */
export const showDmvpn = showParser({
  id: 'cisco-ios-show-dmvpn',
  command: 'show dmvpn',
  typed: commandRe([
    ['show', 2],
    ['dmvpn', 2],
  ]),
  marker: /Peer NBMA Addr|IPv[46] NHRP Details|Legend: Attrb -->/,
  read(lines, out) {
    let iface: string | undefined;
    let type: string | undefined;
    let inTable = false;
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      let m = INTERFACE_RE.exec(text);
      if (m) {
        iface = m[1];
        if (m[2] !== undefined) type = m[2];
        out.claim(line.no);
        continue;
      }
      if ((m = TYPE_RE.exec(text))) {
        type = m[1];
        out.claim(line.no);
        continue;
      }
      if (LEGEND_RE.test(text)) {
        out.claim(line.no);
        continue;
      }
      if (COLUMNS_RE.test(text)) {
        inTable = true;
        out.claim(line.no);
        continue;
      }
      if (!inTable) continue;
      if ((m = ROW_RE.exec(text))) {
        const [, entries = '', nbma = '', tunnel = '', state = '', upDn = '', attrb = ''] = m;
        out.add(
          {
            kind: 'session',
            platform: PLATFORM,
            peer: nbma,
            status: state,
            ...(iface !== undefined ? { interface: iface } : {}),
          },
          [line.no],
        );
        const settings: Record<string, string> = {
          peerNbma: nbma,
          peerTunnel: tunnel,
          state,
          upDownTime: upDn,
          attributes: attrb,
          entries,
        };
        if (iface !== undefined) settings.interface = iface;
        if (type !== undefined) settings.type = type;
        out.add(
          {
            kind: 'crypto-config',
            platform: PLATFORM,
            object: 'dmvpn-peer',
            name: tunnel,
            settings,
          },
          [line.no],
        );
      }
    }
  },
});
