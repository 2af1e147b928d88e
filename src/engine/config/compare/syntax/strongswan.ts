/**
 * Settings in strongSwan syntax: `ipsec.conf` (`conn NAME` with `key=value` lines) or, when the
 * input is a `swanctl.conf` (a `connections {` section), the nested swanctl blocks. Proposal
 * keywords from the strongSwan IKEv1/IKEv2 cipher suite documentation.
 */
import type { Connection, EspProposal, IkeProposal } from '../../model.ts';
import { lineText } from '../focus.ts';
import type { Side } from '../types.ts';
import type { Dialect } from './common.ts';
import { KEY_PLACEHOLDER, allLines } from './common.ts';

const ENCRYPTION: Record<string, string> = {
  des: 'des',
  '3des': '3des',
  'aes-128': 'aes128',
  'aes-192': 'aes192',
  'aes-256': 'aes256',
  'aes-gcm-128': 'aes128gcm16',
  'aes-gcm-192': 'aes192gcm16',
  'aes-gcm-256': 'aes256gcm16',
  'aes-gmac-128': 'aes128gmac',
  'aes-gmac-192': 'aes192gmac',
  'aes-gmac-256': 'aes256gmac',
  'chacha20-poly1305': 'chacha20poly1305',
  null: 'null',
};

const INTEGRITY: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  'aes-xcbc': 'aesxcbc',
};

const GROUPS: Record<number, string> = {
  1: 'modp768',
  2: 'modp1024',
  5: 'modp1536',
  14: 'modp2048',
  15: 'modp3072',
  16: 'modp4096',
  17: 'modp6144',
  18: 'modp8192',
  19: 'ecp256',
  20: 'ecp384',
  21: 'ecp521',
  22: 'modp1024s160',
  23: 'modp2048s224',
  24: 'modp2048s256',
  25: 'ecp192',
  26: 'ecp224',
  31: 'curve25519',
  32: 'curve448',
};

/** `aes256gcm16`, `aes256-sha256`, with `-modp2048` when a group is given. */
function espWords(p: EspProposal, group: number | null): string[] {
  const dh = group === null ? '' : `-${GROUPS[group] ?? `group${group}`}`;
  return p.encryption.flatMap((e) => {
    const enc = ENCRYPTION[e];
    if (!enc) return [];
    if (/gcm|gmac|chacha/.test(enc)) return [`${enc}${dh}`];
    return p.integrity.flatMap((i) => (INTEGRITY[i] ? [`${enc}-${INTEGRITY[i]}${dh}`] : []));
  });
}

/** `aes256-sha256-modp2048`, `aes256gcm16-prfsha256-ecp256`. */
function ikeWords(p: IkeProposal): string[] {
  const groups = p.dhGroups.map((g) => GROUPS[g] ?? `group${g}`);
  return p.encryption.flatMap((e) => {
    const enc = ENCRYPTION[e];
    if (!enc) return [];
    const middle = /gcm|chacha/.test(enc)
      ? (p.prf.length > 0 ? p.prf : ['sha256']).map((h) => `prf${h}`)
      : p.integrity.flatMap((i) => (INTEGRITY[i] ? [INTEGRITY[i]] : []));
    return middle.flatMap((m) =>
      (groups.length > 0 ? groups : ['']).map((g) => `${enc}-${m}${g ? `-${g}` : ''}`),
    );
  });
}

