/**
 * Cisco IOS / IOS-XE `show crypto ikev2 sa [detailed]`: IPv4 rows (local/remote with ports on one
 * line), IPv6 rows (Local/Remote on lines of their own), and the indented detail block of each SA.
 * The Status column (READY, IN-NEG, DELETE …) is the IKEv2 SA state.
 */
import type { IkeSaFact } from '../../../knowledge/facts.ts';
import type { Collector } from './show_common.ts';
import { ADDR, PLATFORM, defined, showParser, textOf, commandRe } from './show_common.ts';

// Sample: " IPv4 Crypto IKEv2  SA" / " IPv6 Crypto IKEv2  SA"
const SECTION_RE = /\bIPv[46] Crypto IKEv2\s+SA\b/;
// Sample: "Tunnel-id Local                 Remote                fvrf/ivrf            Status"
const COLUMNS_RE = /^\s*Tunnel-id\s+(?:Local\s+Remote\s+)?fvrf\/ivrf\s+Status\s*$/;
// Sample: "1         10.0.0.1/500          10.0.0.2/500          none/none            READY"
const ROW_RE = new RegExp(
  String.raw`^\s*(\d+)\s+(${ADDR})\/(\d+)\s+(${ADDR})\/(\d+)\s+([\w().-]*)\/([\w().-]*)\s+([A-Z][A-Z-]*)\s*$`,
);
// IPv6 layout. Sample: "1           none/none            READY" then "Local  2001:DB8::1/500", "Remote 2001:DB8::2/500"
const ROW6_RE =
  /^\s*(\d+)\s+([\w().-]*)\/([\w().-]*)\s+(READY|IN-NEG|DELETE|DELETED|UNKNOWN|[A-Z]+-[A-Z]+)\s*$/;
const LOCAL6_RE = new RegExp(String.raw`^\s*Local\s+(${ADDR})\/(\d+)\s*$`);
const REMOTE6_RE = new RegExp(String.raw`^\s*Remote\s+(${ADDR})\/(\d+)\s*$`);
// Sample: "      Encr: AES-CBC, keysize: 256, PRF: SHA512, Hash: SHA512, DH Grp:5, Auth sign: PSK, Auth verify: PSK"
const ENCR_RE =
  /Encr:\s*([\w-]+)(?:,\s*keysize:\s*(\d+))?(?:,\s*PRF:\s*([\w-]+))?(?:,\s*Hash:\s*([\w-]+))?(?:,\s*DH Grp:\s*(\d+))?(?:,\s*Auth sign:\s*([\w-]+))?(?:,\s*Auth verify:\s*([\w-]+))?/;
// Sample: "      Life/Active Time: 86400/1004 sec"
const LIFE_RE = /^\s*Life\/Active Time:\s*(\d+)\/(\d+)\s*sec/;
// Sample: "      Local spi: 1C6E3C8DD27F6A95       Remote spi: 9E2C2BF2C04ED3D1"
const SPI_RE = /^\s*Local spi:\s*([0-9A-Fa-f]+)\s+Remote spi:\s*([0-9A-Fa-f]+)/;
// Sample: "      Initiator of SA : Yes"
const INITIATOR_RE = /^\s*Initiator of SA\s*:\s*(Yes|No)\b/;
// Sample: "      NAT-T is detected  outside" / "      NAT-T is not detected"
const NATT_RE = /^\s*NAT-T is (not )?detected/;
// Any other line of the indented detail block. Samples: "      CE id: 1002, Session-id: 2",
// "      DPD configured for 0 seconds, retry 0", "      Fragmentation not  configured."
const DETAIL_RE =
  /^\s+(?:[A-Z][\w /.()-]{0,40}?\s?:|DPD configured|Fragmentation|Extended Authentication|Dynamic Route Update|Cisco Trust Security|Remote check-point|IPv[46] Crypto|Quantum-safe|Remote subnets|Local subnets|Assigned host|[\w.:/]+\s*$)/;

const ID = 'cisco-ios-show-crypto-ikev2-sa';

interface Sa {
  connectionId: string;
  local?: string | undefined;
  peer?: string | undefined;
  vrf?: string | undefined;
  state: string;
  encryption?: string | undefined;
  integrity?: string | undefined;
  prf?: string | undefined;
  dhGroup?: string | undefined;
  authentication?: string | undefined;
  lifetime?: string | undefined;
  natT?: boolean | undefined;
  role?: 'initiator' | 'responder' | undefined;
  localSpi?: string | undefined;
  remoteSpi?: string | undefined;
  lines: number[];
}

