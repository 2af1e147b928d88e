/**
 * The ladder as plain text: one line per message, then where it stopped. The text alternative
 * of the drawing, and what `cli` prints.
 */
import type { Ladder, LadderEnd, LadderMessage } from './types.ts';

const ARROW = { initiator: 'initiator → responder', responder: 'responder → initiator' } as const;

/** One line for a message: `1  initiator → responder  MM1  SA (proposals)`. */
export function messageLine(m: LadderMessage): string {
  const notes = [
    m.retransmits > 0 ? `retransmitted ×${m.retransmits}` : '',
    m.error ?? '',
    m.inferred ? 'inferred, not in the log' : '',
    m.seenBy.length === 2 ? 'seen by both' : '',
    m.state ? `state ${m.state}` : '',
  ].filter((s) => s !== '');
  return `${m.n}  ${ARROW[m.from]}  ${m.label}${notes.length > 0 ? `  [${notes.join('; ')}]` : ''}`;
}

const endText = (name: string, e: LadderEnd): string =>
  `${name}: ${e.role}${e.address ? ` ${e.address}` : ''}${e.logged ? '' : ' (no log)'}`;

/** The whole ladder as text. */
export function ladderToText(ladder: Ladder): string {
  const head = `IKE ${ladder.version === 'unknown' ? '(version unknown)' : ladder.version === 'ikev1' ? 'v1' : 'v2'} — ${endText('this device', ladder.local)}; ${endText('peer', ladder.peer)}`;
  const body = ladder.messages.map(messageLine);
  const stop = ladder.stop;
  const tail = stop
    ? `stopped${stop.afterMessage === null ? ' before any message' : ` after message ${stop.afterMessage}`}: ${stop.reason}${stop.expected ? ` Expected next: ${stop.expected}.` : ''}`
    : ladder.complete
      ? 'complete: every expected message arrived.'
      : 'no IKE messages found.';
  return [head, ...body, tail].join('\n');
}
