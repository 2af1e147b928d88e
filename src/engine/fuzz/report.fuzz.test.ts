/**
 * Fuzzing what leaves the page (issue 7, item 4): `prepareShare` over real pastes with secrets
 * injected in each platform's syntax and with Markdown/HTML payload lines cited as evidence.
 * No secret may reach the Markdown, the HTML, the link excerpt or the report; the HTML holds no
 * script, event handler or script URL; pasted text stays inside Markdown code fences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFixtures } from '../../../fixtures/load.ts';
import type { DiagnosisId } from '../../knowledge/catalogue.ts';
import { TREE } from '../../knowledge/tree.ts';
import type { Finding } from '../classify/classify.ts';
import { diagnose } from '../diagnose.ts';
import { escapeHtml } from '../report/html.ts';
import { decodeExcerpt } from '../share/excerpt.ts';
import { prepareShare, type Shareable } from '../share/prepare.ts';
import { INITIAL_STATE } from '../walk/state.ts';
import { transition } from '../walk/transition.ts';

/** How a template writes its secret. */
type Form = 'word' | 'quoted' | 'xml' | 'hex';

interface Template {
  readonly form: Form;
  /** Lines with `{S}` where the secret goes; the last line holds it. */
  readonly text: string;
}

const T = (form: Form, text: string): Template => ({ form, text });

// One or two forms per platform, as fixtures/redact/ shows them.
const TEMPLATES: readonly Template[] = [
  T('word', 'crypto isakmp key {S} address 203.0.113.5'),
  T('word', 'crypto keyring KR\n pre-shared-key address 192.168.0.2 key {S}'),
  T('word', 'crypto ikev2 keyring KR\n peer A\n  address 10.10.10.1\n  pre-shared-key {S}'),
  T('word', 'snmp-server community {S} RO 10'),
  T('word', 'tunnel-group 10.0.0.2 ipsec-attributes\n ikev1 pre-shared-key {S}'),
  T('word', ' ikev2 remote-authentication pre-shared-key {S}'),
  T('quoted', 'config vpn ipsec phase1-interface\n    edit "p1"\n        set psksecret "{S}"'),
  T('word', '        set psksecret ENC {S}'),
  T('quoted', 'moon.strongswan.org sun.strongswan.org : PSK "{S}"'),
  T('quoted', 'secrets {\n    ike-1 {\n        secret = "{S}"'),
  T('quoted', '            pre-shared-key ascii-text "{S}"; ## SECRET-DATA'),
  T('quoted', 'set network ike gateway GW authentication pre-shared-key key "{S}"'),
  T('xml', '                  <key>{S}</key>'),
  T(
    'hex',
    '2016-05-26 07:49:06 ike 0:p1:14: ISAKMP SA 12f2cbed073d6dba/21c98f93c506f466 key 16:{S}',
  ),
  T('hex', '\tenc cbc(aes) 0x{S}'),
];

/** Templates whose line is a secret on its own (a link excerpt or ladder has no context lines). */
const ONE_LINE = TEMPLATES.filter((t) => !t.text.includes('\n'));

/** Pasted lines that would be Markdown or HTML if they escaped their fence or were not escaped. */
const PAYLOAD_LINES: readonly string[] = [
  '```',
  '````',
  '~~~',
  '[click](javascript:alert("Zq7m1"))',
  '<img src=x onerror=alert("Zq7m2")>',
  '<script>alert("Zq7m3")</script>',
  '</pre><script>alert("Zq7m4")</script>',
  `<a href="javascript:alert('Zq7m5')">x</a>`,
  '| Zq7m6 | cell |',
  '# Zq7m7 heading',
  '![Zq7m8](https://example.com/x.png)',
  '<svg onload=alert("Zq7m9")>',
  '```html Zq7m10',
  '    Zq7m11 indented',
  '<details open ontoggle=alert("Zq7m12")>',
];
const MARKER = 'Zq7m';

