/**
 * Cisco IOS / IOS-XE `show crypto session [brief | detail]`.
 *
 * Per session (Interface/Peer block): a `session` fact; each `IKEv1 SA:` / `IKEv2 SA:` / `IKE SA:`
 * line an `ike-sa` fact (status Active/Inactive); each `IPSEC FLOW:` an `ipsec-sa` fact with the
 * `Active SAs` count and, in `detail`, the packets decrypted/encrypted. Values the vocabulary has no
 * field for are kept in `crypto-config` records `crypto-session` and `crypto-session-flow`.
 * `brief` rows give a `session` each, with the status letters spelled out.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { Collector } from './show_common.ts';
import {
  ADDR,
  PLATFORM,
  compact,
  defined,
  num,
  showParser,
  textOf,
  commandRe,
} from './show_common.ts';
import type { IkeSaFact, IpsecSaFact, SessionFact } from '../../../knowledge/facts.ts';

// Sample: "Crypto session current status"
const TITLE_RE = /^\s*Crypto session current status\s*$/;
// The legend. Samples: "Code: C - IKE Configuration mode, D - Dead Peer Detection",
// "K - Keepalives, N - NAT-traversal, T - cTCP encapsulation", "R - IKE Auto Reconnect, U - IKE Dynamic Route Update", "S - SIP VPN"
const LEGEND_RE =
  /^\s*(?:Code:\s*)?[A-Z] - (?:IKE |Dead Peer|Keepalives|NAT-traversal|cTCP|SIP VPN)/;
// Sample: "Interface: Tunnel1201"
const INTERFACE_RE = /^\s*Interface:\s*([\w/.:-]+)\s*$/;
// Sample: "Profile: IKEV2_PFL_AES_GCM256"
const PROFILE_RE = /^\s*Profile:\s*(\S+)\s*$/;
// Sample: "Uptime: 7w0d"
const UPTIME_RE = /^\s*Uptime:\s*(\S+)\s*$/;
// Sample: "Session status: UP-ACTIVE"
const STATUS_RE = /^\s*Session status:\s*([A-Z][A-Z-]*)\s*$/;
// Sample: "Peer: 10.161.255.14 port 500 fvrf: (none) ivrf: (none)" / "Peer: port 848"
const PEER_RE = new RegExp(
  String.raw`^\s*Peer:\s*(?:(${ADDR}|[\w.-]+)\s+)?port\s+(\d+)(?:\s+fvrf:\s*(\S+))?(?:\s+ivrf:\s*(\S+))?\s*$`,
);
// Samples: "      Desc: (none)", "      Phase1_id: SOME_DEVICE1234.1pc.com", "  Session ID: 0 "
const DESC_RE = /^\s*(Desc|Phase1_id|Session ID|Username|Group|Assigned address):\s*(.*?)\s*$/;
// Sample: "  IKEv1 SA: local 10.175.200.116/500 remote 10.161.255.14/500 Active"
const IKE_SA_RE = new RegExp(
  String.raw`^\s*IKE(v[12])? SA:\s*local\s+(${ADDR})\/(\d+)\s+remote\s+(${ADDR})\/(\d+)\s+(\w+)(?:\s*\((deleted)\))?`,
);
// Sample: "          Capabilities:DN connid:2913 lifetime:09:03:41"
const CAPS_RE = /^\s*Capabilities:\s*(\S+)\s+connid:\s*(\d+)\s+lifetime:\s*(\S+)/;
// Sample: "  IPSEC FLOW: permit 47 host 10.175.200.116 host 10.161.255.14"
// Sample: "  IPSEC FLOW: permit ip 0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0"
const SELECTOR = String.raw`(host\s+\S+|\S+\/\S+|any|\S+\s+\S+)`;
const FLOW_RE = new RegExp(
  String.raw`^\s*IPSEC FLOW:\s*(permit|deny)\s+(\S+)\s+${SELECTOR}\s+${SELECTOR}\s*$`,
);
// Sample: "        Active SAs: 2, origin: crypto map"
const ACTIVE_RE = /^\s*Active SAs:\s*(\d+)(?:,\s*origin:\s*(.+?))?\s*$/;
// Sample: "        Inbound:  #pkts dec'ed 15344097 drop 0 life (KB/Sec) 4236992/615"
const INOUT_RE =
  /^\s*(Inbound|Outbound):\s*#pkts (?:dec|enc)'ed\s+(\d+)\s+drop\s+(\d+)\s+life \(KB\/Sec\)\s+(\S+)/;
// brief. Sample: "Status: A- Active, U - Up, D - Down, I - Idle, S - Standby, N - Negotiating"
const BRIEF_LEGEND_RE = /^\s*(?:Status:\s*A\s?- Active|K - No IKE\s*$)/;
// Sample: "ivrf = (none)"
const BRIEF_IVRF_RE = /^\s*ivrf\s*=\s*(\S+)\s*$/;
// Sample: "           Peer     I/F        Username          Group/Phase1_id   Uptime Status"
const BRIEF_COLUMNS_RE = /^\s*Peer\s+I\/F\s+Username\s+Group\/Phase1_id\s+Uptime\s+Status\s*$/;
// Sample: "     10.10.60.6     Vi2                 hostname=Router2.cisco.com,cn 00:01:01 UA"
const BRIEF_ROW_RE = new RegExp(
  String.raw`^\s*(${ADDR})\s+([\w/.-]+)\s+(?:(\S+)\s+)?(?:(\S+)\s+)?(\d[\dwdhmy:]*)(?:\s+([AUDISNK]{1,4}))?\s*$`,
);
// The status letters wrapped onto a line of their own: "UA"
const BRIEF_STATUS_RE = /^\s*([AUDISNK]{1,4})\s*$/;

const ID = 'cisco-ios-show-crypto-session';

/** Spells out brief status letters: UA → UP-ACTIVE, DN → DOWN-NEGOTIATING … */
function briefStatus(letters: string): string {
  if (letters.includes('D')) return letters.includes('N') ? 'DOWN-NEGOTIATING' : 'DOWN';
  if (letters.includes('U')) {
    if (letters.includes('A')) return 'UP-ACTIVE';
    if (letters.includes('I')) return 'UP-IDLE';
    if (letters.includes('K')) return 'UP-NO-IKE';
    if (letters.includes('N')) return 'UP-NEGOTIATING';
    return 'UP';
  }
  if (letters.includes('S')) return 'STANDBY';
  return letters;
}

