/**
 * Juniper SRX `show security ike security-associations` — the summary table and the `detail` /
 * `extensive` blocks. Written from the Junos CLI reference (Security, "show security ike
 * security-associations") and public SRX troubleshooting examples.
 */
import type { IkeVersion, Role } from '../../../knowledge/schema.ts';
import type { Line } from '../../parse/lines.ts';
import {
  ADDR,
  defined,
  isClusterBanner,
  PLATFORM,
  showParser,
  textOf,
  type Collector,
} from './common.ts';

// ---- Summary table ----
// Sample: "Index   State  Initiator cookie  Responder cookie  Mode           Remote Address"
const TABLE_HEADER =
  /^\s*Index\s+State\s+Initiator cookie\s+Responder cookie\s+Mode\s+Remote Address\s*$/;
// Sample: "8077302 UP     2a5b3c4d5e6f7a8b  9c8d7e6f5a4b3c2d  Main           198.51.100.2"
const TABLE_ROW = new RegExp(
  String.raw`^\s*(\d{1,12})\s+(UP|DOWN|[A-Z][A-Z-]{1,15})\s+([0-9a-fA-F]{16})\s+([0-9a-fA-F]{16})\s+(Main|Aggressive|IKEv2|IKEv1|Aggr)\s+(${ADDR}|[\w.:-]+)\s*$`,
);
const ZERO_COOKIE = /^0{16}$/;

// ---- Detail blocks ----
// Sample: "IKE peer 198.51.100.2, Index 8077302, Gateway Name: gw-branch"
const DETAIL_START = new RegExp(
  String.raw`^\s*IKE peer (${ADDR}|[\w.:-]+), Index (\d{1,12})(?:,\s*Gateway Name:\s*(\S+))?`,
);
// Sample: "  Role: Initiator, State: UP"
const ROLE_STATE = /^\s*Role:\s*(Initiator|Responder),\s*State:\s*(\w+)/;
// Sample: "  Initiator cookie: 2a5b3c4d5e6f7a8b, Responder cookie: 9c8d7e6f5a4b3c2d"
const COOKIES =
  /^\s*Initiator cookie:\s*([0-9a-fA-F]{1,16}),\s*Responder cookie:\s*([0-9a-fA-F]{1,16})/;
// Sample: "  Exchange type: Main, Authentication method: Pre-shared-keys"
const EXCHANGE = /^\s*Exchange type:\s*([\w-]+),\s*Authentication method:\s*([\w-]+)/;
// Sample: "  Local: 203.0.113.1:500, Remote: 198.51.100.2:500"
const ENDPOINTS =
  /^\s*Local:\s*([0-9A-Fa-fxX.:]{2,45}?):(\d{1,5}),\s*Remote:\s*([0-9A-Fa-fxX.:]{2,45}?):(\d{1,5})\s*$/;
// Sample: "  Lifetime: Expires in 28312 seconds"
const LIFETIME = /^\s*Lifetime:\s*Expires in (\d+) seconds/;
// Sample: "   Authentication        : hmac-sha256-128"
const ALG_AUTH = /^\s*Authentication\s*:\s*(\S+)/;
// Sample: "   Encryption            : aes256-cbc"
const ALG_ENC = /^\s*Encryption\s*:\s*(\S+)/;
// Sample: "   Pseudo random function: hmac-sha256"
const ALG_PRF = /^\s*Pseudo random function\s*:\s*(\S+)/;
// Sample: "   Diffie-Hellman group  : DH-group-14"
const ALG_DH = /^\s*Diffie-Hellman group\s*:\s*(\S+)/;
// Sample: "  IPSec security associations: 2 created, 0 deleted"
const P2_COUNT = /^\s*IPSec security associations:\s*(\d+) created,\s*(\d+) deleted/;
// Sample: "  Phase 2 negotiations in progress: 0"
const P2_PROGRESS = /^\s*Phase 2 negotiations in progress:\s*(\d+)/;
// Sample: "    Negotiation type: Quick mode, Role: Initiator, Message ID: 0"
const P2_NEGOTIATION = /^\s*Negotiation type:\s*([\w ]+?),\s*Role:\s*(Initiator|Responder)/;
// Other lines of a detail block, understood without a fact of their own.
// Samples: "  Reauth Lifetime: Disabled", "   Input  bytes  :                 1204", "  Flags: IKE SA is created"
const DETAIL_OTHER =
  /^\s*(?:Reauth Lifetime:|IKE Fragmentation:|Remote Access Client Info:|Peer ike-id:|AAA assigned IP:|Algorithms:|Traffic statistics:|(?:Input|Output)\s+(?:bytes|packets|fragmentated packets|fragmented packets)\s*:|Flags:|Local identity:|Remote identity:|Local Gateway interface:|Routing instance:|XAUTH user-name:|XAUTH assigned IP:|Thread Id\s*:|Lifetime:|Message ID:|Negotiation type:|Local:|Remote:|IPSec security associations:|Phase 2 negotiations in progress:|Local IKE-ID:|Remote IKE-ID:|IKE SA Index:|Location:|Anchorship:|Distribution-Profile:|Reauthentication:|Role:|Initiator cookie:|Exchange type:)/;

const role = (s: string | undefined): Role | undefined =>
  s === undefined ? undefined : s.toLowerCase() === 'initiator' ? 'initiator' : 'responder';
