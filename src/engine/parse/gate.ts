/**
 * The line dispatcher: most lines of a paste concern one parser or none, yet every parser used to
 * read every line. A parser with a `gate` names literals without which a line is of no use to it;
 * one automaton pass over each line (all parsers' literals at once) finds the lines each parser
 * needs, and the parser reads only those, with the context its gate asks for around them.
 *
 * The gate must be conservative: a parser reading its view must find exactly what it finds in the
 * whole paste (a test checks this on every fixture).
 */
import type { Line } from './lines.ts';
import { anyLiterals } from './literal.ts';
import { compileNeedles, type NeedleSet } from './needles.ts';

/** Which lines a parser needs: those holding one of its needles, with context around them. */
export interface Gate {
  /** Literals, matched in any case: a line holding none of them means nothing to the parser on its own. */
  readonly needles: readonly string[];
  /** Lines kept before each needle line (headers a block reader looks back to). */
  readonly before: number;
  /** Lines kept after each needle line (wrapped continuations, block bodies). */
  readonly after: number;
  /** Past `after`, lines are kept while this holds (a chain of wrapped tails of any length). */
  readonly extend?: (line: Line) => boolean;
  /** Lines no needle finds that the parser still needs (a rule with no literal to look for). */
  readonly also?: (line: Line) => boolean;
  /** One hit anywhere hands the parser every line (a reader of long blocks); none, nothing. */
  readonly whole?: boolean;
}

/** Anything with an optional gate (a parser). */
export interface Gated {
  readonly gate?: Gate;
}

/**
 * The gate of a reader found by `marker` (show output, a status dump, a configuration): its body
 * lines hold no marker and a block may run for thousands of lines, so a hit anywhere hands the
 * reader the whole paste, and no hit skips it without a regex run. Null when the marker has no
 * literal to look for (then `detect` decides, as before).
 */
export function markerGate(marker: RegExp): Gate | null {
  const needles = anyLiterals(marker);
  return needles === null ? null : { needles, before: 0, after: 0, whole: true };
}

/** `markerGate` as a field to spread into a parser (`...gateOn(MARKER)`). */
export function gateOn(marker: RegExp): { gate?: Gate } {
  const gate = markerGate(marker);
  return gate === null ? {} : { gate };
}

/** A reader's gate and `detect` from one marker (`...foundBy(MARKER)`): present when any line matches. */
export function foundBy(marker: RegExp): {
  gate?: Gate;
  detect: (lines: readonly Line[]) => boolean;
} {
  return { ...gateOn(marker), detect: (lines) => lines.some((l) => marker.test(l.text)) };
}

/** A gate that also lets through what `more` asks for (a wrapper reading lines its parser does not). */
export function widen(gate: Gate, more: Partial<Gate>): Gate {
  const also = [gate.also, more.also].filter((f) => f !== undefined);
  const extend = more.extend ?? gate.extend;
  return {
    needles: [...new Set([...gate.needles, ...(more.needles ?? [])])],
    before: Math.max(gate.before, more.before ?? 0),
    after: Math.max(gate.after, more.after ?? 0),
    ...(extend === undefined ? {} : { extend }),
    ...(gate.whole === true || more.whole === true ? { whole: true } : {}),
    ...(also.length === 0 ? {} : { also: (line: Line) => also.some((f) => f(line)) }),
  };
}

const compiled = new WeakMap<readonly Gated[], NeedleSet | null>();

function needlesOf(parsers: readonly Gated[]): NeedleSet | null {
  if (compiled.has(parsers)) return compiled.get(parsers) ?? null;
  const needles = parsers.flatMap((p, tag) =>
    (p.gate?.needles ?? []).map((text) => ({ text, tag })),
  );
  const set = needles.length > 0 ? compileNeedles(needles) : null;
  compiled.set(parsers, set);
  return set;
}

/**
 * The lines each parser needs, in paste order: `view(k)` is parser k's view, or null for a parser
 * without a gate (it reads every line). A gated parser with an empty view has nothing to read.
 * One scan finds every parser's needle lines; a view is built only when asked for, so at most
 * one is alive at a time when parsers are run one after another.
 */
export function dispatch(
  lines: readonly Line[],
  parsers: readonly Gated[],
): (k: number) => readonly Line[] | null {
  const set = needlesOf(parsers);
  if (set === null) return () => null;
  const hits: number[][] = parsers.map(() => []);
  const lastHit = new Int32Array(parsers.length).fill(-1);
  let current = 0;
  const found = (tag: number): void => {
    if (lastHit[tag] === current) return;
    lastHit[tag] = current;
    hits[tag]?.push(current);
  };
  for (current = 0; current < lines.length; current++)
    set.scan((lines[current] as Line).text, found);
  return (k) => {
    const gate = parsers[k]?.gate;
    if (gate === undefined) return null;
    const mine = hits[k] ?? [];
    if (gate.whole === true) return mine.length > 0 ? lines : [];
    return windows(lines, withAlso(lines, mine, gate), gate);
  };
}

/** Every parser's view at once (see `dispatch`), for tests and tools. */
export function viewsOf(
  lines: readonly Line[],
  parsers: readonly Gated[],
): (readonly Line[] | null)[] {
  const view = dispatch(lines, parsers);
  return parsers.map((_, k) => view(k));
}

/** The needle hits merged with the lines `gate.also` asks for, in order. */
function withAlso(lines: readonly Line[], hits: readonly number[], gate: Gate): readonly number[] {
  const also = gate.also;
  if (also === undefined) return hits;
  const out: number[] = [];
  let h = 0;
  for (let i = 0; i < lines.length; i++) {
    if (hits[h] === i) {
      out.push(i);
      h++;
    } else if (also(lines[i] as Line)) out.push(i);
  }
  return out;
}

/** The needle lines with their context, each line once, in order. */
function windows(lines: readonly Line[], hits: readonly number[], gate: Gate): Line[] {
  const out: Line[] = [];
  let end = 0; // first index not yet taken
  for (const hit of hits) {
    const to = Math.min(lines.length, hit + gate.after + 1);
    if (to <= end) continue;
    for (let i = Math.max(end, hit - gate.before); i < to; i++) out.push(lines[i] as Line);
    end = to;
    if (gate.extend === undefined) continue;
    while (end < lines.length && gate.extend(lines[end] as Line)) out.push(lines[end++] as Line);
  }
  return out;
}
