/**
 * Cisco ASA / FTD `show asp table vpn-context [detail]`: one block per data-plane VPN context
 * (`VPN CTX = 0x01177414`, `Peer IP = …`, `Flags = DECR+ESP+NATT`, `SPI = …`, counters).
 * A DECR context is the inbound SA, an ENCR context the outbound one.
 * Source: ntc-templates test data; Cisco ASA command reference.
 */
import type { Fact, IpsecSaFact } from '../../../knowledge/facts.ts';
import { foundBy } from '../../parse/gate.ts';
import type { Line } from '../../parse/lines.ts';
import type { Parser, ParseResult } from '../../parse/types.ts';
import { PLATFORM, compact, num } from './common.ts';

const ID = 'cisco-asa-show-asp-table-vpn-context';

// "VPN CTX  = 0x01177414"
const CTX = /^\s*VPN CTX\s*=\s*(0x[0-9A-Fa-f]+)\s*$/;
// "Peer IP  = 10.10.200.25", "Bad Crypto = 1", "VPN Filter = <none>"
const FIELD =
  /^\s*(Peer IP|Pointer|State|Flags|SA|SPI|Group|Pkts|Bad Pkts|Bad SPI|Spoof|Bad Crypto|Rekey Pkt|Rekey Call|VPN Filter)\s*=\s*(\S*)\s*$/;

type Mut<T> = { -readonly [K in keyof T]?: T[K] | undefined };

/** `show asp table vpn-context detail` on ASA / FTD. */
export const showAspTableVpnContext: Parser = {
  id: ID,
  platform: PLATFORM,
  command: 'show asp table vpn-context detail',
  ...foundBy(CTX),
  parse(lines: readonly Line[]): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      let cur: { kv: Map<string, string>; ctx: string; lines: number[] } | null = null;
      const flush = () => {
        if (!cur) return;
        const kv = cur.kv;
        const flags = kv.get('Flags') ?? '';
        const inbound = /DECR/.test(flags);
        const pkts = num(kv.get('Pkts'));
        const f: Mut<IpsecSaFact> = {
          peer: kv.get('Peer IP'),
          name: `VPN CTX ${cur.ctx}`,
          status: kv.get('State'),
          natT: /NATT/.test(flags) ? true : undefined,
          ...(inbound
            ? {
                spiIn: kv.get('SPI'),
                decaps: pkts,
                recvErrors: num(kv.get('Bad Pkts')),
                verifyFailed: num(kv.get('Bad Crypto')),
              }
            : { spiOut: kv.get('SPI'), encaps: pkts, sendErrors: num(kv.get('Bad Pkts')) }),
        };
        facts.push(
          compact({
            ...f,
            kind: 'ipsec-sa',
            platform: PLATFORM,
            format: ID,
            lines: cur.lines,
          }) as IpsecSaFact,
        );
        cur = null;
      };
      for (const l of lines) {
        let m: RegExpExecArray | null;
        if ((m = CTX.exec(l.text))) {
          flush();
          cur = { kv: new Map(), ctx: m[1] ?? '', lines: [l.no] };
          claimed.add(l.no);
        } else if (cur && (m = FIELD.exec(l.text))) {
          cur.kv.set(m[1] ?? '', m[2] ?? '');
          cur.lines.push(l.no);
          claimed.add(l.no);
        }
      }
      flush();
    } catch {
      // keep what was read
    }
    return { facts, claimed };
  },
};
