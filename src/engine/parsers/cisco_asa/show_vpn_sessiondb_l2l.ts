/**
 * Cisco ASA / FTD `show vpn-sessiondb l2l`, `show vpn-sessiondb detail l2l` and the session blocks
 * of `show vpn-sessiondb anyconnect`: `Key : value` lines (one or two per line), a block per
 * connection, and in `detail` the `IKEv1:` / `IKEv2:` / `IKE:` / `IPsec:` / `NAC:` subsections.
 * Sources: Cisco ASA command reference; ntc-templates test data.
 */
import type { Fact, IkeSaFact, IpsecSaFact, SessionFact } from '../../../knowledge/facts.ts';
import type { IkeVersion } from '../../../knowledge/schema.ts';
import { foundBy } from '../../parse/gate.ts';
import type { Line } from '../../parse/lines.ts';
import type { Parser, ParseResult } from '../../parse/types.ts';
import { PLATFORM, compact, num } from './common.ts';

const ID = 'cisco-asa-show-vpn-sessiondb-l2l';

// "Session Type: LAN-to-LAN Detailed" / "Session Type: AnyConnect"
const SESSION_TYPE =
  /^\s*Session Type:\s*(LAN-to-LAN|AnyConnect|IKEv1 IPsec|IKEv2 IPsec|Generic Remote Access|Clientless|Email Proxy|VPN Load Balancing|[\w -]{1,40})(?: Detailed)?\s*$/;
// "IKEv1 Tunnels: 1" / "IPsec Tunnels: 2" / "IKE Tunnels: 1"
const TUNNEL_COUNT =
  /^\s*(?:IKEv1|IKEv2|IKE|IPsec|IPsecOverNatT|AnyConnect-Parent|SSL-Tunnel|DTLS-Tunnel|Clientless) Tunnels:\s*\d+\s*$/;
// "IKEv1:" / "  IPsec:" / "NAC:"
const SECTION =
  /^\s*(IKEv1|IKEv2|IKE|IPsec|IPsecOverNatT|NAC|AnyConnect-Parent|SSL-Tunnel|DTLS-Tunnel|Clientless|L2TPOverIPsec|IPsecOverTCP|IPsecOverUDP):\s*$/;
// The first key of a line: "Index        : 382305", "Encapsulation: Tunnel", "Rekey Int (T): 28800 Seconds".
const FIRST_KEY = /^\s*([A-Za-z][\w/().-]{0,20}(?: [\w/().-]{1,20}){0,3})\s*:(?:\s|$)/;
// Keys that print in the right-hand column.
const SECOND_KEYS = [
  'IP Addr',
  'Public IP',
  'Index',
  'Bytes Rx',
  'Pkts Rx',
  'Tunnel Group',
  'VLAN',
  'UDP Dst Port',
  'Auth Mode',
  'Hashing',
  'Rekey Left(T)',
  'Rekey Left(D)',
  'PFS Group',
  'Idle TO Left',
  'D/H Group',
  'Reval Left(T)',
  'EoU Age(T)',
  'Posture Token',
  'Tunnel Zone',
  'Encapsulation',
  'Client OS',
  'Client Type',
  'TCP Dst Port',
  'Assigned IPv6',
  'Pkts Rx Drop',
  'Conn Time Out',
  'Auth Mode',
  'Client Ver',
];

/** Splits a `Key : value   Key2 : value2` line; null when it is not one. */
function keyValues(text: string): [string, string][] | null {
  const m = FIRST_KEY.exec(text);
  if (!m) return null;
  const key1 = (m[1] ?? '').trim();
  const rest = text.slice(m[0].length);
  let cut = -1;
  let key2 = '';
  for (const k of SECOND_KEYS) {
    let from = 0;
    for (;;) {
      const i = rest.indexOf(k, from);
      if (i < 0) break;
      from = i + 1;
      if (i < 2 || rest[i - 1] !== ' ' || rest[i - 2] !== ' ') continue;
      const after = rest.slice(i + k.length, i + k.length + 20).trimStart();
      if (!after.startsWith(':')) continue;
      if (cut < 0 || i < cut) {
        cut = i;
        key2 = k;
      }
      break;
    }
  }
  if (cut < 0) return [[key1, rest.trim()]];
  const tail = rest.slice(cut + key2.length);
  return [
    [key1, rest.slice(0, cut).trim()],
    [key2, tail.slice(tail.indexOf(':') + 1).trim()],
  ];
}

type Mut<T> = { -readonly [K in keyof T]?: T[K] | undefined };
interface Block {
  kv: Map<string, string>;
  lines: number[];
}

const versionOf = (s: string | undefined): IkeVersion | undefined =>
  s && /IKEv2/i.test(s) ? 'ikev2' : s && /IKE/i.test(s) ? 'ikev1' : undefined;

// The fields that open a session block: "Session Type:", "Connection :", "Username : … Index :".
const DETECT = /^\s*(?:Session Type:|Connection\s*:|Username\s*:.*Index\s*:)/;

