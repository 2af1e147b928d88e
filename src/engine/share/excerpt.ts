/**
 * The evidence excerpt a link may carry when the user asks for it: the proving
 * lines only (never the whole paste), already redacted by the caller, capped,
 * compressed and written in URL-safe characters.
 *
 *   1.<base64url of raw DEFLATE of JSON [[lineNo, "text"], …]>
 *
 * `1` is the excerpt format version. `decodeExcerpt` never throws and refuses
 * anything oversized, newer or damaged; the walk state in `s` is read on its
 * own, so a bad excerpt never costs the diagnosis.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

/** One proving line: its 1-based number in the original paste and its (redacted) text. */
export interface ExcerptLine {
  readonly no: number;
  readonly text: string;
}

/** An excerpt as read from a link. */
export interface Excerpt {
  readonly lines: readonly ExcerptLine[];
  /** Lines were left out to stay within the cap. */
  readonly truncated: boolean;
}

/** Limits on what a link carries. */
export const EXCERPT_LIMITS = {
  /** Encoded characters, so the link still fits chat tools and ticket fields. */
  maxEncoded: 1_800,
  maxLines: 40,
  /** Characters kept of one line. */
  maxLineLength: 240,
  /** Decompressed bytes accepted when reading (guards against crafted links). */
  maxInflated: 64 * 1024,
} as const;

const FORMAT = '1';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** URL-safe base64 without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** Reverses `toBase64Url`; null on any character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const ch of text) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

const pack = (lines: readonly ExcerptLine[], truncated: boolean): string =>
  `${FORMAT}.${toBase64Url(
    deflateSync(strToU8(JSON.stringify([truncated ? 1 : 0, lines.map((l) => [l.no, l.text])])), {
      level: 9,
    }),
  )}`;

/**
 * Encodes lines for a link, keeping as many as fit (in order) and cutting long lines.
 * Returns null when there is nothing to carry.
 */
export function encodeExcerpt(
  lines: readonly ExcerptLine[],
): { encoded: string; kept: number; truncated: boolean } | null {
  const clean = lines
    .filter((l) => Number.isInteger(l.no) && l.no > 0)
    .slice(0, EXCERPT_LIMITS.maxLines)
    .map((l) => ({
      no: l.no,
      text:
        l.text.length > EXCERPT_LIMITS.maxLineLength
          ? `${l.text.slice(0, EXCERPT_LIMITS.maxLineLength)}…`
          : l.text,
    }));
  let kept = clean.length;
  while (kept > 0) {
    const truncated = kept < lines.length || clean.some((l, i) => l.text !== lines[i]?.text);
    const encoded = pack(clean.slice(0, kept), truncated);
    if (encoded.length <= EXCERPT_LIMITS.maxEncoded) return { encoded, kept, truncated };
    kept = Math.floor(kept * 0.75);
  }
  return null;
}

/** Why an excerpt could not be read. */
export type ExcerptProblem = 'damaged' | 'newer-version' | 'too-long';

/** Reads an excerpt from a link. Never throws. */
export function decodeExcerpt(
  input: unknown,
): { ok: true; excerpt: Excerpt } | { ok: false; problem: ExcerptProblem } {
  if (typeof input !== 'string') return { ok: false, problem: 'damaged' };
  if (input.length > EXCERPT_LIMITS.maxEncoded * 2) return { ok: false, problem: 'too-long' };
  const dot = input.indexOf('.');
  const version = input.slice(0, dot);
  if (dot < 1 || !/^\d{1,3}$/.test(version)) return { ok: false, problem: 'damaged' };
  if (Number(version) > Number(FORMAT)) return { ok: false, problem: 'newer-version' };
  const bytes = fromBase64Url(input.slice(dot + 1));
  if (bytes === null) return { ok: false, problem: 'damaged' };
  try {
    const inflated = inflateSync(bytes, { out: new Uint8Array(EXCERPT_LIMITS.maxInflated) });
    const data: unknown = JSON.parse(strFromU8(inflated));
    return readPayload(data);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

function readPayload(
  data: unknown,
): { ok: true; excerpt: Excerpt } | { ok: false; problem: ExcerptProblem } {
  if (!Array.isArray(data) || data.length !== 2 || !Array.isArray(data[1]))
    return { ok: false, problem: 'damaged' };
  const [flag, rows] = data as [unknown, unknown[]];
  const lines: ExcerptLine[] = [];
  for (const row of rows.slice(0, EXCERPT_LIMITS.maxLines)) {
    if (!Array.isArray(row) || row.length !== 2) return { ok: false, problem: 'damaged' };
    const [no, text] = row as [unknown, unknown];
    if (typeof no !== 'number' || !Number.isInteger(no) || no < 1 || typeof text !== 'string')
      return { ok: false, problem: 'damaged' };
    lines.push({ no, text: text.slice(0, EXCERPT_LIMITS.maxLineLength + 1) });
  }
  return { ok: true, excerpt: { lines, truncated: flag === 1 || rows.length > lines.length } };
}