const version = (mode: string | undefined): IkeVersion | undefined =>
  mode === undefined ? undefined : /IKEv2/i.test(mode) ? 'ikev2' : 'ikev1';

interface Block {
  peer: string;
  index: string;
  name?: string | undefined;
  role?: Role | undefined;
  state?: string | undefined;
  spiInitiator?: string | undefined;
  spiResponder?: string | undefined;
  exchange?: string | undefined;
  authentication?: string | undefined;
  local?: string | undefined;
  natT?: boolean | undefined;
  lifetime?: string | undefined;
  integrity?: string | undefined;
  encryption?: string | undefined;
  prf?: string | undefined;
  dhGroup?: string | undefined;
  lines: number[];
}

function flush(b: Block | null, out: Collector): void {
  if (b === null) return;
  const ikeVersion = version(b.exchange);
  out.add(
    {
      kind: 'ike-sa',
      platform: PLATFORM,
      ...defined({
        ikeVersion,
        peer: b.peer,
        local: b.local,
        state: b.state,
        status: b.state,
        role: b.role,
        connectionId: b.index,
        name: b.name,
        encryption: b.encryption,
        integrity: b.integrity,
        prf: b.prf,
        dhGroup: b.dhGroup,
        authentication: b.authentication,
        lifetime: b.lifetime,
        natT: b.natT,
        spiInitiator: b.spiInitiator,
        spiResponder: b.spiResponder,
      }),
    },
    b.lines,
  );
  if (b.exchange !== undefined && /^Aggressive/i.test(b.exchange)) {
    out.add(
      {
        kind: 'signal',
        signal: 'ike.aggressive-mode',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        peer: b.peer,
        ...defined({ role: b.role }),
      },
      b.lines.slice(0, 1),
    );
  }
}

function read(lines: readonly Line[], out: Collector): void {
  let inTable = false;
  let block: Block | null = null;
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') {
      inTable = false;
      continue;
    }
    if (isClusterBanner(text)) {
      out.claim(line.no);
      continue;
    }
    if (TABLE_HEADER.test(text)) {
      flush(block, out);
      block = null;
      inTable = true;
      out.claim(line.no);
      continue;
    }
    if (inTable) {
      const m = TABLE_ROW.exec(text);
      if (m) {
        const [, index, state, ic, rc, mode, peer] = m;
        // A responder always has its own cookie: an all-zero responder cookie means we initiated.
        const initiator = rc !== undefined && ZERO_COOKIE.test(rc);
        out.add(
          {
            kind: 'ike-sa',
            platform: PLATFORM,
            ...defined({
              ikeVersion: version(mode),
              peer,
              state,
              status: state,
              connectionId: index,
              spiInitiator: ic,
              spiResponder: rc,
              role: initiator ? ('initiator' as const) : undefined,
            }),
          },
          [line.no],
        );
        if (mode !== undefined && /^Aggr/i.test(mode)) {
          out.add(
            {
              kind: 'signal',
              signal: 'ike.aggressive-mode',
              platform: PLATFORM,
              ikeVersion: 'ikev1',
              ...defined({ peer }),
            },
            [line.no],
          );
        }
        continue;
      }
      inTable = false;
    }
    const start = DETAIL_START.exec(text);
    if (start) {
      flush(block, out);
      block = {
        peer: start[1] ?? '',
        index: start[2] ?? '',
        lines: [line.no],
        ...defined({ name: start[3] }),
      };
      continue;
    }
    if (block === null) continue;
    const b: Block = block;
    let hit = true;
    let m: RegExpExecArray | null;
    if (P2_NEGOTIATION.test(text)) {
      // the role of a phase 2 exchange in progress, not of the IKE SA: understood only
    } else if ((m = ROLE_STATE.exec(text))) {
      b.role = role(m[1]);
      b.state = m[2];
    } else if ((m = COOKIES.exec(text))) {
      b.spiInitiator = m[1];
      b.spiResponder = m[2];
    } else if ((m = EXCHANGE.exec(text))) {
      b.exchange = m[1];
      b.authentication = m[2];
    } else if ((m = ENDPOINTS.exec(text))) {
      if (b.local === undefined) {
        b.local = m[1];
        b.natT = m[2] === '4500' || m[4] === '4500';
      }
    } else if ((m = LIFETIME.exec(text))) {
      b.lifetime = `${m[1] ?? ''} seconds`;
    } else if ((m = ALG_PRF.exec(text))) {
      b.prf = m[1];
    } else if ((m = ALG_DH.exec(text))) {
      b.dhGroup = m[1];
    } else if ((m = ALG_AUTH.exec(text))) {
      b.integrity = m[1];
    } else if ((m = ALG_ENC.exec(text))) {
      b.encryption = m[1];
    } else if (P2_COUNT.test(text) || P2_PROGRESS.test(text)) {
      // counts understood; the IPsec SAs themselves come from `show security ipsec sa`
    } else if (!DETAIL_OTHER.test(text)) {
      hit = false;
    }
    if (hit) b.lines.push(line.no);
  }
  flush(block, out);
}

/** `show security ike security-associations [detail]` on an SRX. */
export const showSecurityIkeSecurityAssociations = showParser({
  id: 'juniper-srx-show-security-ike-security-associations',
  command: 'show security ike security-associations',
  marker: /^\s*Index\s+State\s+Initiator cookie\s+Responder cookie|^\s*IKE peer \S+, Index \d+/,
  read,
});
