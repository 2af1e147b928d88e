/**
 * Commands in Cisco ASA syntax (9.x), as typed in configuration mode: crypto map settings are
 * one-line `crypto map NAME SEQ set …` commands; sub-commands are indented one space. Keywords
 * from the Cisco ASA VPN CLI configuration guide and seeds 000/001.
 */
import type { IkeVersion } from '../../../../knowledge/schema.ts';
import type { Connection, EspProposal, IkeProposal, Interface, Prefix } from '../../model.ts';
import { lineText } from '../focus.ts';
import type { Side } from '../types.ts';
import type { Dialect } from './common.ts';
import {
  KEY_PLACEHOLDER,
  addressMask,
  asaOperand,
  ipsecProfileOf,
  mapName,
  proposalName,
  splitV4,
} from './common.ts';

const V1_TRANSFORM_ENCRYPTION: Record<string, string> = {
  des: 'esp-des',
  '3des': 'esp-3des',
  'aes-128': 'esp-aes',
  'aes-192': 'esp-aes-192',
  'aes-256': 'esp-aes-256',
  null: 'esp-null',
};

const V1_TRANSFORM_INTEGRITY: Record<string, string> = {
  md5: 'esp-md5-hmac',
  sha1: 'esp-sha-hmac',
  none: 'esp-none',
};

const V2_ESP_ENCRYPTION: Record<string, string> = {
  des: 'des',
  '3des': '3des',
  'aes-128': 'aes',
  'aes-192': 'aes-192',
  'aes-256': 'aes-256',
  'aes-gcm-128': 'aes-gcm',
  'aes-gcm-192': 'aes-gcm-192',
  'aes-gcm-256': 'aes-gcm-256',
  'aes-gmac-128': 'aes-gmac',
  'aes-gmac-192': 'aes-gmac-192',
  'aes-gmac-256': 'aes-gmac-256',
  null: 'null',
};

const V2_ESP_INTEGRITY: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha-1',
  sha256: 'sha-256',
  sha384: 'sha-384',
  sha512: 'sha-512',
  none: 'null',
};

const IKE_ENCRYPTION: Record<string, string> = {
  des: 'des',
  '3des': '3des',
  'aes-128': 'aes',
  'aes-192': 'aes-192',
  'aes-256': 'aes-256',
  'aes-gcm-128': 'aes-gcm',
  'aes-gcm-192': 'aes-gcm-192',
  'aes-gcm-256': 'aes-gcm-256',
};

const IKE_HASH: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

/** `crypto map outside_map 1` / `crypto dynamic-map DYN 10`: the prefix of one-line settings. */
function entry(conn: Connection): string {
  const kind = conn.kind === 'dynamic-map' ? 'dynamic-map' : 'map';
  return `crypto ${kind} ${mapName(conn)} ${conn.sequence ?? 1}`;
}

/** One connection setting, as a one-line crypto map command or under an IPsec profile. */
function setting(side: Side, conn: Connection, words: string): string[] {
  if (conn.kind === 'tunnel-protection')
    return [`crypto ipsec profile ${ipsecProfileOf(side, conn)}`, ` ${words}`];
  return [`${entry(conn)} ${words}`];
}

function espObject(want: EspProposal, version: IkeVersion, name: string): string[] {
  const enc = want.encryption[0] ?? '';
  if (version === 'ikev1') {
    const e = V1_TRANSFORM_ENCRYPTION[enc];
    const i = V1_TRANSFORM_INTEGRITY[want.integrity[0] ?? 'none'];
    return e && i ? [`crypto ipsec ikev1 transform-set ${name} ${e} ${i}`] : [];
  }
  const e = V2_ESP_ENCRYPTION[enc];
  if (!e) return [];
  const combined = /gcm|gmac/.test(enc);
  const i = combined ? 'null' : V2_ESP_INTEGRITY[want.integrity[0] ?? 'none'];
  return [
    `crypto ipsec ikev2 ipsec-proposal ${name}`,
    ` protocol esp encryption ${e}`,
    ` protocol esp integrity ${i ?? 'null'}`,
  ];
}

function policy(side: Side, want: IkeProposal): string[] {
  const enc = IKE_ENCRYPTION[want.encryption[0] ?? ''];
  if (!enc) return [];
  const used = side.peer.ikeProposals
    .filter((p) => p.version === want.version)
    .flatMap((p) => (p.priority !== undefined ? [p.priority] : []));
  const priority = Math.min(65535, Math.max(0, ...used) + 10);
  const out = [`crypto ${want.version} policy ${priority}`];
  if (want.version === 'ikev1') out.push(` authentication ${want.authentication ?? 'pre-share'}`);
  out.push(` encryption ${enc}`);
  const hash = IKE_HASH[want.integrity[0] ?? ''];
  if (want.version === 'ikev1') {
    if (!hash) return [];
    out.push(` hash ${hash}`);
  } else {
    out.push(` integrity ${hash ?? 'null'}`);
  }
  if (want.dhGroups[0] !== undefined) out.push(` group ${want.dhGroups[0]}`);
  const prf = IKE_HASH[want.prf[0] ?? ''];
  if (want.version === 'ikev2' && prf) out.push(` prf ${prf}`);
  if (want.lifetimeSeconds !== undefined)
    out.push(
      want.version === 'ikev1'
        ? ` lifetime ${want.lifetimeSeconds}`
        : ` lifetime seconds ${want.lifetimeSeconds}`,
    );
  return out;
}

