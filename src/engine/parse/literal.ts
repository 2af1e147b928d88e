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
  const src = re.source;
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
        return runs.length > 0 || run.length > 0 ? pick(runs, run, min, re) : null;
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
  return pick(runs, run, min, re);
}

function pick(runs: string[], run: string, min: number, re: RegExp): string | null {
  const all = run.length > 0 ? [...runs, run] : runs;
  const best = all.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (best.length < min) return null;
  return re.flags.includes('i') ? best.toLowerCase() : best;
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