/** An IKE SA line being read (fields may still be missing). */
type IkeDraft = { fact: { [K in keyof IkeSaFact]?: IkeSaFact[K] | undefined }; lines: number[] };

interface Flow {
  settings: Record<string, string | undefined>;
  activeSas?: number | undefined;
  decrypted?: number | undefined;
  encrypted?: number | undefined;
  localSelector: string;
  remoteSelector: string;
  lines: number[];
}

interface Session {
  interface?: string | undefined;
  status?: string | undefined;
  peer?: string | undefined;
  ikeVersion?: IkeVersion | undefined;
  settings: Record<string, string | undefined>;
  ikeSas: IkeDraft[];
  flows: Flow[];
  lines: number[];
}

const selector = (s: string): string => s.replace(/^host\s+/, '').trim();

function emit(out: Collector, s: Session): void {
  const first = s.flows[0];
  out.add(
    defined<Omit<SessionFact, 'format' | 'lines'>>({
      kind: 'session',
      platform: PLATFORM,
      peer: s.peer,
      name: s.settings.profile,
      interface: s.interface,
      status: s.status,
      ikeVersion: s.ikeVersion,
      localSelector: first?.localSelector,
      remoteSelector: first?.remoteSelector,
    }),
    s.lines,
  );
  out.add(
    {
      kind: 'crypto-config',
      platform: PLATFORM,
      object: 'crypto-session',
      ...(s.interface !== undefined ? { name: s.interface } : {}),
      settings: compact({ interface: s.interface, status: s.status, peer: s.peer, ...s.settings }),
    },
    s.lines,
  );
  for (const ike of s.ikeSas) {
    out.add(
      defined<Omit<IkeSaFact, 'format' | 'lines'>>({
        kind: 'ike-sa',
        platform: PLATFORM,
        ...ike.fact,
        vrf: s.settings.fvrf,
      }),
      ike.lines,
    );
  }
  for (const f of s.flows) {
    out.add(
      defined<Omit<IpsecSaFact, 'format' | 'lines'>>({
        kind: 'ipsec-sa',
        platform: PLATFORM,
        peer: s.peer,
        interface: s.interface,
        localSelector: f.localSelector,
        remoteSelector: f.remoteSelector,
        saCount: f.activeSas,
        encaps: f.encrypted,
        encrypt: f.encrypted,
        decaps: f.decrypted,
        decrypt: f.decrypted,
      }),
      f.lines,
    );
    out.add(
      {
        kind: 'crypto-config',
        platform: PLATFORM,
        object: 'crypto-session-flow',
        ...(s.interface !== undefined ? { name: s.interface } : {}),
        settings: compact({ interface: s.interface, peer: s.peer, ...f.settings }),
      },
      f.lines,
    );
  }
}

