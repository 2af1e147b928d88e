/**
 * strongSwan `ipsec statusall` and `ipsec status` (stroke interface): daemon header, listening
 * addresses, configured connections, and the `Security Associations (N up, M connecting):` table
 * with IKE SAs (`name[uid]: STATE …`) and CHILD SAs (`name{uid}: STATE, MODE, reqid …`).
 * Sources: sergeymakinen/ipsec_exporter test data (golden corpus); strongSwan source
 * (src/stroke/stroke_list.c message formats).
 */
import type {
  CryptoConfigFact,
  Fact,
  IkeSaFact,
  IpsecSaFact,
  SessionFact,
} from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';
import { readerParser, type ParseResult, type Parser } from '../../parse/types.ts';

const ID = 'strongswan-ipsec-statusall';

// "Status of IKE charon daemon (strongSwan 5.5.3, Linux 3.10.0-693.11.6.el7.x86_64, x86_64):"
const HEADER = /^\s*Status of IKE charon daemon \(strongSwan [^,)]{1,40}/;
// "  uptime: 6 minutes, since Mar 14 10:28:49 2018" / "  malloc: sbrk …" / "  worker threads: …" / "  loaded plugins: …"
const DAEMON_LINE = /^\s+(?:uptime: |malloc: |worker threads: |loaded plugins: |scheduled: )/;
// "Virtual IP pools (size/online/offline):" / "Listening IP addresses:" / "Connections:" / "Routed Connections:" / "Shunted Connections:"
const SECTION =
  /^\s*(Virtual IP pools \(size\/online\/offline\)|Listening IP addresses|Connections|Routed Connections|Shunted Connections):\s*$/;
