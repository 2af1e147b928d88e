/**
 * The URL codec: `WalkState` ⇄ one compact, versioned string of `[A-Za-z0-9._-]`
 * (no escaping in a query string, readable in a ticket).
 *
 *   2_<trail>[_<context>_<finding>_<finding>…]
 *
 * - `2` is the format version. Older versions are read through `MIGRATIONS`, one step at a
 *   time, so every link ever shared keeps opening; a newer version is refused with a notice.
 * - trail: an answer is one capital letter (A = first answer … Z = 26th); a jump is the target
 *   node ID (IDs are lowercase, digits, `.` and `-`), so `CAAip.fragmentationB` reads
 *   "answers 3, 1, 1, jump to ip.fragmentation, answer 2".
 * - context (present only with evidence): five characters, platform, peer platform, IKE version,
 *   role (`x` when unknown), and where the evidence came from (`p` a paste, `c` a configuration
 *   comparison). Version 1 had the first four only.
 * - findings: the evidence's ranked diagnosis IDs.
 *
 * `decode` never throws: it reports why a string was refused and returns a fresh start.
 */
import type { DiagnosisId } from '../../knowledge/catalogue.ts';
import { CATALOGUE } from '../../knowledge/catalogue.ts';
import type { Context, IkeVersion, NodeId, Platform, Role } from '../../knowledge/schema.ts';
import type { EvidenceOrigin, Step, WalkState } from './state.ts';
import { INITIAL_STATE } from './state.ts';

/** The current format version. */
export const CODEC_VERSION = 2;

/**
 * Upgrades the `_`-separated parts of a link one version up: `MIGRATIONS[n]` turns version n into
 * n + 1. A migration never fails; anything it cannot map is left for the decoder to refuse.
 */
const MIGRATIONS: Readonly<Record<number, (parts: readonly string[]) => string[]>> = {
  // v1 → v2: the context gained the origin character; every v1 evidence came from a paste.
  1: ([, trail = '', context, ...findings]) =>
    context === undefined ? ['2', trail] : ['2', trail, `${context}p`, ...findings],
};

const PLATFORM_CODES: Record<Platform, string> = {
  'cisco-ios': 'i',
  'cisco-asa': 'a',
  fortigate: 'f',
  strongswan: 's',
  'juniper-srx': 'j',
  paloalto: 'p',
};
const VERSION_CODES: Record<IkeVersion, string> = { ikev1: '1', ikev2: '2' };
const ROLE_CODES: Record<Role, string> = { initiator: 'i', responder: 'r' };
const ORIGIN_CODES: Record<EvidenceOrigin, string> = { paste: 'p', compare: 'c' };
const MAX_ANSWERS = 26;
/** Longest string decode looks at: far beyond any real walk, short of abuse. */
export const MAX_ENCODED = 2_000;

const invert = <K extends string>(m: Record<K, string>): Map<string, K> =>
  new Map(Object.entries(m).map(([k, v]) => [v as string, k as K]));
const PLATFORM_BY_CODE = invert(PLATFORM_CODES);
const VERSION_BY_CODE = invert(VERSION_CODES);
const ROLE_BY_CODE = invert(ROLE_CODES);
const ORIGIN_BY_CODE = invert(ORIGIN_CODES);
const CATALOGUE_SET = new Set<string>(CATALOGUE);

const NODE_ID = /^[a-z][a-z0-9.-]*$/;
const TRAIL_TOKEN = /[A-Z]|[a-z][a-z0-9.-]*/g;

function encodeContext(c: Context): string {
  return [
    c.platform ? PLATFORM_CODES[c.platform] : 'x',
    c.peerPlatform ? PLATFORM_CODES[c.peerPlatform] : 'x',
    c.ikeVersion ? VERSION_CODES[c.ikeVersion] : 'x',
    c.role ? ROLE_CODES[c.role] : 'x',
  ].join('');
}

