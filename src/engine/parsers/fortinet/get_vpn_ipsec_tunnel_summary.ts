/**
 * FortiGate `get vpn ipsec tunnel summary`: one line per tunnel with its selectors (total / up) and
 * packet counters. A tunnel with no selector up carries no traffic. Each line gives a `session`
 * (status up/down) and an `ipsec-sa` with the counters (rx = decaps, tx = encaps) and the number of
 * selectors up as `saCount`.
 * Source: Fortinet Document Library, FortiOS CLI reference "get vpn ipsec tunnel summary".
 */
import type { Fact } from '../../../knowledge/facts.ts';
import { foundBy } from '../../parse/gate.ts';
import type { ParseResult, Parser } from '../../parse/types.ts';

const ID = 'fortigate-get-vpn-ipsec-tunnel-summary';

// "'to-branch' 198.51.100.2:0  selectors(total,up): 1/1  rx(pkt,err): 1234/0  tx(pkt,err): 1300/2"
// (dial-up instances: "'dialup_0' 203.0.113.7:4500  selectors(total,up): 1/1  rx(pkt,err): …")
const SUMMARY_LINE =
  /'([^']{1,64})' (\S+):(\d+) {1,4}selectors\(total,up\): (\d+)\/(\d+) {1,4}rx\(pkt,err\): (\d+)\/(\d+) {1,4}tx\(pkt,err\): (\d+)\/(\d+)/g;
const MARKER = /selectors\(total,up\): \d+\/\d+/;

/** `get vpn ipsec tunnel summary` on FortiOS. */
export const getVpnIpsecTunnelSummary: Parser = {
  id: ID,
  platform: 'fortigate',
  command: 'get vpn ipsec tunnel summary',
  ...foundBy(MARKER),
  parse(lines): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      for (const line of lines) {
        if (!MARKER.test(line.text)) continue;
        // Several tunnels can run together on one line when a web page collapsed the breaks.
        for (const m of line.text.matchAll(SUMMARY_LINE)) {
          const up = Number(m[5]);
          facts.push({
            kind: 'session',
            platform: 'fortigate',
            format: ID,
            lines: [line.no],
            name: m[1] ?? '',
            peer: m[2] ?? '',
            status: up > 0 ? 'up' : 'down',
          });
          // The same counters as an SA pair: rx = decapsulated, tx = encapsulated; selectors up = SAs installed.
          facts.push({
            kind: 'ipsec-sa',
            platform: 'fortigate',
            format: ID,
            lines: [line.no],
            name: m[1] ?? '',
            peer: m[2] ?? '',
            saCount: up,
            decaps: Number(m[6]),
            recvErrors: Number(m[7]),
            encaps: Number(m[8]),
            sendErrors: Number(m[9]),
          });
          claimed.add(line.no);
        }
      }
    } catch {
      return { facts: [], claimed: new Set() };
    }
    return { facts, claimed };
  },
};
