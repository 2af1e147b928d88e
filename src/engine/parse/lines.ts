/**
 * Turning a paste into lines the parsers can read: one record per physical
 * line, numbered from 1 as the user gave them, with a normalised copy.
 */

/** One physical line of the paste. */
export interface Line {
  /** 1-based line number in the input as given. */
  readonly no: number;
  /** The line exactly as pasted (without its line break). */
  readonly raw: string;
  /** Normalised: no-break and other odd spaces and tabs as spaces, control characters dropped, right-trimmed. */
  readonly text: string;
  /** The normalised text without sequence number and timestamp (see `messageOf`). */
  readonly message: string;
}

// Unicode spaces that web pages and terminals put into copied text.
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]/g;
// C0/C1 control characters other than tab (already replaced), zero-width characters and BOM.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;

/** Normalises one line for matching. */
export function normalise(raw: string): string {
  return raw.replace(ODD_SPACES, ' ').replace(CONTROL, '').trimEnd();
}

/** Splits text on CRLF, CR or LF into numbered, normalised lines. */
export function toLines(text: string): Line[] {
  const parts = text.split(/\r\n|\r|\n/);
  // A final line break does not start a line of its own.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw, i) => {
    const text = normalise(raw);
    return { no: i + 1, raw, text, message: messageOf(text) };
  });
}

// Cisco and syslog prefixes, in the order they appear on a line:
//   "000123: "                              sequence number (service sequence-numbers)
//   "*" or "."                              clock not synchronised / synchronised-then-lost
//   "Mar  1 00:01:23.456 UTC: "             IOS timestamp, optional year, msec and zone
//   "2026-11-22T03:04:05.123+01:00 "        ISO 8601 (syslog servers)
//   "Apr 01 14:48:48 [IKEv1]"               ASA debug: timestamp without the colon
//   "Nov 22 2026 03:04:05 fw01 : "          ASA syslog with a host name
const SEQUENCE = String.raw`(?:\d{1,9}: )?`;
const CLOCK_FLAG = String.raw`[*.]?`;
const MONTH_TS = String.raw`[A-Z][a-z]{2} {1,2}\d{1,2}(?: \d{4})? \d{1,2}:\d{2}:\d{2}(?:\.\d{1,6})?(?: [A-Z]{2,5}(?:[+-]\d{1,2})?)?`;
const ISO_TS = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?`;
const UPTIME_TS = String.raw`\d{1,3}[dwhy]\d{1,2}[dhm](?:\d{1,2}[ms])?|\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?`;
/** A line's leading sequence number, clock flag and timestamp (group 1 is the rest). */
export const TIMESTAMP_PREFIX = new RegExp(
  String.raw`^\s*${SEQUENCE}${CLOCK_FLAG}(?:(?:${MONTH_TS}|${ISO_TS}|${UPTIME_TS}):?\s*)?(.*)$`,
);

/** The message part of a log line: the text after any sequence number and timestamp. */
export function messageOf(text: string): string {
  const m = TIMESTAMP_PREFIX.exec(text);
  return m?.[1] ?? text;
}
