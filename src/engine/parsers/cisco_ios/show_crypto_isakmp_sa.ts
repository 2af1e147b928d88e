/**
 * Cisco IOS / IOS-XE `show crypto isakmp sa [detail]`: the IKEv1 SA table, IPv4 and IPv6 sections,
 * the older layout with a `slot` column (and without `status`), and the detail layout.
 *
 * `dst`/`src` are the responder and the initiator of the SA. When the paste shows which address is
 * this device's own (crypto map `local addr`, `local crypto endpt.`, session `local`, tunnel source),
 * the role follows; otherwise `peer` is `dst` and `local` is `src`, as on the initiating side.
 */
import type { IkeSaFact } from '../../../knowledge/facts.ts';
import type { Collector } from './show_common.ts';
import {
  ADDR,
  PLATFORM,
  defined,
  localAddresses,
  showParser,
  textOf,
  commandRe,
} from './show_common.ts';

// Sample: "IPv4 Crypto ISAKMP SA" / "IPv6 Crypto ISAKMP SA"
const SECTION_RE = /\bIPv([46]) Crypto ISAKMP SA\b/;
// Sample: "dst             src             state          conn-id slot status"
// Sample: "f_vrf/i_vrf       dst             src             state          conn-id status"
const COLUMNS_RE =
  /^\s*(?:f_vrf\/i_vrf\s+)?dst\s+src\s+state\s+conn-id(?:\s+slot)?(?:\s+status)?\s*$/;
// Sample: "10.1.1.2        10.1.1.1        QM_IDLE           1001 ACTIVE"
// Sample: "172.16.1.1      172.16.1.2      MM_NO_STATE          1    0 ACTIVE (deleted)"
// Sample: "/               10.0.0.2        10.0.0.1        QM_IDLE           1001 ACTIVE"
const ROW_RE = new RegExp(
  String.raw`^\s*(?:([\w()-]*\/[\w()-]*)\s+)?(${ADDR})\s+(${ADDR})\s+((?:MM|QM|AG|IKE)_[A-Z0-9_]+)\s+(\d+)(?:\s+(\d+))?(?:\s+([A-Z][A-Z-]*))?(?:\s*\((deleted)\))?\s*$`,
);
// IPv6 rows are printed over three lines. Samples: " dst: 2001:DB8::2", " src: 2001:DB8::1",
// " state: QM_IDLE         conn-id:   1001 status: ACTIVE"
const V6_DST_RE = new RegExp(String.raw`^\s*dst:\s*(${ADDR})\s*$`);
const V6_SRC_RE = new RegExp(String.raw`^\s*src:\s*(${ADDR})\s*$`);
const V6_STATE_RE =
  /^\s*state:\s*((?:MM|QM|AG|IKE)_[A-Z0-9_]+)\s+conn-id:\s*(\d+)(?:\s+slot:\s*\d+)?(?:\s+status:\s*([A-Z][A-Z-]*))?(?:\s*\((deleted)\))?\s*$/;
// Sample: "C-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap."
const DETAIL_COLUMNS_RE =
  /^\s*C-id\s+Local\s+Remote\s+I-VRF\s+Status\s+Encr\s+Hash\s+Auth\s+DH\s+Lifetime(?:\s+Cap\.)?\s*$/;