/** `show crypto session [brief | detail]`. */
export const showCryptoSession = showParser({
  id: ID,
  command: 'show crypto session',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['session', 4],
  ]),
  marker:
    /Crypto session current status|^\s*Session status:|^\s*IPSEC FLOW:|^\s*Peer\s+I\/F\s+Username/,
  read(lines, out) {
    let session: Session | null = null;
    let flow: Flow | null = null;
    let ike: IkeDraft | null = null;
    let briefRow: { lines: number[]; fact: Omit<SessionFact, 'format' | 'lines'> } | null = null;
    const current = (): Session | null => session;
    const start = (): Session => {
      session = { settings: {}, ikeSas: [], flows: [], lines: [] };
      return session;
    };
    const flush = () => {
      const s = current();
      if (s !== null) emit(out, s);
      session = null;
      flow = null;
      ike = null;
    };
    const flushBrief = () => {
      if (briefRow !== null) out.add(briefRow.fact, briefRow.lines);
      briefRow = null;
    };
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      if (TITLE_RE.test(text) || LEGEND_RE.test(text)) {
        flush();
        out.claim(line.no);
        continue;
      }
      let m = INTERFACE_RE.exec(text);
      if (m) {
        flush();
        flushBrief();
        const s = start();
        s.interface = m[1];
        s.lines.push(line.no);
        continue;
      }
      // Profile and Uptime come between Interface and Session status.
      if ((m = PROFILE_RE.exec(text)) && current() !== null) {
        const s = current() as Session;
        s.settings.profile = m[1];
        s.lines.push(line.no);
        continue;
      }
      if ((m = UPTIME_RE.exec(text)) && current() !== null) {
        const s = current() as Session;
        s.settings.uptime = m[1];
        s.lines.push(line.no);
        continue;
      }
      if ((m = STATUS_RE.exec(text))) {
        let s = current();
        if (s === null || s.status !== undefined) {
          const iface = s?.status !== undefined ? undefined : s?.interface;
          flush();
          s = start();
          s.interface = iface;
        }
        s.status = m[1];
        s.lines.push(line.no);
        continue;
      }
      if ((m = PEER_RE.exec(text))) {
        const s = current() ?? start();
        if (s.peer !== undefined) {
          // A second peer under the same interface (e.g. a virtual template): a new session.
          flush();
        }
        const t = current() ?? start();
        t.peer = m[1];
        Object.assign(t.settings, { port: m[2], fvrf: m[3], ivrf: m[4] });
        t.lines.push(line.no);
        continue;
      }
      const s = current();
      if (s !== null) {
        if ((m = DESC_RE.exec(text))) {
          const key =
            { Desc: 'description', Phase1_id: 'phase1Id', 'Session ID': 'sessionId' }[m[1] ?? ''] ??
            m[1] ??
            '';
          s.settings[key] = m[2];
          s.lines.push(line.no);
          continue;
        }
        if ((m = IKE_SA_RE.exec(text))) {
          const version: IkeVersion = m[1] === 'v2' ? 'ikev2' : 'ikev1';
          s.ikeVersion ??= version;
          s.settings.localPort ??= m[3];
          s.settings.remotePort ??= m[5];
          s.peer ??= m[4];
          const draft: IkeDraft = {
            fact: {
              ikeVersion: version,
              local: m[2],
              peer: m[4],
              status: m[7] !== undefined ? `${m[6] ?? ''} (deleted)` : m[6],
            },
            lines: [line.no],
          };
          ike = draft;
          s.ikeSas.push(draft);
          continue;
        }
        const curIke = ike as IkeDraft | null;
        if ((m = CAPS_RE.exec(text)) && curIke !== null) {
          const caps = m[1] ?? '';
          Object.assign(curIke.fact, {
            connectionId: m[2],
            lifetime: m[3],
            ...(caps !== '(none)' ? { natT: caps.includes('N') } : {}),
          });
          s.settings.capabilities ??= caps;
          curIke.lines.push(line.no);
          continue;
        }
        if ((m = FLOW_RE.exec(text))) {
          const local = m[3] ?? '';
          const remote = m[4] ?? '';
          flow = {
            settings: {
              action: m[1],
              protocol: m[2],
              localSelector: local,
              remoteSelector: remote,
            },
            localSelector: selector(local),
            remoteSelector: selector(remote),
            lines: [line.no],
          };
          s.flows.push(flow);
          continue;
        }
        const curFlow = flow as Flow | null;
        if (curFlow !== null) {
          if ((m = ACTIVE_RE.exec(text))) {
            curFlow.activeSas = num(m[1]);
            Object.assign(curFlow.settings, { activeSas: m[1], origin: m[2] });
            curFlow.lines.push(line.no);
            continue;
          }
          if ((m = INOUT_RE.exec(text))) {
            const inbound = m[1] === 'Inbound';
            if (inbound) curFlow.decrypted = num(m[2]);
            else curFlow.encrypted = num(m[2]);
            Object.assign(
              curFlow.settings,
              inbound
                ? { decrypted: m[2], dropIn: m[3], lifeIn: m[4] }
                : { encrypted: m[2], dropOut: m[3], lifeOut: m[4] },
            );
            curFlow.lines.push(line.no);
            continue;
          }
        }
      }
      // brief
      if (BRIEF_LEGEND_RE.test(text) || BRIEF_COLUMNS_RE.test(text)) {
        flush();
        out.claim(line.no);
        continue;
      }
      if (BRIEF_IVRF_RE.test(text)) {
        flush();
        out.claim(line.no);
        continue;
      }
      if ((m = BRIEF_ROW_RE.exec(text))) {
        flush();
        flushBrief();
        const group = m[4] ?? m[3];
        const user = m[4] !== undefined ? m[3] : undefined;
        briefRow = {
          lines: [line.no],
          fact: defined<Omit<SessionFact, 'format' | 'lines'>>({
            kind: 'session',
            platform: PLATFORM,
            peer: m[1],
            interface: m[2],
            name: group ?? user,
            status: m[6] !== undefined ? briefStatus(m[6]) : undefined,
          }),
        };
        if (m[6] !== undefined) flushBrief();
        continue;
      }
      const pending = briefRow as {
        lines: number[];
        fact: Omit<SessionFact, 'format' | 'lines'>;
      } | null;
      if ((m = BRIEF_STATUS_RE.exec(text)) && pending !== null) {
        briefRow = {
          lines: [...pending.lines, line.no],
          fact: { ...pending.fact, status: briefStatus(m[1] ?? '') },
        };
        flushBrief();
        continue;
      }
    }
    flush();
    flushBrief();
  },
});
