/**
 * FortiGate `diagnose vpn ike gateway list`: one block per phase 1 gateway (`vd:`, `name:`,
 * `version:`, `addr:`), its SA counters, and one `id/spi:` sub-block per IKE SA with its
 * `direction:` (this device's role) and `status:` (`established`, `connecting`).
 * Source: Fortinet Document Library, "IPsec VPN troubleshooting" (FortiOS 6.4 / 7.x output).
 */
import type { Fact, IkeSaFact } from '../../../knowledge/facts.ts';
import type { Role } from '../../../knowledge/schema.ts';
import type { Line } from '../../parse/lines.ts';
import { signal } from '../../parse/table.ts';
import { readerParser, type ParseResult, type Parser } from '../../parse/types.ts';

const ID = 'fortigate-diagnose-vpn-ike-gateway-list';

// "vd: root/0"
const VD = /^\s*vd: \S+\/\d+\s*$/;
// "name: to-branch"
const NAME = /^\s*name: (\S+)\s*$/;
// "version: 1"
const VERSION = /^\s*version: ([12])\s*$/;
// "interface: wan1 5"
const INTERFACE = /^\s*interface: (\S+) \d+\s*$/;
// "addr: 203.0.113.1:500 -> 198.51.100.2:500" (IPv6: "addr: 2001:db8::1:500 -> 2001:db8::2:500")
const ADDR = /^\s*addr: (\S+):(\d+) -> (\S+):(\d+)/;
// "IKE SA: created 1/1  established 1/1  time 10/10/10 ms" (none established yet: "IKE SA: created 4/4")
const IKE_COUNT = /^\s*IKE SA: created (\d+)\/(\d+)(?: {1,2}established (\d+)\/(\d+))?/;
// "IPsec SA: created 1/1  established 1/1  time 0/0/0 ms"
const IPSEC_COUNT = /^\s*IPsec SA: created \d+\/\d+/;
// "  id/spi: 12 b26d6f3f8b0b5d1e/8c4bd1e5b9d9f1a0"
const ID_SPI = /^\s*id\/spi: (\d+) ([0-9a-f]{16})\/([0-9a-f]{16})/;
// "  direction: initiator"
const DIRECTION = /^\s*direction: (initiator|responder)\s*$/;
// "  status: established 1521-1521s ago = 0ms" / "  status: connecting"
const STATUS = /^\s*status: ([a-z-]+)/;
// "  proposal: aes128-sha256"
const PROPOSAL = /^\s*proposal: (\S+)/;
// "  lifetime/rekey: 86400/84578"
const LIFETIME = /^\s*lifetime\/rekey: (\d+)\/\d+/;
// "  nat: me peer" / "  NAT-T: yes"? FortiOS prints "  nat: peer" when the peer is behind NAT.
const NAT = /^\s*nat: ([\w ]+)$/;
// Other lines of the block, understood and carrying nothing we need:
// "created: 1521s ago", "tun_id: 10.0.0.2/::10.0.0.2", "remote_location: 0.0.0.0", "network-id: 0",
// "peer-id: 10.0.0.2", "peer-id-auth: no", "PPK: no", "child: no", "SK_ei: 32:…", "key: 16:…",
// "message-id sent/recv: 2/0", "DPD sent/recv: 00000000/00000000", "auto-discovery: 0",
// "assigned IPv4 address: 10.10.10.1/255.255.255.255", "peer-feature: …"
const OTHER =
  /^\s*(?:created: \d+s ago|tun_id: \S+|remote_location: \S+|network-id: \d+|peer-id(?:-auth)?: \S+|PPK: \w+|child: \w+|SK_[ae][ir]: \d+:|key: \d+:|message-id sent\/recv: \d+\/\d+|DPD sent\/recv: [0-9a-f]+\/[0-9a-f]+|auto-discovery: \d+|assigned IPv[46] address: \S+|peer-feature: |transport: \w+|dpd-link: |fec: |gw-lookup: )/;
const MARKER = /^\s*(?:IKE SA: created \d+\/\d+|id\/spi: \d+ [0-9a-f]{16}\/)/;

interface Gateway {
  name?: string | undefined;
  ikeVersion?: 'ikev1' | 'ikev2' | undefined;
  local?: string | undefined;
  peer?: string | undefined;
  established?: number | undefined;
  natT?: boolean | undefined;
  lines: number[];
}

interface Sa {
  gw: Gateway;
  connectionId: string;
  spiInitiator: string;
  spiResponder: string;
  role?: Role | undefined;
  state?: string | undefined;
  proposal?: string | undefined;
  lifetime?: string | undefined;
  lines: number[];
}

