/**
 * FortiGate phase 1 (`config vpn ipsec phase1-interface`, or `phase1` for policy-based VPNs):
 * the IKE proposals, pre-shared key, identities and, with its phase 2 entries, one `Connection`.
 *
 * Defaults when a setting is not shown (FortiOS CLI reference, "vpn ipsec phase1-interface"):
 * `ike-version 1`, `mode main`, `type static`, `authmethod psk`, `dhgrp 14 5`, `keylife 86400`,
 * `peertype any`, `local-gw 0.0.0.0` (the address of `set interface`). The IKE version default is
 * taken from the 6.x–7.4 CLI reference; a note asks to confirm it on the unit, since `show` hides
 * it and newer releases' wizards write IKEv2 explicitly.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type {
  ConfigNote,
  Connection,
  IdentityMatch,
  IkeProfile,
  IkeProposal,
  Interface,
  PreSharedKey,
} from '../model.ts';
import { addressOf, ipv4ToNumber, textToHex } from '../normalise.ts';
import type { Phase2 } from './phase2.ts';
import { readGroups, readProposalWord } from './proposals.ts';
import { lineOf, ordered, value, type FgEntry, type FgSetting } from './reader.ts';

const DEFAULT_GROUPS: readonly number[] = [14, 5];
const DEFAULT_LIFETIME = 86400;

/** What one phase 1 entry contributes to the model. */
export interface Phase1Parts {
  readonly ikeProposals: IkeProposal[];
  readonly keys: PreSharedKey[];
  readonly profile: IkeProfile;
  readonly connection: Connection;
  readonly notes: ConfigNote[];
}

const AUTH: Readonly<Record<string, string>> = { psk: 'pre-share', signature: 'rsa-sig' };

/** The IKE proposals of a phase 1, one per proposal word (FortiOS offers the pairs as written). */
function proposalsOf(
  entry: FgEntry,
  version: IkeVersion,
  versionDefaulted: boolean,
  notes: ConfigNote[],
): IkeProposal[] {
  const s = entry.settings;
  const setting = s.get('proposal');
  if (!setting) {
    notes.push({
      message: `Phase 1 ${entry.name} shows no proposal; use "show full-configuration" to see it.`,
      lines: [entry.line],
    });
    return [];
  }
  const defaulted = [
    ...(versionDefaulted ? ['version'] : []),
    ...(s.has('dhgrp') ? [] : ['dhGroups']),
    ...(s.has('keylife') ? [] : ['lifetimeSeconds']),
  ];
  const dhGroups = s.has('dhgrp') ? readGroups(s.get('dhgrp')?.values ?? []) : DEFAULT_GROUPS;
  const auth = AUTH[value(s, 'authmethod', true) ?? 'psk'];
  const lines = ordered([
    entry.line,
    setting.line,
    ...['dhgrp', 'keylife', 'ike-version', 'authmethod', 'mode'].flatMap((k) => lineOf(s, k)),
  ]);
  const out: IkeProposal[] = [];
  setting.values.forEach((word, i) => {
    const p = readProposalWord(word);
    if (!p) {
      notes.push({
        message: `Phase 1 proposal word ${word} not recognised.`,
        lines: [setting.line],
      });
      return;
    }
    out.push({
      version,
      name: `${entry.name}/${word}`,
      priority: i + 1,
      encryption: [p.encryption],
      // An IKEv2 AEAD proposal carries no integrity transform; IKEv1 always has a hash.
      integrity: p.integrity === 'none' ? [] : [p.integrity],
      prf: p.prf ? [p.prf] : [],
      dhGroups,
      ...(version === 'ikev1' && auth ? { authentication: auth } : {}),
      lifetimeSeconds: Number(value(s, 'keylife') ?? DEFAULT_LIFETIME),
      ...(defaulted.length > 0 ? { defaulted } : {}),
      lines,
    });
  });
  return out;
}

/** A `psksecret` / `psksecret-remote` setting as a key; the secret is kept only as bytes. */
function keyOf(
  entry: FgEntry,
  setting: FgSetting,
  direction: PreSharedKey['direction'],
  version: IkeVersion,
  peer: string,
  identity: string | undefined,
): PreSharedKey {
  const base = {
    scope: 'phase1' as const,
    container: entry.name,
    peer,
    ...(identity ? { identity } : {}),
    version,
    direction,
    lines: [entry.line, setting.line],
  };
  const [first = '', ...rest] = setting.values;
  // "set psksecret ENC Hs7Kq…": FortiOS shows stored secrets only in this reversible-by-the-unit
  // form; without the unit's key the bytes are unknown.
  if (first.toUpperCase() === 'ENC' && rest.length > 0) return { ...base, encoding: 'encrypted' };
  if (/^\*+$/.test(first)) return { ...base, encoding: 'masked' };
  return { ...base, encoding: 'plain', bytesHex: textToHex(setting.values.join(' ')) };
}

/** `peerid` as an identity match: address, `user@fqdn`, FQDN, or a key ID. */
function identityMatch(id: string, lines: number[]): IdentityMatch {
  const kind =
    ipv4ToNumber(id) !== null
      ? 'address'
      : id.includes('@')
        ? 'user-fqdn'
        : id.includes('.')
          ? 'fqdn'
          : 'key-id';
  return { kind, value: kind === 'address' ? `${id}/32` : id, lines };
}

/** The peer as written: `remote-gw`, the DDNS name, or `any` for a dial-up phase 1. */
function peerOf(entry: FgEntry): string {
  const type = value(entry.settings, 'type', true) ?? 'static';
  if (type === 'dynamic') return 'any';
  if (type === 'ddns') return value(entry.settings, 'remotegw-ddns') ?? 'any';
  return value(entry.settings, 'remote-gw') ?? value(entry.settings, 'remote-gw6') ?? 'any';
}