// No blanks, quotes or backslashes (one word in every syntax); `<`, `>` and `&` test escaping.
const SECRET_CHARS = [
  ...'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!@#$%^*()-_+=.,:;?/~[]{}|<>&',
];
const HEX = [...'0123456789ABCDEF'];
const secretFor = (form: Form): fc.Arbitrary<string> =>
  form === 'hex'
    ? fc.string({ unit: fc.constantFrom(...HEX), minLength: 32, maxLength: 64 })
    : fc
        .string({ unit: fc.constantFrom(...SECRET_CHARS), minLength: 8, maxLength: 24 })
        .filter((s) => new Set(s).size >= 4);

/** A template with its secret, as written in the paste. */
interface Planted {
  readonly template: Template;
  readonly secret: string;
}
const planted = (templates: readonly Template[]): fc.Arbitrary<Planted> =>
  fc
    .constantFrom(...templates)
    .chain((template) => secretFor(template.form).map((secret) => ({ template, secret })));

function embed({ template, secret }: Planted): string {
  const value =
    template.form === 'xml'
      ? secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      : secret;
  return template.text.replace('{S}', () => value);
}

/** Every way a secret could show up in the output: as is, as embedded, HTML-escaped. */
const formsOf = (p: Planted): string[] => {
  const embedded =
    p.template.form === 'xml' ? embed({ ...p, template: T('xml', '{S}') }) : p.secret;
  return [...new Set([p.secret, embedded, escapeHtml(p.secret), escapeHtml(embedded)])];
};

const NEUTRAL: Planted = { template: T('word', '{S}'), secret: 'Zq9xNeutral' };

/** The paste with blocks inserted after the given line positions; the lines each block occupies. */
function insertBlocks(
  text: string,
  blocks: readonly { at: number; lines: readonly string[] }[],
): { paste: string; cited: number[] } {
  const lines = text.split('\n');
  const cited: number[] = [];
  const sorted = [...blocks].sort(
    (a, b) => (a.at % (lines.length + 1)) - (b.at % (lines.length + 1)),
  );
  const out: string[] = [];
  let next = 0;
  for (const b of sorted) {
    const at = b.at % (lines.length + 1);
    out.push(...lines.slice(next, at));
    next = at;
    for (const l of b.lines) {
      out.push(l);
      cited.push(out.length);
    }
  }
  out.push(...lines.slice(next));
  return { paste: out.join('\n'), cited };
}

/** The paste's own findings plus one that cites the inserted lines, so they are in every output. */
function findingsFor(paste: string, cited: readonly number[]): Finding[] {
  const { findings } = diagnose(paste);
  const lines = paste.split('\n');
  const lead: DiagnosisId = findings[0]?.diagnosis ?? 'auth.psk-mismatch';
  const extra: Finding = {
    diagnosis: lead,
    stage: findings[0]?.stage ?? 'auth',
    confidence: 'high',
    evidence: cited.map((line) => ({ line, text: lines[line - 1] ?? '' })),
    rules: [{ name: 'fuzz', why: 'the fuzzer cites the inserted lines' }],
  };
  return [extra, ...findings];
}

function share(
  paste: string,
  findings: readonly Finding[],
  ladderText: string | undefined,
  options: { addresses: boolean; hostnames: boolean },
): Shareable {
  const state = transition(TREE, INITIAL_STATE, {
    type: 'evidence',
    findings: findings.map((f) => f.diagnosis),
    context: diagnose(paste).context,
  });
  return prepareShare(
    {
      tree: TREE,
      state,
      paste,
      findings,
      ...(ladderText === undefined ? {} : { ladderText }),
      createdAt: '2026-11-22T03:00:00Z',
    },
    options,
  );
}

