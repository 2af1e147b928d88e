/**
 * Test support for the fuzzers (imported by `*.fuzz.test.ts` only, never by the app): hostile
 * text generators and the mutations applied to real fixtures. No Node APIs here, so the engine
 * tsconfig checks this file like any other engine file.
 */
import fc from 'fast-check';

/** Characters that break naive line handling: NUL, other C0/C1 controls, lone surrogates, odd breaks. */
export const NASTY_CHARS: readonly string[] = [
  '\0',
  '\x01',
  '\x07',
  '\b',
  '\t',
  '\v',
  '\f',
  '\r',
  '\n',
  '\r\n',
  '\x1b',
  '\x1b[31m',
  '\x7f',
  '\x85',
  '\x9b',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u200b',
  '\ufeff',
  '\ufffd',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\uffff',
];

/** Fragments that send parsers down their deeper paths: markers, numbers, addresses, separators. */
const TOKENS: readonly string[] = [
  'IKEv2',
  'IKEv1',
  'ISAKMP',
  'IPSEC',
  'crypto',
  'peer',
  'SA',
  'SPI',
  'MM_WAIT_MSG2',
  'QM_IDLE',
  'NO_PROPOSAL_CHOSEN',
  'AUTHENTICATION_FAILED',
  'Group 10.0.0.2',
  'IP = 192.0.2.1',
  '203.0.113.5',
  '2001:db8::1',
  '255.255.255.255',
  '0x',
  '00000000',
  ':',
  '::',
  ' = ',
  '%',
  '%CRYPTO-4-',
  '*Mar  1 00:00:01.123: ',
  'Apr 01 14:48:48 [IKEv1]',
  '2026-11-22T03:04:05Z ',
  '|',
  '---',
  '{',
  '}',
  '"',
  '\\',
  '<',
  '>',
  '#',
  '!',
  'edit "p1"',
  'set ',
  'next',
  'end',
  '  ',
];

/** One character or fragment of any kind: printable, control, surrogate, any code point, device word. */
export const anyPiece: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 4 }), weight: 4 },
  { arbitrary: fc.constantFrom(...NASTY_CHARS), weight: 3 },
  { arbitrary: fc.constantFrom(...TOKENS), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }), weight: 1 },
);

/** Arbitrary text built from `anyPiece`, short enough to run many times. */
export const hostileText = (maxPieces = 200): fc.Arbitrary<string> =>
  fc.array(anyPiece, { maxLength: maxPieces }).map((a) => a.join(''));

/** Text made of lines taken from real device output, interleaved with hostile pieces. */
export const deviceLikeText = (
  corpusLines: readonly string[],
  maxLines = 40,
): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...corpusLines), weight: 4 },
        {
          arbitrary: fc
            .tuple(fc.constantFrom(...corpusLines), fc.nat(), anyPiece)
            .map(
              ([l, at, p]) => l.slice(0, at % (l.length + 1)) + p + l.slice(at % (l.length + 1)),
            ),
          weight: 2,
        },
        { arbitrary: hostileText(20), weight: 1 },
      ),
      { maxLength: maxLines },
    )
    .chain((lines) => fc.constantFrom('\n', '\r\n', '\r').map((br) => lines.join(br)));

/** A line of about 100 KB built by repeating a unit (spaces, digits, a device word …). */
export function hugeLine(unit: string, size = 100_000): string {
  return unit.repeat(Math.ceil(size / Math.max(1, unit.length))).slice(0, size);
}

/** Units whose 100 KB repetition has hurt line parsers elsewhere: blanks, digits, separators, words. */
export const HUGE_UNITS: readonly string[] = [
  'a',
  ' ',
  '\t',
  '0',
  '1.',
  '0.0.0.',
  ':',
  'ab:',
  '=',
  ' = ',
  'x ',
  '"',
  '\\',
  '(',
  '[',
  '<',
  '0x00 ',
  'IKEv2 ',
  'SA ',
  '\0',
  '\ud800',
];

/** One change to a real paste. Numbers are folded into range when applied. */
export type Mutation =
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'duplicate'; readonly line: number; readonly times: number }
  | { readonly kind: 'shuffle'; readonly seed: number }
  | { readonly kind: 'drop'; readonly line: number }
  | { readonly kind: 'inject'; readonly at: number; readonly piece: string }
  | { readonly kind: 'huge-line'; readonly unit: string; readonly where: 'end' | 'middle' }
  | { readonly kind: 'line-breaks'; readonly to: '\r' | '\r\n' };

/** Any mutation, weighted towards the cheap ones. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('truncate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    line: fc.nat(),
    times: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer() }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), piece: anyPiece }),
  fc.record({
    kind: fc.constant('huge-line' as const),
    unit: fc.constantFrom(...HUGE_UNITS),
    where: fc.constantFrom('end' as const, 'middle' as const),
  }),
  fc.record({
    kind: fc.constant('line-breaks' as const),
    to: fc.constantFrom('\r' as const, '\r\n' as const),
  }),
);

const LINE_BREAK = /\r\n|\r|\n/; // "a\r\nb" → ["a", "b"]

/** A small deterministic generator (mulberry32) so a shuffle is reproduced by its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = random(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Applies one mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split(LINE_BREAK);
  const pick = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'duplicate': {
      const i = pick(m.line);
      const copies = Array.from({ length: m.times }, () => lines[i] ?? '');
      return [...lines.slice(0, i + 1), ...copies, ...lines.slice(i + 1)].join('\n');
    }
    case 'shuffle':
      return shuffled(lines, m.seed).join('\n');
    case 'drop': {
      const i = pick(m.line);
      return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
    }
    case 'inject': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.piece + text.slice(at);
    }
    case 'huge-line': {
      const big = hugeLine(m.unit);
      if (m.where === 'end') return `${text}\n${big}`;
      const i = pick(lines.length >> 1);
      return [...lines.slice(0, i), big, ...lines.slice(i)].join('\n');
    }
    case 'line-breaks':
      return lines.join(m.to);
  }
}

/** Applies mutations in order. */
export function mutateAll(text: string, ms: readonly Mutation[]): string {
  return ms.reduce(mutate, text);
}

/** The number of lines the engine sees in a text (CR, LF and CRLF all break; a final break adds none). */
export function lineCount(text: string): number {
  const parts = text.split(LINE_BREAK);
  return parts.length > 1 && parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
}
