/**
 * Lines of a pasted text by number, without splitting it: a 10 MB paste split into 100,000
 * strings on every render costs the page tens of milliseconds each time. The index (where each
 * line starts and ends) is built once per text; line breaks are CRLF, CR or LF, as the engine
 * reads them, so line numbers match the findings'.
 */

/** Line access to one text. */
export interface LineIndex {
  /** How many lines (a final line break starts an empty last line, as `split` counts). */
  readonly count: number;
  /** Line `no` (1-based) without its break; '' outside the text. */
  line(no: number): string;
  /** Character offsets of lines `first`…`last` (1-based, clamped), for selecting them in a box. */
  range(first: number, last: number): { start: number; end: number };
}

// sample: "line one\r\nline two\rline three\nline four"
const LINE_BREAK = /\r\n|\r|\n/g;

function build(text: string): LineIndex {
  const starts = [0];
  const ends: number[] = [];
  if (!text.includes('\r')) {
    // The common case, several times faster than the regex.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      ends.push(at);
      starts.push(at + 1);
    }
  } else {
    for (const m of text.matchAll(LINE_BREAK)) {
      ends.push(m.index);
      starts.push(m.index + m[0].length);
    }
  }
  ends.push(text.length);
  const clamp = (no: number) => Math.min(Math.max(1, Math.trunc(no)), starts.length);
  return {
    count: starts.length,
    line: (no) => (no >= 1 && no <= starts.length ? text.slice(starts[no - 1], ends[no - 1]) : ''),
    range: (first, last) => ({
      start: starts[clamp(first) - 1] ?? 0,
      end: ends[clamp(last) - 1] ?? text.length,
    }),
  };
}

// One text at a time is on the page (the analysed paste); comparing the same string is instant.
let last: { text: string; index: LineIndex } | null = null;

/** The line index of `text`, built once for the text on the page. */
export function lineIndex(text: string): LineIndex {
  if (last?.text !== text) last = { text, index: build(text) };
  return last.index;
}
