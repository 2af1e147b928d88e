/**
 * Cisco IOS / IOS-XE `show ip route [vrf <name>] <address>` answers: `% Subnet not in table` /
 * `% Network not in table` give a `route` fact with found:false (and the signal `route.missing`),
 * the prefix and VRF taken from the command typed before it when the paste shows it;
 * `Routing entry for <prefix>` gives found:true with the prefix.
 */
import type { RouteFact } from '../../../knowledge/facts.ts';
import {
  ADDR,
  PLATFORM,
  defined,
  maskBits,
  showParser,
  textOf,
  typedCommand,
  commandRe,
} from './show_common.ts';

// Sample: "% Subnet not in table" / "% Network not in table" (matched anywhere: pages run lines together)
const MISSING_RE = /%\s?(Subnet|Network) not in table/;
// Sample: "Routing entry for 192.168.2.0/24" / "Routing entry for 0.0.0.0 0.0.0.0, supernet"
const ENTRY_RE = new RegExp(
  String.raw`^\s*Routing entry for\s+(${ADDR})(?:\/(\d{1,3})|\s+(\d{1,3}(?:\.\d{1,3}){3}))?`,
);
// Sample: "Routing Table: INET"
const TABLE_RE = /^\s*Routing Table:\s*(\S+)\s*$/;
// The indented lines of a route entry. Samples: '  Known via "static", distance 1, metric 0 (connected)',
// "  Routing Descriptor Blocks:", "  * directly connected, via Tunnel0", "      Route metric is 0, traffic share count is 1"
const ENTRY_LINE_RE =
  /^\s+(?:Known via|Redistributing via|Advertised by|Last update from|Routing Descriptor Blocks:|\*?\s*(?:directly connected|\d[\d.]*, from|[0-9a-fA-F:.]+(?:, via| \(|$))|Route metric is|Route count is|MPLS label|Tag \d|Routing information|Local Label|Supernet)/;
// The command typed: "show ip route 192.168.1.14", "sh ip ro vrf INET 10.2.2.2"
const COMMAND_RE = new RegExp(
  String.raw`^sh(?:ow?)?\s+ip\s+ro(?:u(?:te?)?)?\s+(?:vrf\s+(\S+)\s+)?(${ADDR})(?:\s+(\d{1,3}(?:\.\d{1,3}){3}))?`,
);

/** `show ip route <address>`. */
export const showIpRoute = showParser({
  id: 'cisco-ios-show-ip-route',
  command: 'show ip route',
  typed: commandRe([
    ['show', 2],
    ['ip', 2],
    ['route', 2],
  ]),
  marker: /%\s?(?:Subnet|Network) not in table|^\s*Routing entry for\s/,
  read(lines, out) {
    let asked: { prefix: string; vrf?: string | undefined; line: number } | null = null;
    let vrfTable: string | undefined;
    let inEntry = false;
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      const typed = typedCommand(text);
      if (typed !== null) {
        const c = COMMAND_RE.exec(typed);
        asked = c
          ? {
              prefix: c[3] !== undefined ? `${c[2] ?? ''} ${c[3]}` : (c[2] ?? ''),
              vrf: c[1],
              line: line.no,
            }
          : null;
        vrfTable = undefined;
        inEntry = false;
        continue;
      }
      let m = MISSING_RE.exec(text);
      if (m) {
        const ask = asked as { prefix: string; vrf?: string | undefined; line: number } | null;
        const base = { platform: PLATFORM, ...(ask?.vrf !== undefined ? { vrf: ask.vrf } : {}) };
        out.add(
          defined<Omit<RouteFact, 'format' | 'lines'>>({
            kind: 'route',
            ...base,
            found: false,
            prefix: ask?.prefix,
          }),
          [line.no],
        );
        out.add(
          {
            kind: 'signal',
            signal: 'route.missing',
            platform: PLATFORM,
            value: ask?.prefix ?? m[1] ?? '',
          },
          [line.no],
        );
        inEntry = false;
        continue;
      }
      if ((m = TABLE_RE.exec(text))) {
        vrfTable = m[1];
        out.claim(line.no);
        continue;
      }
      if ((m = ENTRY_RE.exec(text))) {
        const addr = m[1] ?? '';
        const bits = m[2] ?? (m[3] !== undefined ? maskBits(m[3]) : undefined);
        const prefix = bits !== undefined ? `${addr}/${bits}` : addr;
        const vrf = (asked as { vrf?: string | undefined } | null)?.vrf ?? vrfTable;
        out.add(
          defined<Omit<RouteFact, 'format' | 'lines'>>({
            kind: 'route',
            platform: PLATFORM,
            found: true,
            prefix,
            vrf,
          }),
          [line.no],
        );
        inEntry = true;
        continue;
      }
      if (inEntry && ENTRY_LINE_RE.test(text)) {
        out.claim(line.no);
        continue;
      }
      inEntry = false;
    }
  },
});
