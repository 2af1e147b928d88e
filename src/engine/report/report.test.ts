import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TREE } from '../../knowledge/tree.ts';
import { diagnose } from '../diagnose.ts';
import { INITIAL_STATE } from '../walk/state.ts';
import { transition } from '../walk/transition.ts';
import { buildCase, type TextRedactor } from './case.ts';
import { toHtml } from './html.ts';
import { toMarkdown, fence } from './markdown.ts';

// Source: fixtures/cisco_ios/debug_crypto_isakmp/reserved-not-zero.txt (seed 004), with the
// keyring configuration a user typically pastes above the debug.
const DEBUG = readFileSync(
  new URL('../../../fixtures/cisco_ios/debug_crypto_isakmp/reserved-not-zero.txt', import.meta.url),
  'utf8',
);
const PASTE = `crypto keyring KR1\n pre-shared-key address 192.168.0.2 key Sup3rS3cret\n${DEBUG}`;

/** A stand-in redactor for the report's own tests: removes one known key, counts it. */
const fake: TextRedactor = {
  redact: (text) => {
    const hits = text.split('Sup3rS3cret').length - 1;
    return {
      text: text.replaceAll('Sup3rS3cret', '<psk>'),
      redactions: Array.from({ length: hits }, () => ({ kind: 'pre-shared-key' })),
    };
  },
};

function caseFor(paste: string) {
  const result = diagnose(paste);
  const state = transition(TREE, INITIAL_STATE, {
    type: 'evidence',
    findings: result.findings.map((f) => f.diagnosis),
    context: result.context,
  });
  return buildCase(
    { tree: TREE, state, paste, findings: result.findings, createdAt: '2026-11-22T03:00:00Z' },
    fake,
  );
}

describe('case report', () => {
  it('holds the diagnosis, its proving lines, the fix and the commands', () => {
    const report = caseFor(PASTE);
    expect(report.current).toMatchObject({ id: 'auth.psk-mismatch', kind: 'diagnosis' });
    const lead = report.findings[0];
    expect(lead?.id).toBe('auth.psk-mismatch');
    expect(lead?.lines.map((l) => l.no)).toContain(5); // "reserved not zero on ID payload!"
    expect(lead?.lines.find((l) => l.no === 5)?.text).toContain('reserved not zero on ID payload!');
    expect(report.diagnosis?.fix.length).toBeGreaterThan(0);
    expect(report.context.find((c) => c.label === 'This device')?.value).toBe('Cisco IOS / IOS-XE');
    const md = toMarkdown(report);
    expect(md).toContain('auth.psk-mismatch');
    expect(md).toContain('## Fix'.replace('##', '###'));
    expect(md).toContain('reserved not zero on ID payload!');
    expect(md).toContain('Created 2026-11-22T03:00:00Z');
  });

  it('takes evidence lines from the redacted paste only', () => {
    const withKeyInEvidence = `${PASTE}\n*Jul 16 20:21:25.317: ISAKMP: key Sup3rS3cret reserved not zero on ID payload!`;
    const report = caseFor(withKeyInEvidence);
    for (const text of [toMarkdown(report), toHtml(report), JSON.stringify(report)])
      expect(text).not.toContain('Sup3rS3cret');
    expect(report.removed['pre-shared-key']).toBeGreaterThan(0);
  });

  it('keeps pasted Markdown inert inside a fence no line can close', () => {
    expect(fence('a ``` b ```` c')).toMatch(/^`{5}\n[\s\S]*\n`{5}$/);
    const hostile = `${PASTE}\n*Jul 16 20:21:25.317: ISAKMP: reserved not zero on ID payload! \`\`\`\`\` [click](javascript:alert(1)) <img src=x onerror=alert(1)>`;
    const md = toMarkdown(caseFor(hostile));
    // CommonMark: a fence closes only on a line of at least as many backticks and nothing else.
    let fenceOpen: string | null = null;
    let hostileSeen = 0;
    for (const line of md.split('\n')) {
      const f = /^ {0,3}(`{3,})\s*$/.exec(line)?.[1] ?? /^ {0,3}(`{3,})/.exec(line)?.[1];
      if (fenceOpen === null && f) fenceOpen = f;
      else if (
        fenceOpen !== null &&
        f &&
        /^ {0,3}`+\s*$/.test(line) &&
        f.length >= fenceOpen.length
      )
        fenceOpen = null;
      else if (line.includes('javascript:') || line.includes('<img')) {
        expect(fenceOpen).not.toBeNull();
        hostileSeen += 1;
      }
    }
    expect(hostileSeen).toBeGreaterThan(0);
  });

  it('writes a standalone HTML file with no script, no outside resource and escaped text', () => {
    const hostile = `${PASTE}\n*Jul 16 20:21:25.317: ISAKMP: reserved not zero on ID payload! <script>alert(1)</script>`;
    const html = toHtml(caseFor(hostile));
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).not.toMatch(/\b(?:src|href)=/i);
  });

  it('reports a walk without evidence: the answers and the question it stopped at', () => {
    const state = transition(TREE, INITIAL_STATE, { type: 'answer', index: 0 });
    const report = buildCase({ tree: TREE, state }, fake);
    expect(report.answers).toHaveLength(1);
    expect(report.findings).toEqual([]);
    expect(toMarkdown(report)).toContain('Where the walk stopped');
  });

  it('shows a link excerpt as the lead finding’s lines, redacted', () => {
    const state = transition(TREE, INITIAL_STATE, {
      type: 'evidence',
      findings: ['auth.psk-mismatch'],
      context: { platform: 'cisco-ios' },
    });
    const report = buildCase(
      { tree: TREE, state, excerpt: [{ no: 7, text: 'key Sup3rS3cret here' }] },
      fake,
    );
    expect(report.findings[0]?.lines).toEqual([{ no: 7, text: 'key <psk> here' }]);
  });
});
