/**
 * Commands in FortiOS CLI syntax (`config vpn ipsec phase1-interface` / `phase2-interface`), laid
 * out the way `show` prints them. `set proposal` replaces the whole list, so a new proposal is
 * written together with the ones already there. Keywords from the FortiOS CLI reference.
 */
import type { Connection, EspProposal, IkeProposal } from '../../model.ts';
import { lineText } from '../focus.ts';
import type { Side } from '../types.ts';
import type { Dialect } from './common.ts';
import { KEY_PLACEHOLDER, addressMask, allLines } from './common.ts';

const ENCRYPTION: Record<string, string> = {
  des: 'des',
  '3des': '3des',
  'aes-128': 'aes128',
  'aes-192': 'aes192',
  'aes-256': 'aes256',
  'aes-gcm-128': 'aes128gcm',
  'aes-gcm-256': 'aes256gcm',
  'chacha20-poly1305': 'chacha20poly1305',
  null: 'null',
};

const HASH: Record<string, string> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

/** FortiOS proposal words for a phase 2 proposal: `aes256gcm`, `aes256-sha256`. */
function espWords(p: EspProposal): string[] {
  return p.encryption.flatMap((e) => {
    const enc = ENCRYPTION[e];
    if (!enc) return [];
    if (enc.includes('gcm') || enc.startsWith('chacha')) return [enc];
    return p.integrity.flatMap((i) => (HASH[i] ? [`${enc}-${HASH[i]}`] : []));
  });
}

/** FortiOS proposal words for a phase 1 proposal: `aes256-sha256`, `aes256gcm-prfsha256`. */
function ikeWords(p: IkeProposal): string[] {
  return p.encryption.flatMap((e) => {
    const enc = ENCRYPTION[e];
    if (!enc) return [];
    if (enc.includes('gcm') || enc.startsWith('chacha'))
      return (p.prf.length > 0 ? p.prf : ['sha256']).map((h) => `${enc}-prf${h}`);
    return p.integrity.flatMap((i) => (HASH[i] ? [`${enc}-${HASH[i]}`] : []));
  });
}

/** One `edit` block under a `config` section. */
function block(section: string, name: string, sets: readonly string[]): string[] {
  return [
    `config vpn ipsec ${section}`,
    `    edit "${name}"`,
    ...sets.map((s) => `        ${s}`),
    '    next',
    'end',
  ];
}

// '    edit "ToASA-P2"'
const EDIT = /^\s*edit (?:"([^"]*)"|(\S+))/;
// '        set phase1name "ToASA"'
const PHASE1NAME = /^\s*set phase1name "?([^"\s]+)"?/;

/** The phase2 entry that belongs to a phase1: from a selector's `edit` line or the text. */
function phase2Name(side: Side, conn: Connection): string {
  for (const sel of conn.selectors) {
    const m = EDIT.exec(lineText(side, sel.lines[0] ?? 0));
    const name = m?.[1] ?? m?.[2];
    if (name) return name;
  }
  let current = '';
  for (const n of allLines(side)) {
    const text = lineText(side, n);
    const edit = EDIT.exec(text);
    const name = edit?.[1] ?? edit?.[2];
    if (name) current = name;
    if (PHASE1NAME.exec(text)?.[1] === conn.name && current !== '') return current;
  }
  return '<phase2-name>';
}

function phase2(side: Side, conn: Connection, sets: readonly string[]): string[] {
  return block('phase2-interface', phase2Name(side, conn), sets);
}

/** Commands for FortiGate. */
export const FORTIGATE_DIALECT: Dialect = {
  pfs: (side, conn, group) =>
    phase2(
      side,
      conn,
      group === null ? ['set pfs disable'] : ['set pfs enable', `set dhgrp ${group}`],
    ),
  esp(side, conn, want, _version, fix) {
    const wanted = espWords(want);
    if (wanted.length === 0) return [];
    const own = side.peer.espProposals
      .filter((p) => conn.espProposals.includes(p.name) && p !== fix)
      .flatMap(espWords);
    const list = [...new Set([...own, ...wanted])];
    return phase2(side, conn, [`set proposal ${list.join(' ')}`]);
  },
  ike(side, conn, want) {
    const wanted = ikeWords(want);
    if (wanted.length === 0) return [];
    const mine = side.peer.ikeProposals.filter(
      (p) => conn.ikeProposals.length === 0 || conn.ikeProposals.includes(p.name),
    );
    const list = [...new Set([...mine.flatMap(ikeWords), ...wanted])];
    const groups = [...new Set([...mine.flatMap((p) => p.dhGroups), ...want.dhGroups])];
    return block('phase1-interface', conn.name, [
      `set proposal ${list.join(' ')}`,
      ...(groups.length > 0 ? [`set dhgrp ${groups.join(' ')}`] : []),
    ]);
  },
  peer: (_side, conn, address) =>
    block('phase1-interface', conn.name, [`set remote-gw ${address}`]),
  key: (_side, conn) => block('phase1-interface', conn.name, [`set psksecret ${KEY_PLACEHOLDER}`]),
  selector: (side, conn, want) =>
    phase2(side, conn, [
      `set src-subnet ${addressMask(want.local === 'any' ? '0.0.0.0/0' : want.local)}`,
      `set dst-subnet ${addressMask(want.remote === 'any' ? '0.0.0.0/0' : want.remote)}`,
      ...(want.protocol === 'ip' ? [] : [`set protocol ${protocolNumber(want.protocol)}`]),
    ]),
  natExempt: () => [],
  tunnelKey: () => [],
  tunnelMode: () => [],
  applyMap: () => [],
  espLifetime: (side, conn, seconds) => phase2(side, conn, [`set keylifeseconds ${seconds}`]),
  ikeLifetime: (_side, conn, _p, seconds) =>
    block('phase1-interface', conn.name, [`set keylife ${seconds}`]),
};

const PROTOCOL_NUMBERS: Record<string, number> = { icmp: 1, tcp: 6, udp: 17, gre: 47, esp: 50 };

/** FortiOS takes protocol numbers. */
function protocolNumber(protocol: string): string {
  return String(PROTOCOL_NUMBERS[protocol] ?? protocol);
}
