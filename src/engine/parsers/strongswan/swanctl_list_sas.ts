/**
 * strongSwan `swanctl --list-sas` (vici): one block per IKE SA (`name: #uid, STATE, IKEvN, SPIs`)
 * with its endpoints and proposal, then indented CHILD SAs (`child: #uid, reqid N, STATE, MODE,
 * ESP:…`) with their SPIs, counters and traffic selectors.
 * Sources: strongSwan documentation, "swanctl --list-sas" (docs.strongswan.org) and
 * src/swanctl/commands/list_sas.c output formats.
 */
import type { Fact, IkeSaFact, IpsecSaFact, SessionFact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import { readerParser, type ParseResult, type Parser } from '../../parse/types.ts';
import { splitProposal } from './ipsec_statusall.ts';

const ID = 'strongswan-swanctl-list-sas';

// "gw-gw: #1, ESTABLISHED, IKEv2, 1234abcd56789012_i* 5678ef0123456789_r"
const IKE =
  /^\s*([^\s:#]+): #(\d+), ([A-Z_]+), IKEv([12]), ([0-9a-f]{16})_i(\*?) ([0-9a-f]{16})_r(\*?)/;
// "  local  'moon.strongswan.org' @ 192.168.0.1[4500]" / "  remote 'sun' @ 192.168.0.2[4500] EAP: 'carol' [10.3.0.1]"
const ENDPOINT = /^\s+(local|remote) {1,2}'([^']{0,255})' @ ([^\s[]+)\[(\d+)\]/;
// "  AES_CBC-128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048"
const IKE_PROPOSAL =
  /^\s+((?:AES|3DES|DES|CAMELLIA|CHACHA20|BLOWFISH|CAST|SERPENT|TWOFISH|NULL)[A-Z0-9_-]*(?:\/[A-Z0-9_-]+){1,4})\s*$/;
// "  established 120s ago, rekeying in 13985s" / "  established 120s ago, reauth in 9000s"
const IKE_TIMES = /^\s+established \d+s ago(?:, (?:rekeying|reauth) in (\d+s))?/;
// "  queued:  IKE_CERT_PRE IKE_AUTH" / "  active:  IKE_INIT" / "  passive: …"
const TASKS = /^\s+(?:queued|active|passive): {1,2}[A-Z_]/;
// "  net-net: #1, reqid 1, INSTALLED, TUNNEL, ESP:AES_CBC-128/HMAC_SHA2_256_128"
// "  net: #3, reqid 2, INSTALLED, TUNNEL-in-UDP, ESP:AES_GCM_16-256/MODP_2048"
const CHILD =
  /^\s+([^\s:#]+): #(\d+), reqid (\d+), ([A-Z_]+), ([A-Z]+(?:-in-UDP)?), (ESP|AH|IPCOMP):(\S+)/;
// "    installed 120s ago, rekeying in 3300s, expires in 3840s"
const CHILD_TIMES = /^\s+installed \d+s ago(?:, rekeying in \d+s)?(?:, expires in (\d+s))?/;
// "    in  c1234567,      0 bytes,     0 packets" / "    out c7654321 (0x00000002),  1234 bytes,    10 packets,     5s ago"
const COUNTER =
  /^\s+(in|out) {1,2}([0-9a-f]{8})(?: \([^)]{0,40}\))?, {0,12}(\d+) bytes, {0,12}(\d+) packets/;
// "    local  10.1.0.0/16" / "    remote 10.2.0.0/16 10.3.0.0/16"
const TS = /^\s+(local|remote) {1,2}([0-9A-Fa-f.:/[\]\w-]+(?: [0-9A-Fa-f.:/[\]\w-]+){0,50})\s*$/;
const MARKER = /^\s*[^\s:#]+: #\d+, [A-Z_]+, IKEv[12], [0-9a-f]{16}_i/;

interface Ike {
  name: string;
  uid: string;
  state: string;
  ikeVersion: 'ikev1' | 'ikev2';
  spiI: string;
  spiR: string;
  role?: 'initiator' | 'responder' | undefined;
  local?: string | undefined;
  peer?: string | undefined;
  proposal?: string | undefined;
  lifetime?: string | undefined;
  lines: number[];
  children: Child[];
}
interface Child {
  name: string;
  state: string;
  mode: string;
  transform: string;
  lifetime?: string | undefined;
  spiIn?: string | undefined;
  spiOut?: string | undefined;
  bytesIn?: number | undefined;
  bytesOut?: number | undefined;
  pktsIn?: number | undefined;
  pktsOut?: number | undefined;
  localTs?: string | undefined;
  remoteTs?: string | undefined;
  lines: number[];
}

function emit(ike: Ike, facts: Fact[]): void {
  const ikeFact: IkeSaFact = {
    kind: 'ike-sa',
    platform: 'strongswan',
    format: ID,
    lines: ike.lines,
    name: ike.name,
    connectionId: ike.uid,
    state: ike.state,
    ikeVersion: ike.ikeVersion,
    spiInitiator: ike.spiI,
    spiResponder: ike.spiR,
    ...(ike.role ? { role: ike.role } : {}),
    ...(ike.local ? { local: ike.local } : {}),
    ...(ike.peer ? { peer: ike.peer } : {}),
    // Port 4500 alone does not prove NAT (MOBIKE floats there too); UDP-encapsulated children do.
    ...(ike.children.some((c) => /-in-UDP$/.test(c.mode)) ? { natT: true } : {}),
    ...(ike.proposal ? splitProposal(ike.proposal) : {}),
    ...(ike.lifetime ? { lifetime: ike.lifetime } : {}),
  };
  facts.push(ikeFact);
  const withBytes = ike.children.filter((c) => c.bytesIn !== undefined || c.bytesOut !== undefined);
  const session: SessionFact = {
    kind: 'session',
    platform: 'strongswan',
    format: ID,
    lines: [...ike.lines, ...ike.children.flatMap((c) => c.lines)].sort((a, b) => a - b),
    name: ike.name,
    status: ike.state,
    ikeVersion: ike.ikeVersion,
    ...(ike.peer ? { peer: ike.peer } : {}),
    ...(withBytes.length > 0
      ? {
          bytesIn: withBytes.reduce((a, c) => a + (c.bytesIn ?? 0), 0),
          bytesOut: withBytes.reduce((a, c) => a + (c.bytesOut ?? 0), 0),
        }
      : {}),
    ...(ike.children[0]?.localTs
      ? { localSelector: ike.children.map((c) => c.localTs).join(', ') }
      : {}),
    ...(ike.children[0]?.remoteTs
      ? { remoteSelector: ike.children.map((c) => c.remoteTs).join(', ') }
      : {}),
  };
  facts.push(session);
  for (const c of ike.children) {
    const pfs = /\/((?:MODP|ECP|CURVE)_\w+)/.exec(c.transform)?.[1];
    const fact: IpsecSaFact = {
      kind: 'ipsec-sa',
      platform: 'strongswan',
      format: ID,
      lines: c.lines,
      name: c.name,
      status: c.state,
      mode: c.mode.replace(/-in-UDP$/, ''),
      natT: /-in-UDP$/.test(c.mode),
      transform: c.transform,
      ...(pfs ? { pfs } : {}),
      ...(ike.peer ? { peer: ike.peer } : {}),
      ...(ike.local ? { local: ike.local } : {}),
      ...(c.spiIn ? { spiIn: c.spiIn } : {}),
      ...(c.spiOut ? { spiOut: c.spiOut } : {}),
      ...(c.pktsIn !== undefined ? { decaps: c.pktsIn } : {}),
      ...(c.pktsOut !== undefined ? { encaps: c.pktsOut } : {}),
      ...(c.localTs ? { localSelector: c.localTs } : {}),
      ...(c.remoteTs ? { remoteSelector: c.remoteTs } : {}),
      ...(c.lifetime ? { lifetime: c.lifetime } : {}),
    };
    facts.push(fact);
  }
}

function parse(lines: readonly Line[]): ParseResult {
  const facts: Fact[] = [];
  const claimed = new Set<number>();
  let ike: Ike | null = null;
  let child: Child | null = null;
  for (const line of lines) {
    const text = line.text;
    if (text.trim() === '') continue;
    let m: RegExpExecArray | null;
    if ((m = IKE.exec(text))) {
      if (ike) emit(ike, facts);
      ike = {
        name: m[1] ?? '',
        uid: m[2] ?? '',
        state: m[3] ?? '',
        ikeVersion: m[4] === '1' ? 'ikev1' : 'ikev2',
        spiI: m[5] ?? '',
        spiR: m[7] ?? '',
        role: m[6] === '*' ? 'initiator' : m[8] === '*' ? 'responder' : undefined,
        lines: [line.no],
        children: [],
      };
      child = null;
      claimed.add(line.no);
      continue;
    }
    if (ike === null) continue;
    const cur: Ike = ike;
    if ((m = CHILD.exec(text))) {
      child = {
        name: m[1] ?? '',
        state: m[4] ?? '',
        mode: m[5] ?? '',
        transform: `${m[6] ?? ''}:${m[7] ?? ''}`,
        lines: [line.no],
      };
      cur.children.push(child);
    } else if (child === null && (m = ENDPOINT.exec(text))) {
      if (m[1] === 'local') cur.local = m[3];
      else cur.peer = m[3];
      cur.lines.push(line.no);
    } else if (child === null && (m = IKE_PROPOSAL.exec(text))) {
      cur.proposal = m[1];
      cur.lines.push(line.no);
    } else if (child === null && (m = IKE_TIMES.exec(text))) {
      cur.lifetime = m[1];
    } else if (TASKS.test(text)) {
      // queued / active tasks: understood, nothing to record.
    } else if (child !== null && (m = CHILD_TIMES.exec(text))) {
      child.lifetime = m[1];
    } else if (child !== null && (m = COUNTER.exec(text))) {
      if (m[1] === 'in') {
        child.spiIn = m[2];
        child.bytesIn = Number(m[3]);
        child.pktsIn = Number(m[4]);
      } else {
        child.spiOut = m[2];
        child.bytesOut = Number(m[3]);
        child.pktsOut = Number(m[4]);
      }
      child.lines.push(line.no);
    } else if (child !== null && (m = TS.exec(text))) {
      if (m[1] === 'local') child.localTs = m[2];
      else child.remoteTs = m[2];
      child.lines.push(line.no);
    } else {
      continue;
    }
    claimed.add(line.no);
  }
  if (ike) emit(ike, facts);
  return { facts, claimed };
}

/** `swanctl --list-sas` on strongSwan. */
export const swanctlListSas: Parser = readerParser({
  id: ID,
  platform: 'strongswan',
  command: 'swanctl --list-sas',
  marker: MARKER,
  read: parse,
});