// Status words of the detail layout.
const STATUS = String.raw`(ACTIVE|DELETED|STDBY|UNKNOWN|INACTIVE)`;
// The algorithm columns of the detail layout: Encr Hash Auth DH Lifetime [Cap.].
const ALGOS = String.raw`(\S+)\s+(\S+)\s+(\S+)\s+(\d+)\s+(\d{1,3}:\d\d:\d\d|\d+)(?:\s+([A-Z]{1,8}))?`;
// Sample: "1001  10.1.1.1        10.1.1.2               ACTIVE aes  sha    psk  14 23:59:37 D"
const DETAIL_ROW_RE = new RegExp(
  String.raw`^\s*(\d+)\s+(${ADDR})\s+(${ADDR})\s+(?:([\w-]+)\s+)?${STATUS}(?:\s*\((deleted)\))?\s+${ALGOS}\s*$`,
);
// IPv6 detail rows: "1002  2001:DB8::1" then "      2001:DB8::2                            ACTIVE aes  sha    psk  5  23:59:50"
const DETAIL6_A_RE = new RegExp(String.raw`^\s*(\d+)\s+(${ADDR})\s*$`);
const DETAIL6_B_RE = new RegExp(
  String.raw`^\s*(${ADDR})\s+(?:([\w-]+)\s+)?${STATUS}(?:\s*\((deleted)\))?\s+${ALGOS}\s*$`,
);
// Sample: "       Engine-id:Conn-id =  SW:1"
const ENGINE_RE = /^\s*Engine-id:Conn-id\s*=\s*\S+/;
// The detail legend. Samples: "Codes: C - IKE configuration mode, D - Dead Peer Detection",
// "       K - Keepalives, N - NAT-traversal", "       psk - Preshared key, rsig - RSA signature"
const LEGEND_RE =
  /^\s*(?:Codes?:\s*)?[A-Za-z]{1,4} - (?:IKE [Cc]onfiguration|Dead Peer|Keepalives|NAT-traversal|cTCP|IKE Extended|Preshared|Pre-shared|RSA|IKE Fragmentation)/;

const ID = 'cisco-ios-show-crypto-isakmp-sa';

interface Row {
  dst: string;
  src: string;
  state?: string | undefined;
  status?: string | undefined;
  connectionId?: string | undefined;
  vrf?: string | undefined;
  encryption?: string | undefined;
  integrity?: string | undefined;
  authentication?: string | undefined;
  dhGroup?: string | undefined;
  lifetime?: string | undefined;
  natT?: boolean | undefined;
  lines: number[];
}

function emit(out: Collector, row: Row, locals: ReadonlySet<string>): void {
  const dstLocal = locals.has(row.dst.toLowerCase());
  const srcLocal = locals.has(row.src.toLowerCase());
  // dst is the responder: when it is ours, the peer initiated.
  const role =
    dstLocal && !srcLocal ? 'responder' : srcLocal && !dstLocal ? 'initiator' : undefined;
  const [peer, local] = role === 'responder' ? [row.src, row.dst] : [row.dst, row.src];
  const fact = defined<Omit<IkeSaFact, 'format' | 'lines'>>({
    kind: 'ike-sa',
    platform: PLATFORM,
    ikeVersion: 'ikev1',
    peer,
    local,
    state: row.state,
    status: row.status,
    role,
    connectionId: row.connectionId,
    vrf: row.vrf,
    encryption: row.encryption,
    integrity: row.integrity,
    authentication: row.authentication,
    dhGroup: row.dhGroup,
    lifetime: row.lifetime,
    natT: row.natT,
  });
  out.add(fact, row.lines);
  if (row.state?.startsWith('AG_') === true) {
    out.add(
      {
        kind: 'signal',
        signal: 'ike.aggressive-mode',
        platform: PLATFORM,
        ikeVersion: 'ikev1',
        state: row.state,
        peer,
      },
      row.lines,
    );
  }
}

const statusOf = (status: string | undefined, deleted: string | undefined): string | undefined =>
  deleted !== undefined ? `${status ?? ''} (deleted)`.trim() : status;

