/**
 * PAN-OS `show vpn ike-sa [gateway <name>]`: the IKEv1 phase-1 and phase-2 SA tables and the IKEv2
 * SA and child SA tables. Written from the PAN-OS CLI reference and Palo Alto Networks knowledge
 * base examples ("How to troubleshoot IPSec VPN connectivity issues").
 */
import type { Line } from '../../parse/lines.ts';
import { defined, PLATFORM, showParser, textOf, type Collector } from './common.ts';

// Sample: "IKEv1 phase-1 SAs"   /   "IKEv1 phase-2 SAs"   /   "IKEv2 SAs"   /   "IKEv2 IPSec Child SAs"
const SECTION =
  /^\s*(IKEv1 phase-1 SAs|IKEv1 phase-2 SAs|phase-1 SAs|phase-2 SAs|IKEv2 SAs|IKEv2 IPSec Child SAs)\s*$/;
// Sample: "GwID/client IP  Peer-Address           Gateway Name           Role Mode Algorithm             Established     Expiration      V  ST Xt Phase2"
const P1_HEADER =
  /^\s*GwID(?:\/client IP)?\s+Peer-Address\s+Gateway Name\s+Role\s+Mode\s+Algorithm\s+Established\s+Expiration\b/;
// Sample: "1               198.51.100.2           GW-Branch              Init Main PSK/DH2/A128/SHA1     Mar.12 10:15:03 Mar.12 18:15:03 v1 13  1  1"
const P1_ROW =
  /^\s*(\S{1,45})\s+(\S{1,45})\s+(\S{1,63})\s+(Init|Resp)\s+(Main|Aggr|Aggressive)\s+(\S{1,60})\s+(\S{1,8} \d\d:\d\d:\d\d)\s+(\S{1,8} \d\d:\d\d:\d\d)\s+(v[12])\s+(\d{1,3})\s+(\d{1,3})\s+(\d{1,5})\s*$/;
// Sample: "GwID/client IP  Peer-Address           Gateway Name           Role Algorithm          SPI(in)  SPI(out) MsgID    ST Xt"
const P2_HEADER =
  /^\s*GwID(?:\/client IP)?\s+Peer-Address\s+Gateway Name\s+Role\s+Algorithm\s+SPI\(in\)\s+SPI\(out\)\s+MsgID\b/;
// Sample: "1               198.51.100.2           GW-Branch              Init ESP/DH2/tunl/SHA1 C1F3A2B4 9E8D7C6B A1B2C3D4 9  1"
const P2_ROW =
  /^\s*(\S{1,45})\s+(\S{1,45})\s+(\S{1,63})\s+(Init|Resp)\s+(\S{1,40}(?: \S{1,40})?)\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})\s+(\d{1,3})\s+(\d{1,3})\s*$/;
// Sample: "Gateway ID      Peer-Address           Gateway Name           Role SN       Algorithm             Established     Expiration      Xt Child  ST"
const V2_HEADER =
  /^\s*Gateway ID\s+Peer-Address\s+Gateway Name\s+Role\s+SN\s+Algorithm\s+Established\s+Expiration\b/;
// Sample: "2               203.0.113.10           GW-AWS                 Init 5        PSK/DH14/A256/SHA256  Mar.12 10:15:03 Mar.12 18:15:03 0  1      Established"
const V2_ROW =
  /^\s*(\S{1,45})\s+(\S{1,45})\s+(\S{1,63})\s+(Init|Resp)\s+(\d{1,9})\s+(\S{1,60})\s+(\S{1,8} \d\d:\d\d:\d\d)\s+(\S{1,8} \d\d:\d\d:\d\d)\s+(\d{1,3})\s+(\d{1,5})\s+(\S{1,30})\s*$/;
// Sample: "Gateway Name           TnID     Tunnel                    ID       Parent   Role SPI(in)  SPI(out) MsgID    ST"
const CHILD_HEADER =
  /^\s*Gateway Name\s+TnID\s+Tunnel\s+ID\s+Parent\s+Role\s+SPI\(in\)\s+SPI\(out\)\s+MsgID\s+ST\b/;
// Sample: "GW-AWS                 3        tunnel-AWS                12       5        Init C2A1B3D4 0F1E2D3C 00000002 Mature"
const CHILD_ROW =
  /^\s*(\S{1,63})\s+(\d{1,9})\s+(\S{1,63})\s+(\d{1,9})\s+(\d{1,9})\s+(Init|Resp)\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})\s+([0-9A-Fa-f]{8})\s+(\S{1,30})\s*$/;
// Sample: "--------------  ------------           ------------           ---- ---- ---------" (dashes under the header)
const DASHES = /^\s*-+(?:\s+-+){2,}\s*$/;
// Sample: "Show IKEv1 IKE SA: Total 1 gateways found. 1 ike sa found."
const TOTAL =
  /^\s*Show IKEv[12] (?:IKE SA|phase2 SA|SA): Total (\d+) gateways? found\.\s*(\d+) (?:ike|ipsec|child) sa found\./i;
// Sample: "There is no IKEv1 phase-1 SA found."   /   "There is no IKEv2 SA found."
const NONE =
  /^\s*There is no (IKEv1 phase-1|IKEv1 phase-2|IKEv2|IKEv2 child|IKE|IPSec) SA found\.?\s*$/i;