/** This side's tunnel address: `local-gw`, else the first address of the bound interface. */
function localAddressOf(entry: FgEntry, interfaces: readonly Interface[]): string | undefined {
  const gw = value(entry.settings, 'local-gw');
  if (gw && gw !== '0.0.0.0') return gw;
  const ifName = value(entry.settings, 'interface');
  const first = interfaces.find((i) => i.name === ifName)?.addresses[0];
  return first ? addressOf(first) : undefined;
}

/** One phase 1 entry and its phase 2 entries read into model parts. */
export function readPhase1(
  entry: FgEntry,
  phase2s: readonly Phase2[],
  interfaces: readonly Interface[],
): Phase1Parts {
  const s = entry.settings;
  const notes: ConfigNote[] = [];
  const written = value(s, 'ike-version');
  const version: IkeVersion = written === '2' ? 'ikev2' : 'ikev1';
  if (written === undefined)
    notes.push({
      message: `Phase 1 ${entry.name} does not show ike-version: FortiOS's default is IKEv1 (confirm with "show full-configuration vpn ipsec phase1-interface").`,
      lines: [entry.line],
    });
  const peer = peerOf(entry);
  const peertype = value(s, 'peertype', true) ?? 'any';
  const peerid = peertype === 'one' ? value(s, 'peerid') : undefined;
  const keys: PreSharedKey[] = [];
  const psk = s.get('psksecret');
  const pskRemote = s.get('psksecret-remote');
  if (psk) keys.push(keyOf(entry, psk, pskRemote ? 'local' : 'both', version, peer, peerid));
  if (pskRemote) keys.push(keyOf(entry, pskRemote, 'remote', version, peer, peerid));
  const authLocal = AUTH[value(s, 'authmethod', true) ?? 'psk'];
  const authRemote =
    AUTH[value(s, 'authmethod-remote', true) ?? value(s, 'authmethod', true) ?? 'psk'];
  const idLines = [entry.line, ...lineOf(s, 'peertype'), ...lineOf(s, 'peerid')];
  const profile: IkeProfile = {
    name: entry.name,
    version,
    matches: peerid ? [identityMatch(peerid, idLines)] : [],
    keyrings: [],
    ...(authLocal ? { localAuth: authLocal } : {}),
    ...(authRemote ? { remoteAuth: authRemote } : {}),
    lines: ordered([
      entry.line,
      ...['authmethod', 'authmethod-remote', 'peertype', 'peerid', 'localid'].flatMap((k) =>
        lineOf(s, k),
      ),
    ]),
  };
  const localid = value(s, 'localid');
  if (localid)
    notes.push({
      message: `Phase 1 ${entry.name} sends local ID ${localid}.`,
      lines: [entry.line, ...lineOf(s, 'localid')],
    });
  const ikeProposals = proposalsOf(entry, version, written === undefined, notes);
  const connection = connectionOf(entry, phase2s, interfaces, {
    version,
    peer,
    ikeProposals,
    notes,
  });
  return { ikeProposals, keys, profile, connection, notes };
}

interface ConnectionInput {
  readonly version: IkeVersion;
  readonly peer: string;
  readonly ikeProposals: readonly IkeProposal[];
  readonly notes: ConfigNote[];
}

/** The phase 1 with all its phase 2 entries as one connection. */
function connectionOf(
  entry: FgEntry,
  phase2s: readonly Phase2[],
  interfaces: readonly Interface[],
  { version, peer, ikeProposals, notes }: ConnectionInput,
): Connection {
  const s = entry.settings;
  const first = phase2s[0];
  if (!first)
    notes.push({ message: `Phase 1 ${entry.name} has no phase 2 entry.`, lines: [entry.line] });
  const pfsValues = [...new Set(phase2s.map((p) => p.pfs))];
  if (pfsValues.length > 1)
    notes.push({
      message: `The phase 2 entries of ${entry.name} disagree on PFS (${phase2s.map((p) => `${p.name}: ${p.pfs === null ? 'off' : `group ${p.pfs}`}`).join(', ')}); the first is used.`,
      lines: phase2s.map((p) => p.lines[0] ?? entry.line),
    });
  const lifetimes = [...new Set(phase2s.map((p) => p.lifetimeSeconds))];
  if (lifetimes.length > 1)
    notes.push({
      message: `The phase 2 entries of ${entry.name} have different lifetimes (${lifetimes.join(', ')} s); the first is used.`,
      lines: phase2s.map((p) => p.lines[0] ?? entry.line),
    });
  const mode = value(s, 'mode', true);
  const localAddress = localAddressOf(entry, interfaces);
  const ifName = value(s, 'interface');
  const p1Lines = [entry.line, ...[...s.values()].map((v) => v.line)];
  return {
    name: entry.name,
    kind: 'phase1',
    peers: [peer],
    ...(localAddress ? { localAddress } : {}),
    ikeVersions: [version],
    ikeProposals: ikeProposals.map((p) => p.name),
    espProposals: [...new Set(phase2s.flatMap((p) => p.proposals.map((e) => e.name)))],
    ...(first ? { pfs: first.pfs, lifetimeSeconds: first.lifetimeSeconds } : {}),
    ...(first?.lifetimeKilobytes !== undefined
      ? { lifetimeKilobytes: first.lifetimeKilobytes }
      : {}),
    selectors: phase2s.flatMap((p) => p.selectors),
    profile: entry.name,
    appliedTo: ifName ? [ifName] : [],
    ...(version === 'ikev1' && (mode === 'aggressive' || mode === 'main')
      ? { exchangeMode: mode }
      : {}),
    lines: ordered([...p1Lines, ...phase2s.flatMap((p) => p.lines)]),
  };
}