function decodeContext(s: string): { context: Context; origin: EvidenceOrigin } | null {
  if (s.length !== 5) return null;
  const [p, q, v, r, o] = [...s];
  const origin = ORIGIN_BY_CODE.get(o ?? '');
  if (origin === undefined) return null;
  const platform = p === 'x' ? undefined : PLATFORM_BY_CODE.get(p ?? '');
  const peerPlatform = q === 'x' ? undefined : PLATFORM_BY_CODE.get(q ?? '');
  const ikeVersion = v === 'x' ? undefined : VERSION_BY_CODE.get(v ?? '');
  const role = r === 'x' ? undefined : ROLE_BY_CODE.get(r ?? '');
  if (
    (p !== 'x' && !platform) ||
    (q !== 'x' && !peerPlatform) ||
    (v !== 'x' && !ikeVersion) ||
    (r !== 'x' && !role)
  )
    return null;
  const context = {
    ...(platform ? { platform } : {}),
    ...(peerPlatform ? { peerPlatform } : {}),
    ...(ikeVersion ? { ikeVersion } : {}),
    ...(role ? { role } : {}),
  };
  return { context, origin };
}

/** Encodes a state. Answer indices beyond Z and malformed node IDs cannot occur in valid states. */
export function encode(state: WalkState): string {
  const trail = state.trail
    .map((s) => (s.kind === 'answer' ? String.fromCharCode(65 + s.index) : s.to))
    .join('');
  const parts = [String(CODEC_VERSION), trail];
  if (state.evidence)
    parts.push(
      encodeContext(state.evidence.context) + ORIGIN_CODES[state.evidence.origin],
      ...state.evidence.findings,
    );
  return parts.join('_');
}

/** Why a link could not be read. */
export type DecodeProblem = 'damaged' | 'newer-version' | 'too-long';

/** The result of reading a link. */
export type Decoded =
  | { readonly ok: true; readonly state: WalkState }
  | { readonly ok: false; readonly problem: DecodeProblem; readonly state: WalkState };

const refuse = (problem: DecodeProblem): Decoded => ({ ok: false, problem, state: INITIAL_STATE });

/** Decodes a link's state string. Never throws; anything unreadable is refused as a whole. */
export function decode(input: unknown): Decoded {
  if (typeof input !== 'string' || input === '') return refuse('damaged');
  if (input.length > MAX_ENCODED) return refuse('too-long');
  let parts = input.split('_');
  if (!/^\d{1,4}$/.test(parts[0] ?? '')) return refuse('damaged');
  let version = Number(parts[0]);
  if (version > CODEC_VERSION) return refuse('newer-version');
  while (version < CODEC_VERSION) {
    const migrate = MIGRATIONS[version];
    if (migrate === undefined) return refuse('damaged'); // version 0 never existed
    parts = migrate(parts);
    version += 1;
  }
  const trailText = parts[1];
  if (trailText === undefined || !/^[A-Za-z0-9.-]*$/.test(trailText)) return refuse('damaged');
  const trail: Step[] = [];
  for (const token of trailText.match(TRAIL_TOKEN) ?? []) {
    if (/^[A-Z]$/.test(token)) trail.push({ kind: 'answer', index: token.charCodeAt(0) - 65 });
    else if (NODE_ID.test(token) && !token.endsWith('.') && !token.endsWith('-'))
      trail.push({ kind: 'jump', to: token as NodeId });
    else return refuse('damaged');
  }
  if (trail.length > 0 && (trailText.match(TRAIL_TOKEN) ?? []).join('') !== trailText)
    return refuse('damaged');
  if (parts.length === 2) return { ok: true, state: { trail, evidence: null } };
  const read = decodeContext(parts[2] ?? '');
  const findings = parts.slice(3);
  if (read === null || findings.some((f) => !CATALOGUE_SET.has(f))) return refuse('damaged');
  const evidence = { ...read, findings: findings as DiagnosisId[] };
  return { ok: true, state: { trail, evidence } };
}

/** The largest answer index a link can carry. */
export const MAX_ANSWER_INDEX = MAX_ANSWERS - 1;