function saFact(sa: Sa): IkeSaFact {
  const { gw } = sa;
  // "aes128-sha256" → encryption aes128, integrity sha256; "aes256gcm-prfsha384" → aes256gcm, prf sha384.
  const [encryption, second] = (sa.proposal ?? '').split('-');
  return {
    kind: 'ike-sa',
    platform: 'fortigate',
    format: ID,
    lines: [...new Set([...gw.lines, ...sa.lines])].sort((a, b) => a - b),
    ...(gw.name !== undefined ? { name: gw.name } : {}),
    ...(gw.ikeVersion !== undefined ? { ikeVersion: gw.ikeVersion } : {}),
    ...(gw.peer !== undefined ? { peer: gw.peer } : {}),
    ...(gw.local !== undefined ? { local: gw.local } : {}),
    ...(gw.natT !== undefined ? { natT: gw.natT } : {}),
    connectionId: sa.connectionId,
    spiInitiator: sa.spiInitiator,
    spiResponder: sa.spiResponder,
    ...(sa.role !== undefined ? { role: sa.role } : {}),
    ...(sa.state !== undefined ? { state: sa.state } : {}),
    ...(encryption ? { encryption } : {}),
    ...(second?.startsWith('prf') ? { prf: second.slice(3) } : second ? { integrity: second } : {}),
    ...(sa.lifetime !== undefined ? { lifetime: sa.lifetime } : {}),
  };
}

function parse(lines: readonly Line[]): ParseResult {
  const facts: Fact[] = [];
  const claimed = new Set<number>();
  let gw: Gateway | null = null;
  let sa: Sa | null = null;
  let sawGateway = false;
  let sawSa = false;
  const gatewayLines: number[] = [];
  const flushSa = () => {
    if (sa !== null) facts.push(saFact(sa));
    sa = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    if (text.trim() === '') continue;
    let m: RegExpExecArray | null;
    if (VD.test(text)) {
      flushSa();
      gw = { lines: [line.no] };
      claimed.add(line.no);
      continue;
    }
    if (
      NAME.test(text) &&
      (gw === null || gw.name !== undefined) &&
      VERSION.test(lines[i + 1]?.text ?? '')
    ) {
      // "name:" then "version:" without "vd:" before them starts a block too (older builds, partial pastes).
      flushSa();
      gw = { lines: [] };
    }
    if (gw === null) continue;
    const g: Gateway = gw;
    if ((m = NAME.exec(text)) && g.name === undefined) {
      g.name = m[1];
      g.lines.push(line.no);
      sawGateway = true;
      gatewayLines.push(line.no);
    } else if ((m = VERSION.exec(text))) {
      g.ikeVersion = m[1] === '2' ? 'ikev2' : 'ikev1';
    } else if ((m = ADDR.exec(text))) {
      g.local = m[1];
      g.peer = m[3];
      g.lines.push(line.no);
    } else if ((m = IKE_COUNT.exec(text))) {
      g.established = Number(m[3] ?? 0);
      g.lines.push(line.no);
    } else if ((m = ID_SPI.exec(text))) {
      flushSa();
      sa = {
        gw: g,
        connectionId: m[1] ?? '',
        spiInitiator: m[2] ?? '',
        spiResponder: m[3] ?? '',
        lines: [line.no],
      };
      sawSa = true;
    } else if ((m = DIRECTION.exec(text)) && sa !== null) {
      (sa as Sa).role = m[1] === 'responder' ? 'responder' : 'initiator';
    } else if ((m = STATUS.exec(text)) && sa !== null) {
      (sa as Sa).state = m[1];
      (sa as Sa).lines.push(line.no);
    } else if ((m = PROPOSAL.exec(text)) && sa !== null) {
      (sa as Sa).proposal = m[1];
    } else if ((m = LIFETIME.exec(text)) && sa !== null) {
      (sa as Sa).lifetime = m[1];
    } else if ((m = NAT.exec(text))) {
      g.natT = /\b(?:me|peer)\b/.test(m[1] ?? '');
    } else if (!(INTERFACE.test(text) || IPSEC_COUNT.test(text) || OTHER.test(text))) {
      continue;
    }
    claimed.add(line.no);
  }
  flushSa();
  // Gateways listed, but none holds an IKE SA: the table is empty of SAs.
  if (sawGateway && !sawSa)
    facts.push({
      ...signal({ signal: 'ike.no-sa', platform: 'fortigate' }),
      format: ID,
      lines: gatewayLines,
    } as Fact);
  return { facts, claimed };
}

/** `diagnose vpn ike gateway list` on FortiOS. */
export const diagnoseVpnIkeGatewayList: Parser = readerParser({
  id: ID,
  platform: 'fortigate',
  command: 'diagnose vpn ike gateway list',
  marker: MARKER,
  read: parse,
});
