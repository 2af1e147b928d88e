/**
 * The configuration check's entry points: the parser table, platform detection, parsing one
 * text, and comparing two texts. The CLI (`compare <peerA> <peerB>`) and the two-pane page call
 * `compareTexts`; nothing here throws.
 */
import type { Platform } from '../../knowledge/schema.ts';
import { PLATFORM_NAMES } from '../../knowledge/schema.ts';
import { ASA_CONFIG } from './asa/index.ts';
import { compareConfigs } from './compare.ts';
import type { CompareResult } from './compare.ts';
import { FORTIGATE_CONFIG } from './fortigate.ts';
import { IOS_CONFIG } from './ios/index.ts';
import type { ConfigParser, PeerConfig } from './model.ts';
import { STRONGSWAN_CONFIG } from './strongswan.ts';

export type { CompareFinding, CompareResult, PeerSummary } from './compare.ts';
export { compareConfigs } from './compare.ts';

/** Every configuration parser. Detection asks all of them; the highest sniff score wins. */
export const CONFIG_PARSERS: readonly ConfigParser[] = [
  IOS_CONFIG,
  ASA_CONFIG,
  FORTIGATE_CONFIG,
  STRONGSWAN_CONFIG,
];

/** One text read into a peer model, or why it could not be. */
export type ParsedConfig = { ok: true; peer: PeerConfig } | { ok: false; problem: string };

/** Two texts compared, or which one could not be read and why. */
export type ComparedTexts =
  | { ok: true; result: CompareResult; peers: [PeerConfig, PeerConfig] }
  | { ok: false; side: 'a' | 'b'; problem: string };

function sniffSafely(parser: ConfigParser, text: string): number {
  try {
    const score = parser.sniff(text);
    return Number.isFinite(score) ? score : 0;
  } catch {
    return 0;
  }
}

/** The platform whose parser recognises the text best; null when none recognises it at all. */
export function detectPlatform(text: string): Platform | null {
  let best: { platform: Platform; score: number } | null = null;
  for (const parser of CONFIG_PARSERS) {
    const score = sniffSafely(parser, text);
    if (score > 0 && (!best || score > best.score)) best = { platform: parser.platform, score };
  }
  return best?.platform ?? null;
}

/** Does the model hold anything a comparison can use? */
function hasVpn(peer: PeerConfig): boolean {
  return (
    peer.connections.length > 0 ||
    peer.ikeProposals.length > 0 ||
    peer.espProposals.length > 0 ||
    peer.keys.length > 0
  );
}

/** Reads one configuration text, as the given platform or the detected one. */
export function parseConfig(text: string, platform?: Platform): ParsedConfig {
  if (text.trim() === '') return { ok: false, problem: 'The configuration is empty.' };
  const chosen = platform ?? detectPlatform(text);
  if (!chosen)
    return {
      ok: false,
      problem:
        'Not recognised as a Cisco IOS, Cisco ASA, FortiGate or strongSwan configuration. Paste the output of `show running-config` (FortiGate: `show vpn ipsec phase1-interface` and `phase2-interface`; strongSwan: ipsec.conf or swanctl.conf).',
    };
  const parser = CONFIG_PARSERS.find((p) => p.platform === chosen);
  if (!parser)
    return {
      ok: false,
      problem: `There is no configuration reader for ${PLATFORM_NAMES[chosen]} yet.`,
    };
  let peer: PeerConfig;
  try {
    peer = parser.parse(text);
  } catch {
    return { ok: false, problem: `The ${PLATFORM_NAMES[chosen]} configuration could not be read.` };
  }
  if (!hasVpn(peer))
    return {
      ok: false,
      problem: `No IPsec configuration found in this ${PLATFORM_NAMES[chosen]} text (no IKE policies, proposals, keys or crypto maps / tunnels).`,
    };
  return { ok: true, peer };
}

/** Reads and compares two configurations (`platforms` forces a reader per side). */
export function compareTexts(
  textA: string,
  textB: string,
  platforms: readonly [Platform | undefined, Platform | undefined] = [undefined, undefined],
): ComparedTexts {
  if (textA.trim() !== '' && textA.trim() === textB.trim())
    return {
      ok: false,
      side: 'b',
      problem: 'Both sides hold the same configuration: paste the other peer’s configuration as B.',
    };
  const a = parseConfig(textA, platforms[0]);
  if (!a.ok) return { ok: false, side: 'a', problem: a.problem };
  const b = parseConfig(textB, platforms[1]);
  if (!b.ok) return { ok: false, side: 'b', problem: b.problem };
  const result = compareConfigs(a.peer, b.peer, { texts: [textA, textB] });
  return { ok: true, result, peers: [a.peer, b.peer] };
}
