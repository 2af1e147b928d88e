/**
 * Finding many short literals in a line at once: an Aho–Corasick automaton over ASCII, folded to
 * lower case, so one pass over a line tells which of hundreds of needles it holds. The dispatcher
 * uses it to hand each parser only the lines that can concern it.
 *
 * Each needle carries a tag (a parser's index); a scan reports the tags of the needles found.
 * Letters match in either case; a character outside ASCII never belongs to a needle.
 */

const ASCII = 128;

/** A compiled set of needles; `scan` reports the tags found in a text. */
export interface NeedleSet {
  /** Calls `found(tag)` for every needle in `text` (a tag may be reported more than once). */
  scan(text: string, found: (tag: number) => void): void;
  /** How many automaton states (for tests and the bench). */
  readonly states: number;
}

/** Compiles `needles` (text and tag); empty and non-ASCII needles are refused by returning null. */
export function compileNeedles(
  needles: readonly { readonly text: string; readonly tag: number }[],
): NeedleSet | null {
  const folded = needles.map((n) => ({ text: n.text.toLowerCase(), tag: n.tag }));
  if (folded.some((n) => n.text === '' || !isAscii(n.text))) return null;
  const classes = characterClasses(folded.map((n) => n.text));
  const width = classes.count;
  // The trie: `next[state * width + class]`, -1 for no edge yet.
  const next: number[] = new Array<number>(width).fill(-1);
  const tags: number[][] = [[]];
  let states = 1;
  for (const { text, tag } of folded) {
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = classes.of[text.charCodeAt(i)] ?? 0;
      const t = next[s * width + c] ?? -1;
      if (t >= 0) s = t;
      else {
        next[s * width + c] = states;
        for (let k = 0; k < width; k++) next.push(-1);
        tags.push([]);
        s = states++;
      }
    }
    tags[s]?.push(tag);
  }
  // Breadth-first: failure links turn the trie into a full transition table (a DFA), and each
  // state inherits the tags of its failure state.
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let c = 0; c < width; c++) {
    const t = next[c] ?? -1;
    if (t < 0) next[c] = 0;
    else queue.push(t);
  }
  for (let q = 0; q < queue.length; q++) {
    const s = queue[q] as number;
    const f = fail[s] as number;
    const inherited = tags[f] ?? [];
    if (inherited.length > 0) tags[s] = [...new Set([...(tags[s] ?? []), ...inherited])];
    for (let c = 0; c < width; c++) {
      const t = next[s * width + c] ?? -1;
      const via = next[f * width + c] ?? 0;
      if (t < 0) next[s * width + c] = via;
      else {
        fail[t] = via;
        queue.push(t);
      }
    }
  }
  const delta = new Int32Array(next);
  const out = tags.map((t) => Int32Array.from(new Set(t)));
  const hasOut = Uint8Array.from(out, (t) => (t.length > 0 ? 1 : 0));
  const classOf = classes.of;
  return {
    states,
    scan(text, found) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        s = delta[s * width + (code < ASCII ? (classOf[code] as number) : 0)] as number;
        if (hasOut[s] === 0) continue;
        const hit = out[s] as Int32Array;
        for (let k = 0; k < hit.length; k++) found(hit[k] as number);
      }
    },
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= ASCII) return false;
  return true;
}

/** Gives every character used by a needle a class of its own (both cases of a letter share it); class 0 is everything else. */
function characterClasses(texts: readonly string[]): { of: Uint8Array; count: number } {
  const of = new Uint8Array(ASCII);
  let count = 1;
  for (const text of texts)
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (of[code] !== 0) continue;
      of[code] = count;
      const upper = String.fromCharCode(code).toUpperCase().charCodeAt(0);
      if (upper !== code && upper < ASCII) of[upper] = count;
      count++;
    }
  return { of, count };
}
