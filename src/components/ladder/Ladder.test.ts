/** The ladder renders what the engine decided: one button per message, markers in words, a text version. */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parse } from '../../engine/diagnose.ts';
import { buildLadder } from '../../engine/ladder/index.ts';
import { Ladder } from './Ladder.tsx';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const render = (path: string, selected?: readonly number[]) =>
  renderToStaticMarkup(
    createElement(Ladder, {
      ladder: buildLadder(parse(readFileSync(`${FIXTURES}${path}.txt`, 'utf8'))),
      ...(selected ? { selected } : {}),
    }),
  );

describe('Ladder', () => {
  it('is an image with a summary, and a button per message', () => {
    const html = render('cisco_asa/debug_crypto_ikev1/dev-005-no-proposal-chosen');
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="IKEv1 exchange ladder, 2 messages/);
    expect(html.match(/<button/g)?.length).toBe(2);
    // MM1 is inferred: dashed, said in words, and it has no line to show.
    expect(html).toContain('stroke-dasharray="6 5"');
    expect(html).toContain('inferred, not in the log');
    expect(html).toMatch(/<button[^>]*aria-label="Message 1,[^"]*"[^>]*disabled=""/);
    // The notify: its own colour and a text marker.
    expect(html).toContain('text-red-700');
    expect(html).toContain('⚠ INFORMATIONAL');
    expect(html).toContain('notify NO_PROPOSAL_CHOSEN');
    // The stop marker and the text version.
    expect(html).toContain('data-stop="true"');
    expect(html).toContain('STOPPED — expected MM2 from the responder');
    expect(html).toContain('<details');
    expect(html).toContain('1  initiator → responder  MM1  SA (proposals)');
  });

  it('marks retransmissions with ×n', () => {
    const html = render('cisco_ios/debug_crypto_isakmp/messy-mm1-retransmit');
    expect(html).toContain('×3');
    expect(html).toContain('retransmitted 3 times');
  });

  it('shows the message whose lines are selected as pressed', () => {
    const html = render('cisco_ios/debug_crypto_isakmp/main-mode-success', [5]);
    expect(html.match(/aria-pressed="true"/g)?.length).toBe(1);
    expect(html).toMatch(/aria-label="Message 1,[^"]*" aria-pressed="true"/);
    expect(html).toContain('Complete: every expected message arrived');
  });

  it('draws the first 60 messages of a long capture, says how many more, keeps all in the summary', () => {
    // A 10 MB debug gave 3,082 messages: drawing them all blocked the page for half a second.
    const base = buildLadder(
      parse(readFileSync(`${FIXTURES}cisco_ios/debug_crypto_isakmp/main-mode-success.txt`, 'utf8')),
    );
    const first = base.messages[0];
    if (!first) throw new Error('the fixture has no message');
    const ladder = {
      ...base,
      messages: Array.from({ length: 150 }, (_, i) => ({ ...first, n: i + 1 })),
    };
    const html = renderToStaticMarkup(createElement(Ladder, { ladder }));
    expect(html.match(/aria-label="Message \d+,/g)?.length).toBe(60);
    expect(html).toContain('Draw 60 more messages (90 not drawn yet');
    expect(html).toMatch(/aria-label="IKEv1 exchange ladder, 150 messages/);
    expect(html).toContain('150  initiator → responder');
  });
});