/** `show crypto isakmp sa [detail]`. */
export const showCryptoIsakmpSa = showParser({
  id: ID,
  command: 'show crypto isakmp sa',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['isakmp', 3],
    ['sa', 2],
  ]),
  marker: /Crypto ISAKMP SA|^\s*dst\s+src\s+state\s+conn-id|^\s*C-id\s+Local\s+Remote/,
  read(lines, out) {
    const locals = localAddresses(lines);
    const headers: number[] = [];
    let rows = 0;
    let inTable = false;
    let v6: { dst?: string | undefined; src?: string | undefined; lines: number[] } = { lines: [] };
    let detail6: { id: string; local: string; line: number } | null = null;
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      if (SECTION_RE.test(text)) {
        headers.push(line.no);
        out.claim(line.no);
        inTable = true;
        continue;
      }
      if (COLUMNS_RE.test(text) || DETAIL_COLUMNS_RE.test(text)) {
        headers.push(line.no);
        out.claim(line.no);
        inTable = true;
        continue;
      }
      if (LEGEND_RE.test(text)) {
        out.claim(line.no);
        continue;
      }
      let m = ROW_RE.exec(text);
      if (m) {
        const [, vrf, dst = '', src = '', state, connId, , status, deleted] = m;
        rows++;
        emit(
          out,
          {
            dst,
            src,
            state,
            status: statusOf(status, deleted),
            connectionId: connId,
            vrf,
            lines: [line.no],
          },
          locals,
        );
        continue;
      }
      m = DETAIL_ROW_RE.exec(text);
      if (m) {
        const [
          ,
          connId,
          local = '',
          remote = '',
          vrf,
          status,
          deleted,
          encr,
          hash,
          auth,
          dh,
          life,
          caps,
        ] = m;
        rows++;
        // The detail layout names the columns Local/Remote: no guessing needed.
        out.add(
          defined({
            kind: 'ike-sa' as const,
            platform: PLATFORM,
            ikeVersion: 'ikev1' as const,
            peer: remote,
            local,
            status: statusOf(status, deleted),
            connectionId: connId,
            vrf,
            encryption: encr,
            integrity: hash,
            authentication: auth,
            dhGroup: dh,
            lifetime: life,
            natT: caps !== undefined ? caps.includes('N') : undefined,
          }),
          [line.no],
        );
        continue;
      }
      m = DETAIL6_A_RE.exec(text);
      if (m && inTable) {
        detail6 = { id: m[1] ?? '', local: m[2] ?? '', line: line.no };
        out.claim(line.no);
        continue;
      }
      m = DETAIL6_B_RE.exec(text);
      if (m && detail6 !== null) {
        const [, remote, vrf, status, deleted, encr, hash, auth, dh, life, caps] = m;
        rows++;
        out.add(
          defined({
            kind: 'ike-sa' as const,
            platform: PLATFORM,
            ikeVersion: 'ikev1' as const,
            peer: remote,
            local: detail6.local,
            status: statusOf(status, deleted),
            connectionId: detail6.id,
            vrf,
            encryption: encr,
            integrity: hash,
            authentication: auth,
            dhGroup: dh,
            lifetime: life,
            natT: caps !== undefined ? caps.includes('N') : undefined,
          }),
          [detail6.line, line.no],
        );
        detail6 = null;
        continue;
      }
      if (ENGINE_RE.test(text)) {
        out.claim(line.no);
        continue;
      }
      m = V6_DST_RE.exec(text);
      if (m) {
        v6 = { dst: m[1], lines: [line.no] };
        continue;
      }
      m = V6_SRC_RE.exec(text);
      if (m && v6.dst !== undefined) {
        v6 = { ...v6, src: m[1], lines: [...v6.lines, line.no] };
        continue;
      }
      m = V6_STATE_RE.exec(text);
      if (m && v6.dst !== undefined && v6.src !== undefined) {
        rows++;
        emit(
          out,
          {
            dst: v6.dst,
            src: v6.src,
            state: m[1],
            connectionId: m[2],
            status: statusOf(m[3], m[4]),
            lines: [...v6.lines, line.no],
          },
          locals,
        );
        v6 = { lines: [] };
        continue;
      }
    }
    // A table shown with no SA in it at all: the device has not even started phase 1.
    if (headers.length > 0 && rows === 0) {
      out.add(
        { kind: 'signal', signal: 'ike.no-sa', platform: PLATFORM, ikeVersion: 'ikev1' },
        headers,
      );
    }
  },
});
