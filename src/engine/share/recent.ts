/**
 * Recent cases, kept in this browser only: the link state and, when small
 * enough, the paste, so a case reopens as it was left. The page's store holds
 * the list; these pure functions decide what goes in it.
 */
import type { WalkState } from '../walk/state.ts';

/** One saved case. */
export interface RecentCase {
  /** Stable key: the same paste and walk update one entry instead of adding another. */
  readonly id: string;
  /** The encoded walk (`s`). */
  readonly s: string;
  /** The excerpt parameter (`e`), when the case came from a link that carried one. */
  readonly e?: string;
  /** What the case reached, for the list. */
  readonly title: string;
  /** ISO 8601. */
  readonly savedAt: string;
  /** The pasted text, when it is at most `RECENT_LIMITS.maxPaste` characters. */
  readonly paste?: string;
}

/** Bounds that keep localStorage well under its quota. */
export const RECENT_LIMITS = { maxCases: 12, maxPaste: 200_000 } as const;

/** A short, stable hash (FNV-1a, 32 bit) of a text, as 8 hex digits. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The sample that keys a paste too big to keep: this many windows of this many characters. */
const SAMPLE = { windows: 64, width: 256 } as const;

/**
 * What a case is keyed by: the paste, or for one too big to keep, its length and 64 windows of
 * 256 characters spread evenly over it. Hashing all of a 10 MB paste took the page 15–60 ms on
 * every step of the walk. Two big pastes that differ only between windows count as one case (the
 * newer replaces the older); real captures differ all through (timestamps).
 */
function pasteKey(paste: string): string {
  if (paste.length <= RECENT_LIMITS.maxPaste) return paste;
  const step = Math.floor(paste.length / SAMPLE.windows);
  const sample: string[] = [String(paste.length)];
  for (let w = 0; w < SAMPLE.windows; w++)
    sample.push(paste.slice(w * step, w * step + SAMPLE.width));
  return sample.join('\n');
}

/**
 * The entry for a case. The key is the paste when there is one (re-diagnosing the same paste
 * updates its entry), otherwise the walk's first steps.
 */
export function recentEntry(input: {
  s: string;
  e?: string;
  title: string;
  savedAt: string;
  paste?: string;
}): RecentCase {
  const paste = input.paste?.trim() ? input.paste : undefined;
  const key = paste !== undefined ? pasteKey(paste) : (input.e ?? input.s);
  return {
    id: hashText(key),
    s: input.s,
    ...(input.e ? { e: input.e } : {}),
    title: input.title,
    savedAt: input.savedAt,
    ...(paste && paste.length <= RECENT_LIMITS.maxPaste ? { paste } : {}),
  };
}

/**
 * Is this walk a case worth keeping? A diagnosis reached with evidence, or by answers alone. A
 * walk whose evidence was cleared still shows the diagnosis the evidence jumped to; it is the
 * same case as before, already kept with its paste, so it is not kept again.
 */
export function isKeptCase(state: WalkState): boolean {
  return state.evidence !== null || state.trail.every((step) => step.kind === 'answer');
}

/** The list with `entry` first (replacing an entry with its id), capped. */
export function upsertRecent(list: readonly RecentCase[], entry: RecentCase): RecentCase[] {
  return [entry, ...list.filter((c) => c.id !== entry.id)].slice(0, RECENT_LIMITS.maxCases);
}

/** Keeps only well-formed entries from stored data (it may be old, edited or corrupt). */
export function readRecent(stored: unknown): RecentCase[] {
  if (!Array.isArray(stored)) return [];
  const out: RecentCase[] = [];
  for (const item of stored.slice(0, RECENT_LIMITS.maxCases)) {
    if (typeof item !== 'object' || item === null) continue;
    const c = item as Record<string, unknown>;
    if (
      typeof c.id !== 'string' ||
      typeof c.s !== 'string' ||
      typeof c.title !== 'string' ||
      typeof c.savedAt !== 'string'
    )
      continue;
    out.push({
      id: c.id,
      s: c.s,
      title: c.title,
      savedAt: c.savedAt,
      ...(typeof c.e === 'string' ? { e: c.e } : {}),
      ...(typeof c.paste === 'string' && c.paste.length <= RECENT_LIMITS.maxPaste
        ? { paste: c.paste }
        : {}),
    });
  }
  return out;
}