/** `show vpn-sessiondb [detail] l2l` and `show vpn-sessiondb anyconnect` on ASA / FTD. */
export const showVpnSessiondbL2l: Parser = {
  id: ID,
  platform: PLATFORM,
  command: 'show vpn-sessiondb detail l2l',
  ...foundBy(DETECT),
  parse(lines: readonly Line[]): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      let inside = false;
      let session: Block | null = null;
      let section: { name: string; block: Block } | null = null;
      const sessionFacts = (s: Block): void => {
        const kv = s.kv;
        const name = kv.get('Connection') || kv.get('Username');
        const peer = kv.get('IP Addr') || kv.get('Public IP');
        const f: Mut<SessionFact> = {
          name,
          peer,
          ikeVersion: versionOf(kv.get('Protocol')),
          bytesOut: num(kv.get('Bytes Tx')),
          bytesIn: num(kv.get('Bytes Rx')),
          remoteSelector: kv.get('Assigned IP'),
        };
        facts.push(
          compact({
            ...f,
            kind: 'session',
            platform: PLATFORM,
            format: ID,
            lines: s.lines,
          }) as SessionFact,
        );
      };
      const sectionFacts = (sec: { name: string; block: Block }, s: Block | null): void => {
        const kv = sec.block.kv;
        const peer = s?.kv.get('IP Addr') || s?.kv.get('Public IP');
        const conn = s?.kv.get('Connection');
        if (/^IKE/.test(sec.name)) {
          const f: Mut<IkeSaFact> = {
            peer,
            name: conn,
            ikeVersion:
              sec.name === 'IKEv2'
                ? 'ikev2'
                : sec.name === 'IKEv1'
                  ? 'ikev1'
                  : (versionOf(s?.kv.get('Protocol')) ?? 'ikev1'),
            connectionId: kv.get('Tunnel ID'),
            encryption: kv.get('Encryption'),
            integrity: kv.get('Hashing'),
            prf: kv.get('PRF'),
            dhGroup: kv.get('D/H Group'),
            authentication: kv.get('Auth Mode') || kv.get('Rem Auth Mode'),
            lifetime: kv.get('Rekey Int (T)'),
            natT:
              kv.get('UDP Src Port') === '4500' || kv.get('UDP Dst Port') === '4500'
                ? true
                : undefined,
          };
          facts.push(
            compact({
              ...f,
              kind: 'ike-sa',
              platform: PLATFORM,
              format: ID,
              lines: sec.block.lines,
            }) as IkeSaFact,
          );
        } else if (/^IPsec/.test(sec.name)) {
          const enc = kv.get('Encryption');
          const hash = kv.get('Hashing');
          const lt = [kv.get('Rekey Int (T)'), kv.get('Rekey Int (D)')].filter(Boolean).join(' / ');
          const f: Mut<IpsecSaFact> = {
            peer,
            name: kv.get('Tunnel ID'),
            localSelector: kv.get('Local Addr'),
            remoteSelector: kv.get('Remote Addr'),
            transform: [enc, hash].filter(Boolean).join(' ') || undefined,
            mode: kv.get('Encapsulation'),
            pfs: kv.get('PFS Group'),
            lifetime: lt || undefined,
            encaps: num(kv.get('Pkts Tx')),
            decaps: num(kv.get('Pkts Rx')),
            natT:
              sec.name === 'IPsecOverNatT' || kv.get('UDP Src Port') === '4500' ? true : undefined,
          };
          facts.push(
            compact({
              ...f,
              kind: 'ipsec-sa',
              platform: PLATFORM,
              format: ID,
              lines: sec.block.lines,
            }) as IpsecSaFact,
          );
        }
      };
      const endSection = () => {
        if (section) sectionFacts(section, session);
        section = null;
      };
      const endSession = () => {
        endSection();
        if (session) sessionFacts(session);
        session = null;
      };
      for (const l of lines) {
        const t = l.text;
        if (t.trim() === '') continue;
        let m: RegExpExecArray | null;
        if ((m = SESSION_TYPE.exec(t))) {
          endSession();
          inside = true;
          claimed.add(l.no);
          continue;
        }
        if (TUNNEL_COUNT.test(t) && inside) {
          endSection();
          claimed.add(l.no);
          continue;
        }
        if ((m = SECTION.exec(t)) && inside) {
          endSection();
          section = { name: m[1] ?? '', block: { kv: new Map(), lines: [l.no] } };
          claimed.add(l.no);
          continue;
        }
        const kvs = keyValues(t);
        const startsSession =
          kvs !== null && (kvs[0]?.[0] === 'Connection' || kvs[0]?.[0] === 'Username');
        if (startsSession && (inside || /Index\s*:/.test(t) || /^\s*Connection\s*:/.test(t))) {
          endSession();
          inside = true;
          session = { kv: new Map(), lines: [] };
        }
        if (!inside || kvs === null) {
          if (inside && !/^\s/.test(t) && kvs === null) {
            endSession();
            inside = false;
          }
          continue;
        }
        const target = section ? section.block : session;
        if (!target) continue;
        for (const [k, v] of kvs) if (!target.kv.has(k)) target.kv.set(k, v);
        target.lines.push(l.no);
        claimed.add(l.no);
      }
      endSession();
    } catch {
      // keep what was read
    }
    return { facts, claimed };
  },
};
