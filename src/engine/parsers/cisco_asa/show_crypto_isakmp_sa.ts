/**
 * Cisco ASA / FTD `show crypto isakmp sa` (= `show crypto ikev1 sa` + `show crypto ikev2 sa`, with
 * or without `detail`): the 8.x+ block layout (`1   IKE Peer: 10.0.0.2` / `Type : L2L  Role :
 * initiator` / `Rekey : no  State : MM_ACTIVE`), the 7.x table (`IKE Peer Type Dir Rky State …`),
 * `There are no IKEv1 SAs`, and the IKEv2 `Tunnel-id Local Remote Status Role` table.
 * Sources: PeteNetLive ASA VPN troubleshooting (seed 001); Cisco ASA command reference; ntc-templates.
 */
import type { Fact, IkeSaFact, IpsecSaFact, SessionFact } from '../../../knowledge/facts.ts';
import type { IkeVersion, Role } from '../../../knowledge/schema.ts';
import { foundBy } from '../../parse/gate.ts';
import type { Line } from '../../parse/lines.ts';
import type { Parser, ParseResult } from '../../parse/types.ts';
import { ADDR, PLATFORM, compact } from './common.ts';

const ID = 'cisco-asa-show-crypto-isakmp-sa';

// "IKEv1 SAs:" / "IKEv2 SAs:"
const VERSION_HEADER = /^\s*IKEv([12]) SAs:\s*$/;
// "   Active SA: 1" / "    Rekey SA: 0 (A tunnel will report 1 Active and 1 Rekey SA during rekey)" / "Total IKE SA: 1"
const COUNTS = /^\s*(?:Active SA|Rekey SA|Total IKE SA):\s*\d+/;
// "There are no IKEv1 SAs" / "There are no IKEv2 SAs" / "There are no isakmp sas"
const NO_SA = /There are no (IKEv1|IKEv2|isakmp|IKE) SAs/i;
// "1   IKE Peer: 10.0.0.2" (index missing in some pastes)
const PEER = new RegExp(String.raw`^\s*(?:(\d+)\s+)?IKE Peer:\s*(${ADDR})`);
// "    Type    : L2L             Role    : initiator"
const TYPE_ROLE = /^\s*Type\s*:\s*(\S+)\s+Role\s*:\s*(initiator|responder)\b/i;
// "    Rekey   : no              State   : MM_ACTIVE"
const REKEY_STATE = /^\s*Rekey\s*:\s*(\w+)\s+State\s*:\s*(\w+)/;
// detail: "    Encrypt : aes-256         Hash    : SHA", "    Auth    : preshared       Lifetime: 86400", "    Lifetime Remaining: 86163"
const ENCRYPT_HASH = /^\s*Encrypt\s*:\s*(\S+)\s+Hash\s*:\s*(\S+)/;
const AUTH_LIFETIME = /^\s*Auth\s*:\s*(\S+)\s+Lifetime\s*:\s*(\d+)/;
const LIFETIME_LEFT = /^\s*Lifetime Remaining\s*:\s*\d+/;
// 7.x table: "IKE Peer      Type  Dir   Rky  State      Encrypt Hash  Auth    Lifetime"
const OLD_HEADER = /^\s*IKE Peer\s+Type\s+Dir\s+Rky\s+State\b/;
// "1 209.165.200.225 User  Resp  No   AM_ACTIVE  3des    SHA   preshrd 86400"
const OLD_ROW = new RegExp(
  String.raw`^\s*(?:(\d+)\s+)?(${ADDR})\s+(L2L|User|\w+)\s+(Init|Resp)\s+(No|Yes)\s+(\w+)(?:\s+(\S+)\s+(\S+)\s+(\S+)\s+(\d+))?\s*$`,
  'i',
);
// IKEv2: "Session-id:1, Status:UP-ACTIVE, IKE count:1, CHILD count:1"
const V2_SESSION =
  /^\s*Session-id:\s?(\d+), Status:\s?([\w-]+), IKE count:\s?(\d+), CHILD count:\s?(\d+)/;
// "Tunnel-id                 Local                Remote               Status         Role"
const V2_HEADER = /^\s*Tunnel-id\s+Local\s+Remote\s+(?:fvrf\/ivrf\s+)?Status\s+Role\s*$/;
// "  40541869 10.0.0.1/500        10.0.0.2/500        READY    INITIATOR"
const V2_ROW = new RegExp(
  String.raw`^\s*(\d+)\s+(${ADDR})/(\d+)\s+(${ADDR})/(\d+)\s+(?:(\S+/\S+)\s+)?([A-Z][A-Z-]+)\s+(INITIATOR|RESPONDER)\s*$`,
);
// "      Encr: AES-CBC, keysize: 256, Hash: SHA96, DH Grp:14, Auth sign: PSK, Auth verify: PSK"
const V2_ENCR =
  /^\s*Encr:\s?([\w-]+)(?:, keysize: (\d+))?(?:, PRF: ([\w-]+))?, Hash: ([\w-]+), DH Grp:\s?(\d+), Auth sign: ([\w-]+), Auth verify: ([\w-]+)/;