/** The `nameif` of an interface, or its name. */
function nameif(iface: Interface | undefined, fallback: string): string {
  return iface?.nameif ?? iface?.name ?? fallback;
}

/** The interface a crypto map is applied to, by name or nameif. */
function appliedInterface(side: Side, conn: Connection): Interface | undefined {
  return side.peer.interfaces.find(
    (i) => conn.appliedTo.includes(i.name) || (i.nameif && conn.appliedTo.includes(i.nameif)),
  );
}

/** A network object name for a prefix: `NET-10.1.1.0-24`. */
function objectName(prefix: Prefix): string {
  const v4 = splitV4(prefix);
  return v4 ? `NET-${v4[0]}-${v4[1]}` : `NET-${prefix.replace(/[/:]/g, '-')}`;
}

/** Commands for Cisco ASA. */
export const ASA_DIALECT: Dialect = {
  pfs: (side, conn, group) =>
    group === null
      ? conn.kind === 'tunnel-protection'
        ? [`crypto ipsec profile ${ipsecProfileOf(side, conn)}`, ' no set pfs']
        : [`no ${entry(conn)} set pfs`]
      : setting(side, conn, `set pfs group${group}`),
  esp(side, conn, want, version, fix) {
    if (fix) {
      const replaced = espObject(want, version, fix.name);
      // Editing the existing object: only the changed protocol lines matter.
      return version === 'ikev1' ? replaced : replaced.slice(0, 2);
    }
    const name = proposalName(want.encryption, want.integrity);
    const object = espObject(want, version, name);
    if (object.length === 0) return [];
    const own = side.peer.espProposals
      .filter((p) => conn.espProposals.includes(p.name) && (p.version ?? version) === version)
      .map((p) => p.name);
    const keyword = version === 'ikev1' ? 'ikev1 transform-set' : 'ikev2 ipsec-proposal';
    return [...object, ...setting(side, conn, `set ${keyword} ${[...own, name].join(' ')}`)];
  },
  ike: (side, _conn, want) => policy(side, want),
  peer: (side, conn, address) => setting(side, conn, `set peer ${address}`),
  key(_side, conn, address) {
    const v2 = conn.ikeVersions.includes('ikev2');
    const v1 = conn.ikeVersions.includes('ikev1') || !v2;
    return [
      `tunnel-group ${address} type ipsec-l2l`,
      `tunnel-group ${address} ipsec-attributes`,
      ...(v1 ? [` ikev1 pre-shared-key ${KEY_PLACEHOLDER}`] : []),
      ...(v2
        ? [
            ` ikev2 remote-authentication pre-shared-key ${KEY_PLACEHOLDER}`,
            ` ikev2 local-authentication pre-shared-key ${KEY_PLACEHOLDER}`,
          ]
        : []),
    ];
  },
  selector(side, conn, want, drop) {
    const acl = conn.acl ?? '<crypto-acl>';
    const out: string[] = [];
    const old = drop ? lineText(side, drop.lines[0] ?? 0).trim() : '';
    if (old.startsWith('access-list ')) out.push(`no ${old}`);
    out.push(
      `access-list ${acl} extended permit ${want.protocol} ${asaOperand(want.local)} ${asaOperand(want.remote)}`,
    );
    return out;
  },
  natExempt(side, conn, sel) {
    const outside = nameif(appliedInterface(side, conn), 'outside');
    const inside = nameif(
      side.peer.interfaces.find((i) => i.securityLevel === 100 || i.nameif === 'inside'),
      'inside',
    );
    const local = objectName(sel.local);
    const remote = objectName(sel.remote);
    return [
      `object network ${local}`,
      ` subnet ${addressMask(sel.local)}`,
      `object network ${remote}`,
      ` subnet ${addressMask(sel.remote)}`,
      `nat (${inside},${outside}) 1 source static ${local} ${local} destination static ${remote} ${remote} no-proxy-arp route-lookup`,
    ];
  },
  tunnelKey: () => [],
  tunnelMode: (_side, iface, mode) =>
    mode === 'ipsec' ? [`interface ${iface.name}`, ' tunnel mode ipsec ipv4'] : [],
  applyMap(_side, conn, to, from) {
    const map = mapName(conn);
    const out: string[] = [];
    if (from) out.push(`no crypto map ${map} interface ${nameif(from, from.name)}`);
    if (to) out.push(`crypto map ${map} interface ${nameif(to, to.name)}`);
    return out;
  },
  espLifetime: (side, conn, seconds) =>
    setting(side, conn, `set security-association lifetime seconds ${seconds}`),
  ikeLifetime: (_side, _conn, proposal, seconds) => [
    `crypto ${proposal.version} policy ${proposal.priority ?? proposal.name}`,
    proposal.version === 'ikev1' ? ` lifetime ${seconds}` : ` lifetime seconds ${seconds}`,
  ],
};
