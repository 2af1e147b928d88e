/**
 * Commands in Cisco IOS / IOS-XE syntax, as typed in configuration mode. Sub-commands are
 * indented one space, the way `show running-config` prints them. Keywords from the Cisco IOS
 * Security Configuration Guide (IKE, IPsec, FlexVPN) and the seed documents 002 and 004.
 */
import type { Connection, EspProposal, IkeProposal, Selector } from '../../model.ts';
import { lineText } from '../focus.ts';
import type { Side } from '../types.ts';
import type { Dialect } from './common.ts';
import {
  KEY_PLACEHOLDER,
  allLines,
  findText,
  iosOperand,
  ipsecProfileOf,
  mapName,
  proposalName,
  tunnelOf,
} from './common.ts';

const TRANSFORM_ENCRYPTION: Record<string, string> = {
  des: 'esp-des',
  '3des': 'esp-3des',
  'aes-128': 'esp-aes',
  'aes-192': 'esp-aes 192',
  'aes-256': 'esp-aes 256',
  'aes-gcm-128': 'esp-gcm',
  'aes-gcm-192': 'esp-gcm 192',
  'aes-gcm-256': 'esp-gcm 256',
  'aes-gmac-128': 'esp-gmac',
  'aes-gmac-192': 'esp-gmac 192',
  'aes-gmac-256': 'esp-gmac 256',
  null: 'esp-null',
};

const TRANSFORM_INTEGRITY: Record<string, string> = {
  md5: 'esp-md5-hmac',
  sha1: 'esp-sha-hmac',
  sha256: 'esp-sha256-hmac',
  sha384: 'esp-sha384-hmac',
  sha512: 'esp-sha512-hmac',
};

const ISAKMP_ENCRYPTION: Record<string, string> = {
  des: 'des',
  '3des': '3des',
  'aes-128': 'aes',
  'aes-192': 'aes 192',
  'aes-256': 'aes 256',
};

const ISAKMP_HASH: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

const IKEV2_ENCRYPTION: Record<string, string> = {
  '3des': '3des',
  'aes-128': 'aes-cbc-128',
  'aes-192': 'aes-cbc-192',
  'aes-256': 'aes-cbc-256',
  'aes-gcm-128': 'aes-gcm-128',
  'aes-gcm-256': 'aes-gcm-256',
};

/** The configuration-mode line that opens a connection's IPsec settings. */
function ipsecContext(side: Side, conn: Connection): string {
  if (conn.kind === 'tunnel-protection')
    return `crypto ipsec profile ${ipsecProfileOf(side, conn)}`;
  if (conn.kind === 'dynamic-map')
    return `crypto dynamic-map ${mapName(conn)} ${conn.sequence ?? 10}`;
  return `crypto map ${mapName(conn)} ${conn.sequence ?? 10} ipsec-isakmp`;
}

/** A transform set line for a proposal: `esp-gcm 256`, `esp-aes 256 esp-sha256-hmac`. */
function transforms(p: EspProposal): string | null {
  const enc = TRANSFORM_ENCRYPTION[p.encryption[0] ?? ''];
  if (!enc) return null;
  const combined = /gcm|gmac/.test(enc);
  const integ = combined ? undefined : TRANSFORM_INTEGRITY[p.integrity[0] ?? ''];
  return integ ? `${enc} ${integ}` : enc;
}

/** The IOS PFS keyword for a DH group. */
function pfsGroup(group: number): string {
  return `group${group}`;
}

function isakmpPolicy(side: Side, want: IkeProposal): string[] {
  const enc = ISAKMP_ENCRYPTION[want.encryption[0] ?? ''];
  const hash = ISAKMP_HASH[want.integrity[0] ?? ''];
  if (!enc || !hash) return [];
  const used = side.peer.ikeProposals.flatMap((p) =>
    p.priority !== undefined ? [p.priority] : [],
  );
  const priority = Math.min(65000, Math.max(0, ...used) + 10);
  const out = [`crypto isakmp policy ${priority}`, ` encryption ${enc}`, ` hash ${hash}`];
  out.push(` authentication ${want.authentication ?? 'pre-share'}`);
  if (want.dhGroups[0] !== undefined) out.push(` group ${want.dhGroups[0]}`);
  if (want.lifetimeSeconds !== undefined) out.push(` lifetime ${want.lifetimeSeconds}`);
  return out;
}

function ikev2Proposal(want: IkeProposal): string[] {
  const enc = IKEV2_ENCRYPTION[want.encryption[0] ?? ''];
  if (!enc) return [];
  const name = `PROP-${proposalName(want.encryption, want.integrity)}`;
  const out = [`crypto ikev2 proposal ${name}`, ` encryption ${enc}`];
  const integ = want.integrity.find((i) => i !== 'none');
  if (integ && !enc.includes('gcm')) out.push(` integrity ${integ}`);
  const prf = want.prf[0] ?? (enc.includes('gcm') ? 'sha256' : undefined);
  if (prf && enc.includes('gcm')) out.push(` prf ${prf}`);
  if (want.dhGroups[0] !== undefined) out.push(` group ${want.dhGroups[0]}`);
  out.push(`crypto ikev2 policy POL-${name.slice(5)}`, ` proposal ${name}`);
  return out;
}