const roleOf = (s: string | undefined) =>
  s === 'Init' ? ('initiator' as const) : s === 'Resp' ? ('responder' as const) : undefined;

// "PSK/DH2/A128/SHA1" or "RSA/DH14/A256/SHA256": authentication / DH group / encryption / integrity.
function algorithm(s: string | undefined) {
  const [authentication, dhGroup, encryption, integrity] = (s ?? '').split('/');
  return defined({ authentication, dhGroup, encryption, integrity });
}

function read(lines: readonly Line[], out: Collector): void {
  let table: 'p1' | 'p2' | 'v2' | 'child' | null = null;
  const seen = { header: [] as number[], any: false, none: [] as number[] };
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    if (SECTION.test(text) || TOTAL.test(text)) {
      out.claim(line.no);
      seen.header.push(line.no);
      continue;
    }
    if (NONE.test(text)) {
      out.claim(line.no);
      seen.none.push(line.no);
      continue;
    }
    if (P1_HEADER.test(text)) table = 'p1';
    else if (P2_HEADER.test(text)) table = 'p2';
    else if (V2_HEADER.test(text)) table = 'v2';
    else if (CHILD_HEADER.test(text)) table = 'child';
    else if (table !== null && DASHES.test(text)) {
      out.claim(line.no);
      continue;
    } else {
      let m: RegExpExecArray | null;
      if (table === 'p1' && (m = P1_ROW.exec(text))) {
        seen.any = true;
        out.add(
          {
            kind: 'ike-sa',
            platform: PLATFORM,
            ikeVersion: m[9] === 'v2' ? 'ikev2' : 'ikev1',
            ...defined({ connectionId: m[1], peer: m[2], name: m[3], role: roleOf(m[4]) }),
            ...algorithm(m[6]),
            // ST is ikemgr's numeric phase 1 state; Phase2 counts the phase 2 SAs under it.
            state: m[10] ?? '',
            lifetime: `expires ${m[8] ?? ''}`,
          },
          [line.no],
        );
        // The Established column holds the time phase 1 completed: the IKE SA is up.
        out.add(
          {
            kind: 'signal',
            signal: 'phase1.complete',
            platform: PLATFORM,
            ikeVersion: 'ikev1',
            value: `established ${m[7] ?? ''}`,
            ...defined({ peer: m[2], role: roleOf(m[4]) }),
          },
          [line.no],
        );
        if (m[5] !== undefined && m[5].startsWith('Aggr')) {
          out.add(
            {
              kind: 'signal',
              signal: 'ike.aggressive-mode',
              platform: PLATFORM,
              ikeVersion: 'ikev1',
              ...defined({ peer: m[2], role: roleOf(m[4]) }),
            },
            [line.no],
          );
        }
        continue;
      }
      if (table === 'p2' && (m = P2_ROW.exec(text))) {
        const alg = (m[5] ?? '').replace(/\s+/g, '');
        const [, dh, mode] = alg.split('/');
        out.add(
          {
            kind: 'ipsec-sa',
            platform: PLATFORM,
            ...defined({
              peer: m[2],
              name: m[3],
              spiIn: m[6],
              spiOut: m[7],
              transform: alg,
              pfs:
                dh !== undefined && /^DH\d+$/i.test(dh) ? dh : dh === 'nopfs' ? 'none' : undefined,
              mode: mode === 'tunl' ? 'tunnel' : mode === 'tran' ? 'transport' : undefined,
              status: m[9],
            }),
          },
          [line.no],
        );
        continue;
      }
      if (table === 'v2' && (m = V2_ROW.exec(text))) {
        seen.any = true;
        out.add(
          {
            kind: 'ike-sa',
            platform: PLATFORM,
            ikeVersion: 'ikev2',
            ...defined({
              connectionId: m[5],
              peer: m[2],
              name: m[3],
              role: roleOf(m[4]),
              state: m[11],
            }),
            ...algorithm(m[6]),
            lifetime: `expires ${m[8] ?? ''}`,
          },
          [line.no],
        );
        continue;
      }
      if (table === 'child' && (m = CHILD_ROW.exec(text))) {
        out.add(
          {
            kind: 'ipsec-sa',
            platform: PLATFORM,
            ...defined({ name: m[3], spiIn: m[7], spiOut: m[8], status: m[10] }),
          },
          [line.no],
        );
        continue;
      }
      table = null;
      continue;
    }
    out.claim(line.no);
  }
  // Every section said "There is no … SA found": no IKE SA at all.
  if (
    !seen.any &&
    seen.none.length > 0 &&
    seen.none.some((n) => /IKEv1 phase-1|IKEv2 SA|IKE SA/i.test(textOf(lines[n - 1])))
  ) {
    out.add({ kind: 'signal', signal: 'ike.no-sa', platform: PLATFORM }, seen.none);
  }
}

/** `show vpn ike-sa` on PAN-OS. */
export const showVpnIkeSa = showParser({
  id: 'paloalto-show-vpn-ike-sa',
  command: 'show vpn ike-sa',
  marker:
    /^\s*GwID(?:\/client IP)?\s+Peer-Address\s+Gateway Name|^\s*Gateway ID\s+Peer-Address|^\s*There is no (?:IKEv1 phase-1|IKEv2) SA found|^\s*IKEv1 phase-1 SAs\s*$/,
  read,
});