function emit(out: Collector, sa: Sa): void {
  const initiator = sa.role === 'initiator';
  const fact = defined<Omit<IkeSaFact, 'format' | 'lines'>>({
    kind: 'ike-sa',
    platform: PLATFORM,
    ikeVersion: 'ikev2',
    peer: sa.peer,
    local: sa.local,
    state: sa.state,
    role: sa.role,
    connectionId: sa.connectionId,
    encryption: sa.encryption,
    integrity: sa.integrity,
    prf: sa.prf,
    dhGroup: sa.dhGroup,
    authentication: sa.authentication,
    lifetime: sa.lifetime,
    natT: sa.natT,
    spiInitiator: sa.role === undefined ? undefined : initiator ? sa.localSpi : sa.remoteSpi,
    spiResponder: sa.role === undefined ? undefined : initiator ? sa.remoteSpi : sa.localSpi,
    vrf: sa.vrf,
  });
  out.add(fact, sa.lines);
}

/** `show crypto ikev2 sa [detailed]`. */
export const showCryptoIkev2Sa = showParser({
  id: ID,
  command: 'show crypto ikev2 sa',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['ikev2', 5],
    ['sa', 2],
  ]),
  marker: /Crypto IKEv2\s+SA|^\s*Tunnel-id\s+(?:Local\s+Remote\s+)?fvrf\/ivrf/,
  read(lines, out) {
    const headers: number[] = [];
    let rows = 0;
    let sa: Sa | null = null;
    const flush = () => {
      if (sa !== null) emit(out, sa);
      sa = null;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === undefined) continue;
      const text = textOf(line);
      if (text.trim() === '') continue;
      if (SECTION_RE.test(text) || COLUMNS_RE.test(text)) {
        flush();
        headers.push(line.no);
        out.claim(line.no);
        continue;
      }
      let m = ROW_RE.exec(text);
      if (m) {
        flush();
        rows++;
        const [, id = '', local, , peer, , fvrf, , state = ''] = m;
        sa = { connectionId: id, local, peer, vrf: fvrf, state, lines: [line.no] };
        continue;
      }
      m = ROW6_RE.exec(text);
      if (m && headers.length > 0) {
        flush();
        rows++;
        sa = { connectionId: m[1] ?? '', vrf: m[2], state: m[4] ?? '', lines: [line.no] };
        continue;
      }
      const cur: Sa | null = sa;
      if (cur === null) continue;
      if ((m = LOCAL6_RE.exec(text))) {
        cur.local = m[1];
        cur.lines.push(line.no);
        continue;
      }
      if ((m = REMOTE6_RE.exec(text))) {
        cur.peer = m[1];
        cur.lines.push(line.no);
        continue;
      }
      if (!/^\s/.test(text)) {
        // An unindented line that is not a row ends the SA.
        flush();
        continue;
      }
      if (/Encr:/.test(text)) {
        // "… Auth" wrapped before "sign: RSA, Auth verify: RSA" by a narrow terminal or page.
        let joined = text;
        const next = lines[i + 1];
        if (
          !/Auth verify:/.test(text) &&
          next !== undefined &&
          /^\s*(?:sign|verify|Auth)\b.{0,60}:/.test(textOf(next))
        ) {
          joined = `${text.trimEnd()} ${textOf(next).trim()}`;
          cur.lines.push(next.no);
          i++;
        }
        m = ENCR_RE.exec(joined);
        if (m) {
          const [, encr, keysize, prf, hash, dh, sign, verify] = m;
          cur.encryption = keysize !== undefined ? `${encr}-${keysize}` : encr;
          cur.prf = prf;
          cur.integrity = hash;
          cur.dhGroup = dh;
          cur.authentication =
            sign === undefined || sign === verify
              ? (verify ?? sign)
              : `sign ${sign}, verify ${verify ?? '?'}`;
        }
        cur.lines.push(line.no);
        continue;
      }
      if ((m = LIFE_RE.exec(text))) {
        cur.lifetime = m[1];
        cur.lines.push(line.no);
        continue;
      }
      if ((m = SPI_RE.exec(text))) {
        cur.localSpi = m[1];
        cur.remoteSpi = m[2];
        cur.lines.push(line.no);
        continue;
      }
      if ((m = INITIATOR_RE.exec(text))) {
        cur.role = m[1] === 'Yes' ? 'initiator' : 'responder';
        cur.lines.push(line.no);
        continue;
      }
      if ((m = NATT_RE.exec(text))) {
        cur.natT = m[1] === undefined;
        cur.lines.push(line.no);
        continue;
      }
      if (DETAIL_RE.test(text)) out.claim(line.no);
    }
    flush();
    if (headers.length > 0 && rows === 0) {
      out.add(
        { kind: 'signal', signal: 'ike.no-sa', platform: PLATFORM, ikeVersion: 'ikev2' },
        headers,
      );
    }
  },
});
