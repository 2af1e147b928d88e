import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TREE } from '../../knowledge/tree.ts';
import { analyse } from '../diagnose.ts';
import { ladderToText } from '../ladder/index.ts';
import { INITIAL_STATE } from '../walk/state.ts';
import { transition } from '../walk/transition.ts';
import { assembleShare, prepareShare, redactForShare, type ShareInput } from './prepare.ts';

// The IKEv1 responder debug of seed 004 (via the fixture) below the keyring that holds the key,
// as users paste "show run" and the debug together; then unrelated lines nothing cites.
const DEBUG = readFileSync(
  new URL('../../../fixtures/cisco_ios/debug_crypto_isakmp/reserved-not-zero.txt', import.meta.url),
  'utf8',
);
const KEY = 'Sup3rS3cret-77';
const UNCITED = 'interface Loopback42 description never-cited-anywhere';
const PASTE = [
  'crypto keyring KR1',
  ` pre-shared-key address 192.168.0.2 key ${KEY}`,
  DEBUG,
  ...Array.from({ length: 500 }, () => UNCITED),
].join('\n');

function input(paste = PASTE): ShareInput {
  const a = analyse(paste);
  const state = transition(TREE, INITIAL_STATE, {
    type: 'evidence',
    findings: a.findings.map((f) => f.diagnosis),
    context: a.context,
  });
  return {
    tree: TREE,
    state,
    paste,
    findings: a.findings,
    ...(a.ladder ? { ladderText: ladderToText(a.ladder) } : {}),
    createdAt: '2026-11-22T03:00:00Z',
  };
}

describe('share in two halves (the paste is redacted in the worker)', () => {
  it('the redacted pieces carry only the cited lines, never the whole paste or a secret', () => {
    const redacted = redactForShare(input(), {});
    const json = JSON.stringify(redacted);
    expect(json).not.toContain(UNCITED);
    expect(json).not.toContain(KEY);
    expect(redacted.pasteLines.length).toBeGreaterThan(0);
    expect(redacted.pasteLines.length).toBeLessThan(60);
    expect(redacted.excerptLines.map((l) => l.text).join('\n')).toContain(
      'reserved not zero on ID payload!',
    );
  });

  it('assembling pieces that crossed to the page (structured clone) gives what prepareShare gives', () => {
    for (const mask of [false, true]) {
      const options = { addresses: mask, hostnames: mask };
      const whole = prepareShare(input(), options);
      const split = assembleShare(input(), structuredClone(redactForShare(input(), options)));
      expect(split).toEqual(whole);
      expect(split.markdown).toContain('auth.psk-mismatch');
      expect(split.markdown).not.toContain(KEY);
    }
  });

  it('masking numbers addresses across the proving lines and the ladder with one redactor', () => {
    const r = redactForShare(input(), { addresses: true });
    const labels = new Set(
      [...r.pasteLines.map((l) => l.text), r.ladderText ?? ''].flatMap(
        (t) => t.match(/<ip-\d+>/g) ?? [],
      ),
    );
    expect(labels.size).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain('192.168.0.2');
  });

  it('a link’s excerpt is redacted and counted only when the report shows it', () => {
    const state = transition(TREE, INITIAL_STATE, {
      type: 'evidence',
      findings: ['auth.psk-mismatch'],
      context: { platform: 'cisco-ios' },
    });
    const linkExcerpt = [{ no: 7, text: `crypto isakmp key ${KEY} address 10.0.0.1` }];
    const r = redactForShare({ linkExcerpt }, {});
    expect(r.fromPaste).toBe(false);
    expect(r.excerptLines[0]?.text).not.toContain(KEY);
    const shown = assembleShare({ tree: TREE, state, createdAt: 'x' }, r);
    expect(shown.report.removed['pre-shared-key']).toBe(1);
    const none = assembleShare({ tree: TREE, state: INITIAL_STATE, createdAt: 'x' }, r);
    expect(none.report.removed['pre-shared-key']).toBeUndefined();
  });
});