// "      Life/Active Time: 86400/30 sec"
const V2_LIFE = /^\s*Life\/Active Time:\s?(\d+)\/(\d+) sec/;
// "Child sa: local selector  192.168.1.0/0 - 192.168.1.255/65535"
const V2_CHILD_LOCAL = /^\s*Child sa: local selector\s+(\S+ - \S+)/;
// "          remote selector 172.16.1.0/0 - 172.16.1.255/65535"
const V2_CHILD_REMOTE = /^\s*remote selector\s+(\S+ - \S+)/;
// "          ESP spi in/out: 0x3ac2b9a1/0x73f7e35"
const V2_CHILD_SPI = /^\s*(ESP|AH) spi in\/out:\s?(0x[0-9a-fA-F]+)\/(0x[0-9a-fA-F]+)/;
// extra IKEv2 detail lines: "Local spi: 8C8D6CF3F2A67E1C       Remote spi: 1A2B3C4D5E6F7081", "Status Description: Negotiation done", "DPD configured for 10 seconds, retry 2", "NAT-T is not detected", "IKEv2 Fragmentation Configured MTU: 576 bytes, Overhead: 28 bytes, MTU: 576 bytes"
const V2_DETAIL =
  /^\s*(?:Local spi:\s?[0-9A-Fa-f]+\s+Remote spi:|Local id:|Remote id:|Local req mess id:|Remote req mess id:|Local next mess id:|Remote next mess id:|Local req queued:|Remote req queued:|Local window:|Remote window:|DPD configured for|NAT-T is (?:not )?detected|IKEv2 Fragmentation|Status Description:|Initiator of SA|Responder of SA|Extended Authentication)/;

type Mut<T> = { -readonly [K in keyof T]?: T[K] | undefined };

// What only this output prints: the IKE Peer table, its headings, the "no SAs" line.
const DETECT =
  /IKE Peer:|There are no IKEv[12] SAs|IKEv[12] SAs:|Tunnel-id\s+Local\s+Remote\s+Status\s+Role|IKE Peer\s+Type\s+Dir/;