// "ip nat inside source list NAT-ACL interface GigabitEthernet0/1 overload"
const NAT_LIST = /\bip nat inside source (?:list|route-map) (\S+)/i;
// "access-list 101 permit ip 10.1.1.0 0.0.0.255 10.2.2.0 0.0.0.255"
const NUMBERED_ACE = /^\s*access-list (\S+) (.+)$/i;

/** The NAT ACL name from the text, or a placeholder. */
function natAcl(side: Side): string {
  const lines = side.peer.nat.flatMap((r) => (r.kind === 'translate' ? r.lines : []));
  const m = findText(side, lines, NAT_LIST) ?? findText(side, allLines(side), NAT_LIST);
  return m?.[1] ?? '<nat-acl>';
}

/** The removal of one ACE inside `ip access-list extended NAME` mode. */
function noAce(side: Side, drop: Selector): string | null {
  const text = lineText(side, drop.lines[0] ?? 0).trim();
  if (text === '') return null;
  const numbered = NUMBERED_ACE.exec(text);
  return ` no ${numbered ? (numbered[2] ?? '') : text}`;
}

/** Commands for Cisco IOS / IOS-XE. */
export const IOS_DIALECT: Dialect = {
  pfs: (side, conn, group) => [
    ipsecContext(side, conn),
    group === null ? ' no set pfs' : ` set pfs ${pfsGroup(group)}`,
  ],
  esp(side, conn, want, _version, fix) {
    const line = transforms(want);
    if (!line) return [];
    if (fix) return [`crypto ipsec transform-set ${fix.name} ${line}`];
    const name = `TS-${proposalName(want.encryption, want.integrity)}`;
    return [
      `crypto ipsec transform-set ${name} ${line}`,
      ' mode tunnel',
      ipsecContext(side, conn),
      ` set transform-set ${[...conn.espProposals, name].join(' ')}`,
    ];
  },
  ike: (side, _conn, want) =>
    want.version === 'ikev1' ? isakmpPolicy(side, want) : ikev2Proposal(want),
  peer(side, conn, address) {
    if (conn.kind === 'tunnel-protection') {
      const iface = tunnelOf(side, conn);
      return [`interface ${iface?.name ?? conn.name}`, ` tunnel destination ${address}`];
    }
    const old = conn.peers.map((p) => ` no set peer ${p}`);
    return [ipsecContext(side, conn), ` set peer ${address}`, ...old];
  },
  key(side, conn, address) {
    const profile = side.peer.profiles.find((p) => p.name === conn.profile);
    const keyring = profile?.keyrings[0];
    if (conn.ikeVersions.includes('ikev2') && !conn.ikeVersions.includes('ikev1')) {
      return [
        `crypto ikev2 keyring ${keyring ?? 'KEYRING'}`,
        ` peer ${address}`,
        `  address ${address}`,
        `  pre-shared-key ${KEY_PLACEHOLDER}`,
      ];
    }
    if (keyring)
      return [
        `crypto keyring ${keyring}`,
        ` pre-shared-key address ${address} key ${KEY_PLACEHOLDER}`,
      ];
    return [`crypto isakmp key ${KEY_PLACEHOLDER} address ${address}`];
  },
  selector(side, conn, want, drop) {
    const acl = conn.acl ?? '<crypto-acl>';
    const ace = ` permit ${want.protocol} ${iosOperand(want.local)} ${iosOperand(want.remote)}`;
    const removal = drop ? noAce(side, drop) : null;
    return [`ip access-list extended ${acl}`, ...(removal ? [removal] : []), ace];
  },
  natExempt: (side, _conn, sel) => [
    `ip access-list extended ${natAcl(side)}`,
    ` 1 deny ${sel.protocol} ${iosOperand(sel.local)} ${iosOperand(sel.remote)}`,
  ],
  tunnelKey: (_side, iface, key) => [
    `interface ${iface.name}`,
    key === undefined ? ' no tunnel key' : ` tunnel key ${key}`,
  ],
  tunnelMode: (_side, iface, mode) => [
    `interface ${iface.name}`,
    mode === 'gre' ? ' tunnel mode gre ip' : ' tunnel mode ipsec ipv4',
  ],
  applyMap(_side, conn, to, from) {
    const map = mapName(conn);
    const out: string[] = [];
    if (from) out.push(`interface ${from.name}`, ` no crypto map ${map}`);
    if (to) out.push(`interface ${to.name}`, ` crypto map ${map}`);
    return out;
  },
  espLifetime: (side, conn, seconds) => [
    ipsecContext(side, conn),
    ` set security-association lifetime seconds ${seconds}`,
  ],
  ikeLifetime(_side, _conn, proposal, seconds) {
    if (proposal.version === 'ikev2') return [];
    return [`crypto isakmp policy ${proposal.priority ?? proposal.name}`, ` lifetime ${seconds}`];
  },
};