/** Every text that leaves: Markdown, HTML, the report, the excerpt lines and the decoded link. */
function outgoing(s: Shareable): string[] {
  const decoded = s.excerpt ? decodeExcerpt(s.excerpt.encoded) : null;
  if (decoded && !decoded.ok) throw new Error(`own excerpt refused: ${decoded.problem}`);
  return [
    s.markdown,
    s.html,
    JSON.stringify(s.report),
    JSON.stringify(s.excerptLines),
    JSON.stringify(decoded?.excerpt.lines ?? []),
  ];
}

const leaks = (s: Shareable, secrets: readonly Planted[]): string[] =>
  secrets.flatMap((p) =>
    formsOf(p).flatMap((form) =>
      outgoing(s).some((t) => t.includes(form)) ? [`${p.template.text} → ${form}`] : [],
    ),
  );

// A fence opener: up to three spaces, then ``` or ~~~ (three or more). Sample: "   ````text"
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
// A fence closer: the same character, at least as many, nothing after. Sample: "```"
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;

/** Markdown lines outside code fences (CommonMark fences; a fence left open runs to the end). */
export function outsideFences(markdown: string): string[] {
  const out: string[] = [];
  let open: string | null = null;
  for (const line of markdown.split('\n')) {
    if (open === null) {
      const m = FENCE_OPEN.exec(line);
      if (m) open = m[1] ?? null;
      else out.push(line);
      continue;
    }
    const c = FENCE_CLOSE.exec(line);
    if (c && (c[1] ?? '')[0] === open[0] && (c[1] ?? '').length >= open.length) open = null;
  }
  return out;
}

const ALLOWED_TAGS = new Set(
  'html head meta title style body h1 h2 h3 p table tbody tr th td ol li strong em pre code span'.split(
    ' ',
  ),
);
// A tag with its name and attribute text. Sample: `<span class="muted">`
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g;
// An event handler attribute. Sample: ` onerror=alert(1)`
const ON_ATTRIBUTE = /(?:^|\s)on[a-z]+\s*=/i;
// A <pre> element and its content. Sample: "<pre>   12  text</pre>"
const PRE = /<pre>([^<]*)<\/pre>/g;

/** What would make the HTML report run code or show pasted text as markup. */
function htmlProblems(html: string): string[] {
  const out: string[] = [];
  if (/<script/i.test(html)) out.push('a <script');
  if (!html.includes(`content="default-src 'none'; style-src 'unsafe-inline'"`))
    out.push('no CSP meta');
  for (const [, name = '', attrs = ''] of html.matchAll(TAG)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) out.push(`tag <${name}>`);
    if (ON_ATTRIBUTE.test(attrs)) out.push(`event handler in <${name}${attrs}>`);
    if (/javascript:/i.test(attrs)) out.push(`script URL in <${name}${attrs}>`);
  }
  const outsidePre = html.replace(PRE, '');
  if (outsidePre.includes(MARKER)) out.push('pasted text outside <pre>');
  return out;
}

/** What would make the Markdown report render pasted text as Markdown or HTML. */
function markdownProblems(md: string): string[] {
  return outsideFences(md)
    .filter((l) => l.includes(MARKER))
    .map((l) => `outside a fence: ${l}`);
}

const FIXTURES = listFixtures();
const SAMPLE = new Map(FIXTURES.filter((_, i) => i % 3 === 0).map((f) => [f.name, f.txt]));
/** A sampled fixture by name (names keep counterexamples short). */
const fixtureName = fc.constantFrom(...SAMPLE.keys());
const textOf = (name: string): string => SAMPLE.get(name) ?? '';
const options = fc.record({ addresses: fc.boolean(), hostnames: fc.boolean() });
const payloadBlock = fc.shuffledSubarray([...PAYLOAD_LINES], { minLength: 3 });

