/**
 * Runs every registered parser over a paste and accounts for every line:
 * each non-blank line is captured by a parser, known noise, or reported as
 * not understood.
 */
import type { Fact } from '../../knowledge/facts.ts';
import { dispatch } from './gate.ts';
import { toLines, type Line } from './lines.ts';
import { noiseKind } from './noise.ts';
import type { Parser } from './types.ts';

/** A run of lines one format read, as the contract's `inputs` lists them. */
export interface InputSpan {
  readonly format: string;
  readonly firstLine: number;
  readonly lastLine: number;
  /** For `unrecognized` spans: the exact lines not understood. */
  readonly lines?: readonly number[];
}

/** Everything the parsers made of a paste. */
export interface ParsedPaste {
  readonly lines: readonly Line[];
  readonly facts: readonly Fact[];
  readonly inputs: readonly InputSpan[];
  /** Which format claimed each line (first claim wins), `noise`, or absent when not understood. */
  readonly lineFormat: ReadonlyMap<number, string>;
  readonly unrecognized: readonly number[];
}

/** Told after each parser has run: `done` of `total` parsers. */
export type Progress = (done: number, total: number) => void;

/** Parses a paste with the given parsers, most specific first. Never throws. */
export function parsePaste(
  text: string,
  parsers: readonly Parser[],
  onProgress?: Progress,
): ParsedPaste {
  const lines = toLines(text);
  const facts: Fact[] = [];
  const lineFormat = new Map<number, string>();
  // Each gated parser reads only the lines that can concern it (see gate.ts).
  const viewOf = dispatch(lines, parsers);
  for (const [i, parser] of parsers.entries()) {
    onProgress?.(i, parsers.length);
    const view = viewOf(i) ?? lines;
    if (view.length === 0) continue;
    let result;
    try {
      if (!parser.detect(view)) continue;
      result = parser.parse(view);
    } catch {
      // A parser bug must not cost the user the other parsers' findings.
      continue;
    }
    // First claim wins, for facts as for lines: output an earlier (more specific) parser read is
    // not read again by a later, more general one (IOS parsers also match ASA output).
    const mine = new Set<number>();
    for (const no of result.claimed)
      if (!lineFormat.has(no)) {
        lineFormat.set(no, parser.id);
        mine.add(no);
      }
    for (const f of result.facts) if (f.lines.some((no) => mine.has(no))) facts.push(f);
  }
  const unrecognized: number[] = [];
  for (const line of lines) {
    if (lineFormat.has(line.no)) continue;
    const noise = noiseKind(line.text);
    if (noise === 'blank') continue;
    if (noise !== null) lineFormat.set(line.no, 'noise');
    else unrecognized.push(line.no);
  }
  facts.sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  return { lines, facts, inputs: spans(lines, lineFormat), lineFormat, unrecognized };
}

/** Groups consecutive lines of the same format; noise and blank lines do not break a run. */
function spans(lines: readonly Line[], lineFormat: ReadonlyMap<number, string>): InputSpan[] {
  const out: InputSpan[] = [];
  let current: { format: string; first: number; last: number; lines: number[] } | null = null;
  const flush = () => {
    if (current === null) return;
    const { format, first, last } = current;
    out.push(
      format === 'unrecognized'
        ? { format, firstLine: first, lastLine: last, lines: current.lines }
        : { format, firstLine: first, lastLine: last },
    );
    current = null;
  };
  for (const line of lines) {
    const f = lineFormat.get(line.no);
    if (f === 'noise') continue;
    if (f === undefined && line.text.trim() === '') continue;
    const format = f ?? 'unrecognized';
    if (current !== null && current.format === format) {
      current.last = line.no;
      current.lines.push(line.no);
      continue;
    }
    flush();
    current = { format, first: line.no, last: line.no, lines: [line.no] };
  }
  flush();
  return out;
}