// "  10.42.42.0/24: 254/0/0"
const POOL = /^\s+\S+: \d+\/\d+\/\d+\s*$/;
// "  173.44.45.44" (a listening address)
const ADDRESS = /^\s+[0-9A-Fa-f.:]+\s*$/;
// "  kelvic-mtn:  173.44.45.44...41.220.79.242  IKEv1, dpddelay=30s"
const CONN =
  /^\s*([^\s:[{]+): {1,2}([^\s.]\S{0,300}?)\.\.\.(\S{1,300}) {1,2}(IKEv[12]|IKEv1\/2)(?:, (.{0,200}))?$/;
// "  kelvic-mtn:   local:  [173.44.45.44] uses pre-shared key authentication"
const CONN_END =
  /^\s*([^\s:[{]+): {2,3}(local|remote): {1,2}\[([^\]]{0,255})\] uses (.{1,200}?)\s*$/;
// "  kelvic-mtn:   child:  192.168.2.0/24 === 10.2.0.0/24 TUNNEL, dpdaction=restart"
const CONN_CHILD =
  /^\s*([^\s:[{]+): {2,3}child: {1,2}(.{1,500}?) === (.{1,500}?) (TUNNEL|TRANSPORT|PASS|DROP|BEET)(?:, (.{0,200}))?$/;
// "  kelvic-mtn:   cert:  "C=CH, …"", "   ca: ", "   groups: ", "   eap_id: ", "   xauth: " …
const CONN_OTHER = /^\s*[^\s:[{]+: {2,3}(?:cert|ca|CAs|groups|eap_id|xauth|auth|id|aaa_id):/;
// "Security Associations (1 up, 0 connecting):"
const SA_HEADER = /^\s*Security Associations \((\d+) up, (\d+) connecting\):/;
// "  none"
const NONE = /^\s*none\s*$/;
// "  kelvic-mtn[1]: ESTABLISHED 6 minutes ago, 173.44.45.44[173.44.45.44]...41.220.79.242[41.220.79.242]"
// "  conn[2]: CONNECTING, 10.0.0.1[%any]...10.0.0.2[%any]"
const IKE_SA =
  /^\s*([^\s:[{]+)\[(\d+)\]: ([A-Z_]+)(?: [^,]{1,60})?, ([^\s[]+)\[([^\]]{0,255})\]\.\.\.([^\s[]+)\[([^\]]{0,255})\]/;
// "  kelvic-mtn[1]: IKEv1 SPIs: 43cc5f77aa48bbc1_i* 9748fb98f4d0ba94_r, pre-shared key reauthentication in 2 hours"
const IKE_SPIS =
  /^\s*([^\s:[{]+)\[(\d+)\]: IKEv([12]) SPIs: ([0-9a-f]{16})_i(\*?) ([0-9a-f]{16})_r(\*?)(?:, (.{1,80}?) (?:reauthentication|rekeying) in (.{1,40}))?/;
// "  kelvic-mtn[1]: IKE proposal: AES_CBC_128/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024"
const IKE_PROPOSAL = /^\s*([^\s:[{]+)\[(\d+)\]: IKE proposal: (\S+)/;
// "  kelvic-mtn[1]: Tasks queued: QUICK_MODE" / "Tasks active: …" / "Remote EAP identity: …" / "Remote XAuth identity: …"
const IKE_OTHER =
  /^\s*([^\s:[{]+)\[(\d+)\]: (?:Tasks (?:queued|active|passive): |Remote (?:EAP|XAuth) identity: |IKE SPIs: |IKE proposal: )/;
// "  vpnikev2{1}:  INSTALLED, TUNNEL, reqid 1, ESP SPIs: cecde7c5_i ca578af0_o"
// "  conn{1}:  ROUTED, TUNNEL, reqid 1" / "ESP in UDP SPIs: …"
const CHILD =
  /^\s*([^\s:[{]+)\{(\d+)\}: {1,2}([A-Z_]+), ([A-Z_]+)(?:, reqid (\d+))?(?:, (ESP|AH|ESP in UDP) SPIs: ([0-9a-f]+)_i(?: \([^)]{0,40}\))? ([0-9a-f]+)_o)?/;
// "  vpnikev2{1}:  AES_CBC_128/HMAC_SHA2_256_128, 0 bytes_i, 0 bytes_o, rekeying in 44 minutes"
// "  conn{1}:  AES_CBC_128/HMAC_SHA2_256_128, 1234 bytes_i (10 pkts, 2s ago), 5678 bytes_o (12 pkts, 2s ago), rekeying in 45 minutes"
const CHILD_ALGS =
  /^\s*([^\s:[{]+)\{(\d+)\}: {1,2}([A-Z0-9_/]+), (\d+) bytes_i(?: \((\d+) pkts?(?:, [^)]{0,40})?\))?, (\d+) bytes_o(?: \((\d+) pkts?(?:, [^)]{0,40})?\))?/;
// "  vpnikev2{1}:   192.168.50.14/32 === 45.81.93.15/32"
const CHILD_TS = /^\s*([^\s:[{]+)\{(\d+)\}: {2,3}(.{1,1000}?) === (.{1,1000}?)\s*$/;
const MARKER = /Status of IKE charon daemon|Security Associations \(\d+ up, \d+ connecting\):/;

interface Ike {
  name: string;
  uid: string;
  state: string;
  local: string;
  peer: string;
  localId: string;
  peerId: string;
  ikeVersion?: 'ikev1' | 'ikev2' | undefined;
  role?: 'initiator' | 'responder' | undefined;
  spiI?: string | undefined;
  spiR?: string | undefined;
  authentication?: string | undefined;
  proposal?: string | undefined;
  lines: number[];
}
interface Child {
  name: string;
  uid: string;
  state: string;
  mode: string;
  reqid?: string | undefined;
  natT?: boolean | undefined;
  spiIn?: string | undefined;
  spiOut?: string | undefined;
  transform?: string | undefined;
  bytesIn?: number | undefined;
  bytesOut?: number | undefined;
  pktsIn?: number | undefined;
  pktsOut?: number | undefined;
  localTs?: string | undefined;
  remoteTs?: string | undefined;
  lines: number[];
}

/** "AES_CBC_128/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024" → encryption, integrity, prf, DH group. */
export function splitProposal(p: string): {
  encryption?: string;
  integrity?: string;
  prf?: string;
  dhGroup?: string;
} {
  const out: { encryption?: string; integrity?: string; prf?: string; dhGroup?: string } = {};
  for (const part of p.split('/')) {
    if (part.startsWith('PRF_')) out.prf = part;
    else if (/^(?:MODP|ECP|CURVE|X25519|X448|ECP_|MLKEM|KE\d)/.test(part)) out.dhGroup = part;
    else if (
      /^(?:HMAC_|AES_XCBC|AES_CMAC|AES_GMAC|AUTH_)/.test(part) &&
      out.encryption !== undefined
    )
      out.integrity = part;
    else if (out.encryption === undefined) out.encryption = part;
  }
  return out;
}

function parse(lines: readonly Line[]): ParseResult {
  const facts: Fact[] = [];
  const claimed = new Set<number>();
  const ikes = new Map<string, Ike>();
  const children: Child[] = [];
  const childByKey = new Map<string, Child>();
  const conns = new Map<string, { settings: Record<string, string>; lines: number[] }>();
  let section = '';
  let inStatus = false;
  let saHeader: { up: number; connecting: number; line: number } | null = null;
  let sawNone: number | null = null;

  for (const line of lines) {
    const text = line.text;
    if (text.trim() === '') continue;
    const claim = () => claimed.add(line.no);
    let m: RegExpExecArray | null;
    if (HEADER.test(text)) {
      inStatus = true;
      section = 'daemon';
      claim();
      continue;
    }
    if ((m = SECTION.exec(text))) {
      inStatus = true;
      section = m[1] ?? '';
      claim();
      continue;
    }
    if ((m = SA_HEADER.exec(text))) {
      inStatus = true;
      section = 'sas';
      saHeader = { up: Number(m[1]), connecting: Number(m[2]), line: line.no };
      claim();
      continue;
    }
    if (!inStatus) continue;
    if (section === 'daemon' && DAEMON_LINE.test(text)) {
      claim();
    } else if (section.startsWith('Virtual IP pools') && POOL.test(text)) {
      claim();
    } else if (section === 'Listening IP addresses' && ADDRESS.test(text)) {
      claim();
    } else if ((m = CONN.exec(text)) && section === 'Connections') {
      const c = {
        settings: { local: m[2] ?? '', remote: m[3] ?? '', ikeVersion: m[4] ?? '' } as Record<
          string,
          string
        >,
        lines: [line.no],
      };
      if (m[5]) c.settings['options'] = m[5];
      conns.set(m[1] ?? '', c);
      claim();
    } else if ((m = CONN_END.exec(text)) && section === 'Connections') {
      const c = conns.get(m[1] ?? '');
      if (c) {
        c.settings[`${m[2] ?? ''}Id`] = m[3] ?? '';
        c.settings[`${m[2] ?? ''}Auth`] = m[4] ?? '';
        c.lines.push(line.no);
      }
      claim();
    } else if ((m = CONN_CHILD.exec(text)) && section === 'Connections') {
      const c = conns.get(m[1] ?? '');
      if (c) {
        c.settings['localTs'] = m[2] ?? '';
        c.settings['remoteTs'] = m[3] ?? '';
        c.settings['mode'] = m[4] ?? '';
        if (m[5]) c.settings['childOptions'] = m[5];
        c.lines.push(line.no);
      }
      claim();
    } else if (section === 'Connections' && CONN_OTHER.test(text)) {
      claim();
    } else if ((m = IKE_SA.exec(text))) {
      const key = `${m[1] ?? ''}[${m[2] ?? ''}]`;
      ikes.set(key, {
        name: m[1] ?? '',
        uid: m[2] ?? '',
        state: m[3] ?? '',
        local: m[4] ?? '',
        localId: m[5] ?? '',
        peer: m[6] ?? '',
        peerId: m[7] ?? '',
        lines: [line.no],
      });
      claim();
    } else if ((m = IKE_SPIS.exec(text))) {
      const ike = ikes.get(`${m[1] ?? ''}[${m[2] ?? ''}]`);
      if (ike) {
        ike.ikeVersion = m[3] === '2' ? 'ikev2' : 'ikev1';
        ike.spiI = m[4];
        ike.spiR = m[6];
        // The asterisk marks this device's SPI: on the _i side it is the original initiator.
        ike.role = m[5] === '*' ? 'initiator' : m[7] === '*' ? 'responder' : undefined;
        ike.authentication = m[8];
        ike.lines.push(line.no);
      }
      claim();
    } else if ((m = IKE_PROPOSAL.exec(text))) {
      const ike = ikes.get(`${m[1] ?? ''}[${m[2] ?? ''}]`);
      if (ike) {
        ike.proposal = m[3];
        ike.lines.push(line.no);
      }
      claim();
    } else if (IKE_OTHER.test(text)) {
      claim();
    } else if ((m = CHILD.exec(text))) {
      const key = `${m[1] ?? ''}{${m[2] ?? ''}}:${section}`;
      const child: Child = {
        name: m[1] ?? '',
        uid: m[2] ?? '',
        state: m[3] ?? '',
        mode: m[4] ?? '',
        reqid: m[5],
        natT: m[6] !== undefined ? m[6] === 'ESP in UDP' : undefined,
        spiIn: m[7],
        spiOut: m[8],
        lines: [line.no],
      };
      // Routed / shunted connections are policies, not SAs: kept only to claim their lines.
      if (section === 'sas') children.push(child);
      childByKey.set(key, child);
      claim();
    } else if ((m = CHILD_ALGS.exec(text))) {
      const child = childByKey.get(`${m[1] ?? ''}{${m[2] ?? ''}}:${section}`);
      if (child) {
        child.transform = m[3];
        child.bytesIn = Number(m[4]);
        child.bytesOut = Number(m[6]);
        // Without a "(N pkts, …)" the counter printed is zero bytes: zero packets.
        child.pktsIn = m[5] !== undefined ? Number(m[5]) : Number(m[4]) === 0 ? 0 : undefined;
        child.pktsOut = m[7] !== undefined ? Number(m[7]) : Number(m[6]) === 0 ? 0 : undefined;
        child.lines.push(line.no);
      }
      claim();
    } else if ((m = CHILD_TS.exec(text))) {
      const child = childByKey.get(`${m[1] ?? ''}{${m[2] ?? ''}}:${section}`);
      if (child) {
        child.localTs = m[3]?.trim();
        child.remoteTs = m[4]?.trim();
        child.lines.push(line.no);
      }
      claim();
    } else if (section === 'sas' && NONE.test(text)) {
      sawNone = line.no;
      claim();
    }
  }

  for (const [name, c] of conns) {
    const fact: CryptoConfigFact = {
      kind: 'crypto-config',
      platform: 'strongswan',
      format: ID,
      lines: c.lines,
      object: 'connection',
      name,
      settings: c.settings,
    };
    facts.push(fact);
  }
  for (const ike of ikes.values()) {
    const ikeFact: IkeSaFact = {
      kind: 'ike-sa',
      platform: 'strongswan',
      format: ID,
      lines: ike.lines,
      name: ike.name,
      connectionId: ike.uid,
      state: ike.state,
      local: ike.local,
      peer: ike.peer,
      ...(ike.ikeVersion ? { ikeVersion: ike.ikeVersion } : {}),
      ...(ike.role ? { role: ike.role } : {}),
      ...(ike.spiI ? { spiInitiator: ike.spiI } : {}),
      ...(ike.spiR ? { spiResponder: ike.spiR } : {}),
      ...(ike.authentication ? { authentication: ike.authentication } : {}),
      ...(ike.proposal ? splitProposal(ike.proposal) : {}),
    };
    facts.push(ikeFact);
    // One session per IKE SA, with the bytes of its CHILD SAs (the same name; uids are unrelated).
    const mine = children.filter((c) => c.name === ike.name);
    const sum = (k: 'bytesIn' | 'bytesOut') =>
      mine.some((c) => c[k] !== undefined) ? mine.reduce((a, c) => a + (c[k] ?? 0), 0) : undefined;
    const bytesIn = sum('bytesIn');
    const bytesOut = sum('bytesOut');
    const session: SessionFact = {
      kind: 'session',
      platform: 'strongswan',
      format: ID,
      lines: [...ike.lines, ...mine.flatMap((c) => c.lines)].sort((a, b) => a - b),
      name: ike.name,
      peer: ike.peer,
      status: ike.state,
      ...(ike.ikeVersion ? { ikeVersion: ike.ikeVersion } : {}),
      ...(bytesIn !== undefined ? { bytesIn } : {}),
      ...(bytesOut !== undefined ? { bytesOut } : {}),
      ...(mine[0]?.localTs ? { localSelector: mine.map((c) => c.localTs).join(', ') } : {}),
      ...(mine[0]?.remoteTs ? { remoteSelector: mine.map((c) => c.remoteTs).join(', ') } : {}),
    };
    facts.push(session);
  }
  for (const c of children) {
    const ike = [...ikes.values()].find((i) => i.name === c.name);
    const fact: IpsecSaFact = {
      kind: 'ipsec-sa',
      platform: 'strongswan',
      format: ID,
      lines: c.lines,
      name: c.name,
      status: c.state,
      mode: c.mode,
      ...(ike ? { peer: ike.peer, local: ike.local } : {}),
      ...(c.natT !== undefined ? { natT: c.natT } : {}),
      ...(c.spiIn ? { spiIn: c.spiIn } : {}),
      ...(c.spiOut ? { spiOut: c.spiOut } : {}),
      ...(c.transform ? { transform: c.transform } : {}),
      ...(c.pktsIn !== undefined ? { decaps: c.pktsIn } : {}),
      ...(c.pktsOut !== undefined ? { encaps: c.pktsOut } : {}),
      ...(c.localTs ? { localSelector: c.localTs } : {}),
      ...(c.remoteTs ? { remoteSelector: c.remoteTs } : {}),
    };
    facts.push(fact);
  }
  // "Security Associations (0 up, 0 connecting): none": the table holds no IKE SA.
  if (
    saHeader !== null &&
    ikes.size === 0 &&
    (sawNone !== null || (saHeader.up === 0 && saHeader.connecting === 0))
  ) {
    facts.push({
      kind: 'signal',
      signal: 'ike.no-sa',
      platform: 'strongswan',
      format: ID,
      lines: sawNone !== null ? [saHeader.line, sawNone] : [saHeader.line],
      value: `${saHeader.up} up, ${saHeader.connecting} connecting`,
    });
  }
  return { facts, claimed };
}

/** `ipsec statusall` / `ipsec status` on strongSwan (stroke). */
export const ipsecStatusall: Parser = readerParser({
  id: ID,
  platform: 'strongswan',
  command: 'ipsec statusall',
  marker: MARKER,
  read: parse,
});
