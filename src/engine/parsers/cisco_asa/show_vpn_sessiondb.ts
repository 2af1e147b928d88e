/**
 * Cisco ASA / FTD `show vpn-sessiondb` (summary): the `VPN Session Summary` and `Tunnels Summary`
 * tables. Each row becomes a `session` fact named after the row, its counts in `status`
 * (`active=99 cumulative=3506999 peak=99 inactive=0`): the vocabulary has no count fields.
 * Source: ntc-templates test data; Cisco ASA command reference.
 */
import type { Fact, SessionFact } from '../../../knowledge/facts.ts';
import { foundBy } from '../../parse/gate.ts';
import type { Line } from '../../parse/lines.ts';
import type { Parser, ParseResult } from '../../parse/types.ts';
import { PLATFORM } from './common.ts';

const ID = 'cisco-asa-show-vpn-sessiondb';

// "VPN Session Summary" / "Tunnels Summary"
const TITLE = /^\s*(VPN Session Summary|Tunnels Summary)\s*$/;
// "                               Active : Cumulative : Peak Concur : Inactive"
const COLUMNS = /^\s*Active : Cumulative : Peak Concur(?:rent)?(?: : Inactive)?\s*$/;
// "Site-to-Site VPN             :     99 :    3506999 :          99" (+ " :        0")
const ROW =
  /^\s*([A-Za-z][\w/-]*(?: [\w/-]+){0,6})\s*:\s*(\d+)\s*:\s*(\d+)(?:\s*:\s*(\d+))?(?:\s*:\s*(\d+))?\s*$/;
// "Total Active and Inactive    :     99             Total Cumulative : 3506999"
const TOTAL = /^\s*Total Active and Inactive\s*:\s*(\d+)\s+Total Cumulative\s*:\s*(\d+)/;
// "Device Total VPN Capacity    :    750" / "Device Load                  :     2%"
const DEVICE = /^\s*(Device Total VPN Capacity|Device Load)\s*:\s*(\d+%?)\s*$/;

/** `show vpn-sessiondb` on ASA / FTD. */
export const showVpnSessiondb: Parser = {
  id: ID,
  platform: PLATFORM,
  command: 'show vpn-sessiondb',
  ...foundBy(TITLE),
  parse(lines: readonly Line[]): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      let table: string | null = null;
      const push = (name: string, status: string, no: number, ikeVersion?: 'ikev1' | 'ikev2') => {
        const f: SessionFact = {
          kind: 'session',
          platform: PLATFORM,
          name,
          status,
          ...(ikeVersion ? { ikeVersion } : {}),
          format: ID,
          lines: [no],
        };
        facts.push(f);
        claimed.add(no);
      };
      for (const l of lines) {
        const t = l.text;
        let m: RegExpExecArray | null;
        if ((m = TITLE.exec(t))) {
          table = m[1] ?? null;
          claimed.add(l.no);
          continue;
        }
        if (table === null) continue;
        if (COLUMNS.test(t)) claimed.add(l.no);
        else if ((m = TOTAL.exec(t)))
          push('Total Active and Inactive', `active=${m[1] ?? ''} cumulative=${m[2] ?? ''}`, l.no);
        else if ((m = DEVICE.exec(t))) push(m[1] ?? '', m[2] ?? '', l.no);
        else if ((m = ROW.exec(t))) {
          const name = m[1] ?? '';
          const parts = [`active=${m[2] ?? ''}`, `cumulative=${m[3] ?? ''}`];
          if (m[4] !== undefined) parts.push(`peak=${m[4]}`);
          if (m[5] !== undefined) parts.push(`inactive=${m[5]}`);
          const v = /IKEv2/.test(name) ? 'ikev2' : /IKEv1/.test(name) ? 'ikev1' : undefined;
          push(table === 'Tunnels Summary' ? `Tunnels: ${name}` : name, parts.join(' '), l.no, v);
        } else if (!/^\s*-{3,}\s*$/.test(t) && t.trim() !== '' && !/^\S+#/.test(t)) table = null;
      }
    } catch {
      // keep what was read
    }
    return { facts, claimed };
  },
};