/** `show crypto isakmp sa` / `ikev1 sa` / `ikev2 sa` on ASA / FTD. */
export const showCryptoIsakmpSa: Parser = {
  id: ID,
  platform: PLATFORM,
  command: 'show crypto isakmp sa',
  ...foundBy(DETECT),
  parse(lines: readonly Line[]): ParseResult {
    const facts: Fact[] = [];
    const claimed = new Set<number>();
    try {
      let version: IkeVersion | undefined;
      let cur: { f: Mut<IkeSaFact>; lines: number[] } | null = null;
      let child: { f: Mut<IpsecSaFact>; lines: number[] } | null = null;
      let inV2 = false;
      let oldTable = false;
      const flushChild = () => {
        if (child)
          facts.push(
            compact({
              ...child.f,
              kind: 'ipsec-sa',
              platform: PLATFORM,
              format: ID,
              lines: child.lines,
            }) as IpsecSaFact,
          );
        child = null;
      };
      const flush = () => {
        flushChild();
        if (cur) {
          const f = compact({
            ...cur.f,
            kind: 'ike-sa',
            platform: PLATFORM,
            format: ID,
            lines: cur.lines,
          }) as IkeSaFact;
          facts.push(f);
          // An aggressive-mode SA (AG_*/AM_*) on a LAN-to-LAN tunnel: one side runs aggressive mode.
          if (f.state !== undefined && /^A[GM]_/i.test(f.state) && f.name !== 'User')
            facts.push({
              kind: 'signal',
              signal: 'ike.aggressive-mode',
              platform: PLATFORM,
              ikeVersion: 'ikev1',
              state: f.state,
              ...(f.peer ? { peer: f.peer } : {}),
              format: ID,
              lines: cur.lines,
            });
        }
        cur = null;
      };
      const claim = (l: Line) => {
        claimed.add(l.no);
        if (cur) cur.lines.push(l.no);
      };
      for (const l of lines) {
        const t = l.text;
        let m: RegExpExecArray | null;
        if ((m = VERSION_HEADER.exec(t))) {
          flush();
          version = m[1] === '1' ? 'ikev1' : 'ikev2';
          inV2 = version === 'ikev2';
          claimed.add(l.no);
          continue;
        }
        if ((m = NO_SA.exec(t))) {
          flush();
          const v = /IKEv2/i.test(m[1] ?? '')
            ? 'ikev2'
            : /IKEv1/i.test(m[1] ?? '')
              ? 'ikev1'
              : undefined;
          facts.push({
            kind: 'signal',
            signal: 'ike.no-sa',
            platform: PLATFORM,
            ...(v ? { ikeVersion: v } : {}),
            format: ID,
            lines: [l.no],
          });
          claimed.add(l.no);
          continue;
        }
        if (COUNTS.test(t)) {
          claimed.add(l.no);
          continue;
        }
        if ((m = PEER.exec(t))) {
          flush();
          cur = {
            f: {
              peer: m[2],
              ikeVersion: version ?? 'ikev1',
              ...(m[1] ? { connectionId: m[1] } : {}),
            },
            lines: [],
          };
          claim(l);
          continue;
        }
        if (cur && (m = TYPE_ROLE.exec(t))) {
          cur.f.name = m[1];
          cur.f.role = (m[2] ?? '').toLowerCase() as Role;
          claim(l);
          continue;
        }
        if (cur && (m = REKEY_STATE.exec(t))) {
          cur.f.state = m[2];
          claim(l);
          continue;
        }
        if (cur && (m = ENCRYPT_HASH.exec(t))) {
          cur.f.encryption = m[1];
          cur.f.integrity = m[2];
          claim(l);
          continue;
        }
        if (cur && (m = AUTH_LIFETIME.exec(t))) {
          cur.f.authentication = m[1];
          cur.f.lifetime = m[2];
          claim(l);
          continue;
        }
        if (cur && LIFETIME_LEFT.test(t)) {
          claim(l);
          continue;
        }
        if (OLD_HEADER.test(t)) {
          flush();
          oldTable = true;
          claimed.add(l.no);
          continue;
        }
        if (oldTable && (m = OLD_ROW.exec(t))) {
          flush();
          const f: Mut<IkeSaFact> = {
            ikeVersion: 'ikev1',
            peer: m[2],
            name: m[3],
            role: /^Init/i.test(m[4] ?? '') ? 'initiator' : 'responder',
            state: m[6],
            ...(m[1] ? { connectionId: m[1] } : {}),
            ...(m[7]
              ? { encryption: m[7], integrity: m[8], authentication: m[9], lifetime: m[10] }
              : {}),
          };
          cur = { f, lines: [l.no] };
          claimed.add(l.no);
          flush();
          continue;
        }
        if ((m = V2_SESSION.exec(t))) {
          flush();
          inV2 = true;
          facts.push({
            kind: 'session',
            platform: PLATFORM,
            ikeVersion: 'ikev2',
            name: `Session-id ${m[1] ?? ''}`,
            status: m[2] ?? '',
            format: ID,
            lines: [l.no],
          } satisfies SessionFact);
          claimed.add(l.no);
          continue;
        }
        if (V2_HEADER.test(t)) {
          flush();
          inV2 = true;
          claimed.add(l.no);
          continue;
        }
        if (inV2 && (m = V2_ROW.exec(t))) {
          flush();
          cur = {
            f: {
              ikeVersion: 'ikev2',
              connectionId: m[1],
              local: m[2],
              peer: m[4],
              state: m[7],
              role: m[8] === 'INITIATOR' ? 'initiator' : 'responder',
              natT: m[3] === '4500' || m[5] === '4500',
            },
            lines: [l.no],
          };
          claimed.add(l.no);
          continue;
        }
        if (cur && inV2 && (m = V2_ENCR.exec(t))) {
          cur.f.encryption = m[2] ? `${m[1] ?? ''}-${m[2]}` : m[1];
          if (m[3]) cur.f.prf = m[3];
          cur.f.integrity = m[4];
          cur.f.dhGroup = m[5];
          cur.f.authentication = m[6] === m[7] ? m[6] : `${m[6] ?? ''}/${m[7] ?? ''}`;
          claim(l);
          continue;
        }
        if (cur && inV2 && (m = V2_LIFE.exec(t))) {
          cur.f.lifetime = m[1];
          claim(l);
          continue;
        }
        if (cur && inV2 && V2_DETAIL.test(t)) {
          claim(l);
          continue;
        }
        if (cur && inV2 && (m = V2_CHILD_LOCAL.exec(t))) {
          flushChild();
          child = {
            f: { peer: cur.f.peer, local: cur.f.local, localSelector: m[1] },
            lines: [l.no],
          };
          claimed.add(l.no);
          continue;
        }
        if (child && (m = V2_CHILD_REMOTE.exec(t))) {
          child.f.remoteSelector = m[1];
          child.lines.push(l.no);
          claimed.add(l.no);
          continue;
        }
        if (child && (m = V2_CHILD_SPI.exec(t))) {
          child.f.spiIn = m[2];
          child.f.spiOut = m[3];
          child.lines.push(l.no);
          claimed.add(l.no);
          continue;
        }
      }
      flush();
    } catch {
      // keep what was read
    }
    return { facts, claimed };
  },
};
