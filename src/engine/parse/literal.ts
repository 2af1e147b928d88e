/**
 * The longest piece of plain text a regular expression cannot match without, so a parser can
 * skip a line with one `includes` instead of running the expression. Conservative: when in
 * doubt (top-level alternation, unusual syntax) there is no literal and the expression runs.
 */

const ESCAPED_LITERAL = /[[\]().\\/:\-*+?{}|^$#%'"=,;<>!@& ]/;
const QUANTIFIER_MAY_SKIP = /^(?:\?|\*|\{0[,}])/;
const QUANTIFIER = /^(?:\+|\{\d+(?:,\d*)?\})\??/;

/** The longest required literal of at least `min` characters, lowercased for `i` patterns. */
export function requiredLiteral(re: RegExp, min = 3): string | null {
  return literalOfSource(re.source, re.flags, min);
}

/**
 * Literals of which every match holds at least one, lowercased: the longest required run, or the
 * literals of a required group's alternatives, or one per top-level alternative
 * (`/ISAKMP: |Old (?:State|Mode)/` → `['isakmp: ', 'old ']`); null when some alternative has none.
 */
export function anyLiterals(re: RegExp, min = 3): string[] | null {
  return literalSet(re.source, min, 0);
}

const MAX_DEPTH = 8;
// A group's opening that is not part of what it matches, or makes it optional: lookarounds.
const LOOKAROUND = /^\(\?<?[=!]/;
const GROUP_PREFIX = /^\((?:\?:|\?<[A-Za-z_]\w*>)?/;

function literalSet(src: string, min: number, depth: number): string[] | null {
  if (depth > MAX_DEPTH) return null;
  const alternatives = topLevelAlternatives(src);
  if (alternatives.length > 1) {
    const out: string[] = [];
    for (const alternative of alternatives) {
      const set = literalSet(alternative, min, depth + 1);
      if (set === null) return null;
      out.push(...set);
    }
    return [...new Set(out)];
  }
  // One sequence: its longest required run, or a required group's set, whichever is surer.
  let best: string[] | null = null;
  const consider = (set: string[] | null) => {
    if (set !== null && (best === null || shortest(set) > shortest(best))) best = set;
  };
  const run = literalOfSource(src, 'i', min);
  consider(run === null ? null : [run]);
  for (const inner of requiredGroups(src)) consider(literalSet(inner, min, depth + 1));
  return best;
}

const shortest = (set: readonly string[]) => Math.min(...set.map((t) => t.length));

/** The content of each top-level group that must match (not optional, not a lookaround). */
function requiredGroups(src: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = Math.max(i, skipBracket(src, i));
    else if (c === '(') {
      const close = skipBracket(src, i);
      if (close < 0) return out;
      const group = src.slice(i, close + 1);
      const after = src.slice(close + 1);
      if (!LOOKAROUND.test(group) && !QUANTIFIER_MAY_SKIP.test(after)) {
        const prefix = GROUP_PREFIX.exec(group)?.[0].length ?? 1;
        out.push(group.slice(prefix, -1));
      }
      i = close;
    }
  }
  return out;
}

/** The source split at its top-level `|` (not inside groups, classes or after a backslash). */
function topLevelAlternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(' || c === '[') {
      const close = skipBracket(src, i);
      if (close < 0) return [src]; // malformed: one alternative, which will find no literal
      i = close;
    } else if (c === '|') {
      out.push(src.slice(from, i));
      from = i + 1;
    }
  }
  out.push(src.slice(from));
  return out;
}

function literalOfSource(src: string, flags: string, min: number): string | null {
  const runs: string[] = [];
  let run = '';
  const end = () => {
    if (run.length > 0) runs.push(run);
    run = '';
  };
  for (let i = 0; i < src.length;) {
    const c = src[i] as string;
    if (c === '|') return null; // top-level alternation: nothing is required
    if (c === '(' || c === '[') {
      // Skip the group or class (its content may be optional or alternative).
      const close = skipBracket(src, i);
      if (close < 0) return null;
      end();
      i = close + 1;
      const q = QUANTIFIER.exec(src.slice(i)) ?? QUANTIFIER_MAY_SKIP.exec(src.slice(i));
      if (q) i += q[0].length;
      continue;
    }
    let literal: string | null = null;
    let width = 1;
    if (c === '\\') {
      const n = src[i + 1] ?? '';
      if (ESCAPED_LITERAL.test(n)) literal = n;
      width = 2;
      if (n === 'u' || n === 'x' || n === 'c' || n === 'k' || n === 'p' || n === 'P')
        return runs.length > 0 || run.length > 0 ? pick(runs, run, min, flags) : null;
    } else if (!'.^$*+?{}'.includes(c)) literal = c;
    const rest = src.slice(i + width);
    if (literal === null) {
      end();
      i += width;
      const q = QUANTIFIER.exec(rest) ?? QUANTIFIER_MAY_SKIP.exec(rest);
      if (q) i += q[0].length;
      continue;
    }
    if (QUANTIFIER_MAY_SKIP.test(rest)) {
      end(); // this character may be absent
      i += width + (QUANTIFIER_MAY_SKIP.exec(rest)?.[0].length ?? 0);
      continue;
    }
    const q = QUANTIFIER.exec(rest);
    run += literal;
    if (q) {
      end(); // required once, but what follows may repeat it
      i += width + q[0].length;
      continue;
    }
    i += width;
  }
  return pick(runs, run, min, flags);
}

function pick(runs: string[], run: string, min: number, flags: string): string | null {
  const all = run.length > 0 ? [...runs, run] : runs;
  const best = all.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (best.length < min) return null;
  return flags.includes('i') ? best.toLowerCase() : best;
}

function skipBracket(src: string, start: number): number {
  if (src[start] === '[') {
    for (let i = start + 1; i < src.length; i++) {
      if (src[i] === '\\') i++;
      else if (src[i] === ']') return i;
    }
    return -1;
  }
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      const close = skipBracket(src, i);
      if (close < 0) return -1;
      i = close;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