describe('prepareShare on real pastes with secrets and payloads', () => {
  it('no secret reaches the Markdown, the HTML, the report or the link excerpt', () => {
    fc.assert(
      fc.property(
        fixtureName,
        fc.array(fc.tuple(planted(TEMPLATES), fc.nat()), { minLength: 1, maxLength: 4 }),
        planted(ONE_LINE),
        options,
        (name, plants, ladderSecret, opts) => {
          const fixture = { name, txt: textOf(name) };
          const blocks = plants.map(([p, at]) => ({ at, lines: embed(p).split('\n') }));
          const { paste, cited } = insertBlocks(fixture.txt, blocks);
          const secrets = [...plants.map(([p]) => p), ladderSecret];
          fc.pre(secrets.every((p) => formsOf(p).every((f) => !fixture.txt.includes(f))));
          // A secret the report would print anyway (knowledge text, a placeholder) proves nothing.
          const neutral = insertBlocks(
            fixture.txt,
            plants.map(([p, at]) => ({
              at,
              lines: embed({ ...p, secret: NEUTRAL.secret }).split('\n'),
            })),
          );
          const baseline = share(
            neutral.paste,
            findingsFor(neutral.paste, neutral.cited),
            'x',
            opts,
          );
          fc.pre(
            secrets.every((p) =>
              formsOf(p).every((f) => outgoing(baseline).every((t) => !t.includes(f))),
            ),
          );

          const s = share(paste, findingsFor(paste, cited), `ladder\n${embed(ladderSecret)}`, opts);
          expect(s.excerpt).not.toBeNull();
          // The cited secret lines were there to redact: something was removed from them.
          expect(s.removed.length).toBeGreaterThanOrEqual(plants.length);
          expect(leaks(s, secrets), fixture.name).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('pasted Markdown and HTML stay inert: fenced in Markdown, escaped in HTML', () => {
    fc.assert(
      fc.property(
        fixtureName,
        fc.array(fc.tuple(payloadBlock, fc.nat()), { minLength: 1, maxLength: 3 }),
        payloadBlock,
        options,
        (name, blocks, ladderLines, opts) => {
          const fixture = { name, txt: textOf(name) };
          const { paste, cited } = insertBlocks(
            fixture.txt,
            blocks.map(([lines, at]) => ({ at, lines })),
          );
          const s = share(paste, findingsFor(paste, cited), ladderLines.join('\n'), opts);
          expect(markdownProblems(s.markdown), fixture.name).toEqual([]);
          expect(htmlProblems(s.html), fixture.name).toEqual([]);
          // The lines really are in both reports (so the checks above are not vacuous).
          expect(s.markdown).toContain(MARKER);
          expect(s.html).toContain(MARKER);
          expect(s.html).toContain('&#60;');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lines carried by a link (no paste) are redacted again and stay inert', () => {
    fc.assert(
      fc.property(
        fc.array(planted(ONE_LINE), { minLength: 1, maxLength: 5 }),
        payloadBlock,
        options,
        (plants, payloads, opts) => {
          const texts = [...plants.map(embed), ...payloads];
          const linkExcerpt = texts.map((text, i) => ({ no: 10 + i * 3, text }));
          const state = transition(TREE, INITIAL_STATE, {
            type: 'evidence',
            findings: ['auth.psk-mismatch', 'ike.proposal-mismatch'],
            context: {},
          });
          const s = prepareShare(
            { tree: TREE, state, linkExcerpt, createdAt: '2026-11-22T03:00:00Z' },
            opts,
          );
          expect(leaks(s, plants)).toEqual([]);
          expect(markdownProblems(s.markdown)).toEqual([]);
          expect(htmlProblems(s.html)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the checks themselves', () => {
  it('see a fence closed early and markup left unescaped', () => {
    expect(
      markdownProblems('```\n   12  x\n```\n<img src=x onerror=alert("Zq7m2")>\n'),
    ).toHaveLength(1);
    expect(markdownProblems('````\n```\nZq7m1\n````\n')).toEqual([]);
    expect(htmlProblems('<pre><img src=x onerror=alert(1)></pre>')).toEqual(
      expect.arrayContaining(['tag <img>', 'event handler in <img src=x onerror=alert(1)>']),
    );
  });
});