// "connections {"
const SWANCTL = /^\s*connections\s*\{/;
// "        children {"
const CHILDREN = /^\s*children\s*\{/;
// "            net-net {"
const BLOCK_NAME = /^\s*([\w.-]+)\s*\{/;

function isSwanctl(side: Side): boolean {
  return allLines(side).some((n) => SWANCTL.test(lineText(side, n)));
}

/** The first child of a swanctl connection, read from the text. */
function childName(side: Side, conn: Connection): string {
  const lines = [...conn.lines, ...conn.selectors.flatMap((s) => s.lines)].sort((x, y) => x - y);
  const at = lines.findIndex((n) => CHILDREN.test(lineText(side, n)));
  const next = at >= 0 ? lines[at + 1] : undefined;
  return (next !== undefined ? BLOCK_NAME.exec(lineText(side, next))?.[1] : undefined) ?? '<child>';
}

/** IKE-level settings of a connection. */
function connSettings(side: Side, conn: Connection, conf: string[], swanctl: string[]): string[] {
  if (!isSwanctl(side)) return [`conn ${conn.name}`, ...conf.map((s) => `    ${s}`)];
  return [
    'connections {',
    `    ${conn.name} {`,
    ...swanctl.map((s) => `        ${s}`),
    '    }',
    '}',
  ];
}

/** CHILD_SA-level settings of a connection. */
function childSettings(side: Side, conn: Connection, conf: string[], swanctl: string[]): string[] {
  if (!isSwanctl(side)) return [`conn ${conn.name}`, ...conf.map((s) => `    ${s}`)];
  return [
    'connections {',
    `    ${conn.name} {`,
    '        children {',
    `            ${childName(side, conn)} {`,
    ...swanctl.map((s) => `                ${s}`),
    '            }',
    '        }',
    '    }',
    '}',
  ];
}

/** The connection's own ESP proposals. */
function ownEsp(side: Side, conn: Connection): EspProposal[] {
  return side.peer.espProposals.filter((p) => conn.espProposals.includes(p.name));
}

function espSetting(side: Side, conn: Connection, list: readonly string[]): string[] {
  const value = [...new Set(list)].join(',');
  return childSettings(side, conn, [`esp=${value}!`], [`esp_proposals = ${value}`]);
}

/** Commands for strongSwan. */
export const STRONGSWAN_DIALECT: Dialect = {
  pfs: (side, conn, group) =>
    espSetting(
      side,
      conn,
      ownEsp(side, conn).flatMap((p) => espWords(p, group)),
    ),
  esp(side, conn, want, _version, fix) {
    const group = conn.pfs ?? null;
    const own = ownEsp(side, conn).filter((p) => p !== fix);
    return espSetting(
      side,
      conn,
      [...own, want].flatMap((p) => espWords(p, group)),
    );
  },
  ike(side, conn, want) {
    const own = side.peer.ikeProposals.filter((p) => conn.ikeProposals.includes(p.name));
    const value = [...new Set([...own, want].flatMap(ikeWords))].join(',');
    return connSettings(side, conn, [`ike=${value}!`], [`proposals = ${value}`]);
  },
  peer: (side, conn, address) =>
    connSettings(side, conn, [`right=${address}`], [`remote_addrs = ${address}`]),
  key: (side, conn, address) =>
    isSwanctl(side)
      ? [
          'secrets {',
          `    ike-${conn.name} {`,
          `        id = ${address}`,
          `        secret = ${KEY_PLACEHOLDER}`,
          '    }',
          '}',
        ]
      : [`${address} : PSK "${KEY_PLACEHOLDER}"`],
  selector(side, conn, want) {
    const local = want.local === 'any' ? '0.0.0.0/0' : want.local;
    const remote = want.remote === 'any' ? '0.0.0.0/0' : want.remote;
    const proto = want.protocol === 'ip' ? '' : `[${want.protocol}]`;
    const conf = [`leftsubnet=${local}${proto}`, `rightsubnet=${remote}${proto}`];
    return childSettings(side, conn, conf, [
      `local_ts = ${local}${proto}`,
      `remote_ts = ${remote}${proto}`,
    ]);
  },
  natExempt: () => [],
  tunnelKey: () => [],
  tunnelMode: () => [],
  applyMap: () => [],
  espLifetime: (side, conn, seconds) =>
    childSettings(side, conn, [`lifetime=${seconds}s`], [`rekey_time = ${seconds}s`]),
  ikeLifetime: (side, conn, _p, seconds) =>
    connSettings(side, conn, [`ikelifetime=${seconds}s`], [`rekey_time = ${seconds}s`]),
};
