/**
 * Cisco IOS / IOS-XE `show interface tunnel <n>` (also Virtual-Access / Virtual-Template): a
 * `tunnel` fact with the line protocol, `Tunnel protocol/transport` mode (GRE/IP, IPSEC/IP,
 * multi-GRE/IP …), GRE key, source, destination and the IPsec profile protecting it.
 */
import type { TunnelFact } from '../../../knowledge/facts.ts';
import { ADDR, PLATFORM, defined, showParser, textOf } from './show_common.ts';

// Sample: "Tunnel1 is up, line protocol is down"
// Sample: "Tunnel0 is administratively down, line protocol is down"
const HEAD_RE =
  /^\s*((?:Tunnel|Virtual-Access|Virtual-Template)\d[\d/.:]*) is (up|down|administratively down|deleted),\s*line protocol is (up|down)\b/;
// Sample: "  Tunnel protocol/transport GRE/IP" / "  Tunnel protocol/transport IPSEC/IP"
const MODE_RE = /^\s*Tunnel protocol\/transport\s+(\S+)/;
// Sample: "    Key 0x2, sequencing disabled" / "    Key disabled, sequencing disabled"
const KEY_RE = /^\s*Key\s+(0x[0-9A-Fa-f]+|\d+|disabled)\b/;
// Sample: "  Tunnel source 10.1.1.1 (GigabitEthernet0/0), destination 10.2.2.2"
// Sample: "  Tunnel source 10.0.0.1 (GigabitEthernet0/0)"
const SOURCE_RE = new RegExp(
  String.raw`^\s*Tunnel source\s+(${ADDR}|[\w/.-]+)(?:\s+\([^()]{0,60}\))?(?:,\s*destination\s+(${ADDR}|[\w.-]+))?`,
);
// Sample: "  Tunnel protection via IPSec (profile "default")"
const PROTECTION_RE = /^\s*Tunnel protection via IPSec\s*\(profile\s*"([^"]{0,80})"/;

/** A tunnel being read. */
type Draft = { -readonly [K in keyof TunnelFact]?: TunnelFact[K] | undefined } & { name: string };

/** `show interface tunnel`. */
export const showInterfaceTunnel = showParser({
  id: 'cisco-ios-show-interface-tunnel',
  command: 'show interface tunnel',
  typed: /^sh(?:o(?:w)?)?\s+(?:int|interfaces?)\w*\s+(?:tu|Tunnel|vi|Virtual)/i,
  marker: /^\s*(?:Tunnel|Virtual-Access|Virtual-Template)\d[\d/.:]* is .{0,40}line protocol is/,
  read(lines, out) {
    let tunnel: { fact: Draft; lines: number[] } | null = null;
    const flush = () => {
      if (tunnel !== null) {
        const { fact, lines: nos } = tunnel;
        out.add(
          defined<Omit<TunnelFact, 'format' | 'lines'>>({
            ...fact,
            kind: 'tunnel',
            platform: PLATFORM,
          }),
          nos,
        );
      }
      tunnel = null;
    };
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      let m = HEAD_RE.exec(text);
      if (m) {
        flush();
        tunnel = {
          fact: { name: m[1] ?? '', lineProtocol: m[3] === 'up' ? 'up' : 'down' },
          lines: [line.no],
        };
        continue;
      }
      const cur = tunnel as { fact: Draft; lines: number[] } | null;
      if (cur === null) continue;
      if (!/^\s/.test(text)) {
        flush();
        continue;
      }
      if ((m = MODE_RE.exec(text))) cur.fact.mode = m[1];
      else if ((m = KEY_RE.exec(text))) {
        if (m[1] !== 'disabled') cur.fact.key = m[1];
      } else if ((m = SOURCE_RE.exec(text))) {
        cur.fact.source = m[1];
        if (m[2] !== undefined) cur.fact.destination = m[2];
      } else if ((m = PROTECTION_RE.exec(text))) cur.fact.protection = m[1];
      // Every other indented line belongs to the interface block (counters, MTU, queues …).
      cur.lines.push(line.no);
    }
    flush();
  },
});
