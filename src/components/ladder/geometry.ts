/**
 * Where things go in the ladder drawing, and the words read out for it. Presentation only: what
 * the ladder says is decided by the engine (`engine/ladder`).
 */
import type { Ladder, LadderEnd, LadderMessage } from '../../engine/ladder/index.ts';

/** Drawing units (the SVG scales to its container). */
export const W = 640;
export const HEADER = 72;
export const ROW = 52;
export const STOP_ROW = 56;
export const X_INITIATOR = 110;
export const X_RESPONDER = 530;
/** Longest label drawn; the full text is in the tooltip and the text alternative. */
export const MAX_LABEL = 54;

/** Messages drawn at first: a long debug holds thousands, and each is an arrow and a button. */
export const DRAWN_AT_ONCE = 60;

/** The first `count` messages of the ladder, with the stop marker when it falls among them. */
export function firstMessages(ladder: Ladder, count: number): Ladder {
  if (ladder.messages.length <= count) return ladder;
  const { stop, ...rest } = ladder;
  const stopShown =
    stop !== undefined && (stop.afterMessage === null || stop.afterMessage <= count);
  return { ...rest, messages: ladder.messages.slice(0, count), ...(stopShown ? { stop } : {}) };
}

/** One row of the drawing: a message, or the stop marker. */
export type Row =
  | { readonly kind: 'message'; readonly y: number; readonly message: LadderMessage }
  | { readonly kind: 'stop'; readonly y: number };

/** The rows top to bottom and the drawing height. */
export function layout(ladder: Ladder): { rows: Row[]; height: number } {
  const rows: Row[] = [];
  let y = HEADER;
  const stopAfter = ladder.stop?.afterMessage;
  if (ladder.stop !== undefined && stopAfter === null) {
    rows.push({ kind: 'stop', y });
    y += STOP_ROW;
  }
  for (const message of ladder.messages) {
    rows.push({ kind: 'message', y, message });
    y += ROW;
    if (ladder.stop !== undefined && stopAfter === message.n) {
      rows.push({ kind: 'stop', y });
      y += STOP_ROW;
    }
  }
  return { rows, height: y + 16 };
}

/** A label cut to fit, with an ellipsis. */
export const fit = (text: string, max = MAX_LABEL): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

const endWords = (name: 'initiator' | 'responder', local: LadderEnd, peer: LadderEnd): string => {
  const end = local.role === name ? local : peer.role === name ? peer : undefined;
  const who = end === local ? 'this device' : end === peer ? 'the peer' : '';
  return [name, who, end?.address].filter((s) => s !== undefined && s !== '').join(', ');
};

/** The caption of an end's lifeline: role, then `this device` / `peer`, address, whether logged. */
export function endCaption(
  name: 'initiator' | 'responder',
  ladder: Ladder,
): { title: string; sub: string } {
  const { local, peer } = ladder;
  const end = local.role === name ? local : peer.role === name ? peer : undefined;
  const who =
    end === local ? 'this device' : end === peer ? (end.logged ? 'peer' : 'peer (no log)') : '';
  return {
    title: name,
    sub: [who, end?.address].filter((s) => s !== undefined && s !== '').join(' · '),
  };
}

/** The one-sentence summary screen readers hear for the drawing. */
export function summary(ladder: Ladder): string {
  const version =
    ladder.version === 'ikev1' ? 'IKEv1' : ladder.version === 'ikev2' ? 'IKEv2' : 'IKE';
  const ends = `${endWords('initiator', ladder.local, ladder.peer)} and ${endWords('responder', ladder.local, ladder.peer)}`;
  const count = `${ladder.messages.length} message${ladder.messages.length === 1 ? '' : 's'}`;
  const end = ladder.stop
    ? `stopped ${ladder.stop.afterMessage === null ? 'before any message' : `after message ${ladder.stop.afterMessage}`}: ${ladder.stop.reason}`
    : ladder.complete
      ? 'the exchange completed.'
      : 'no stop point found.';
  return `${version} exchange ladder, ${count} between ${ends}; ${end}`;
}

/** What a message button says. */
export function messageWords(m: LadderMessage): string {
  const parts = [
    `Message ${m.n}, ${m.from} to ${m.from === 'initiator' ? 'responder' : 'initiator'}: ${m.label}`,
    m.notify ? `notify ${m.notify}` : '',
    m.error ?? '',
    m.retransmits > 0 ? `retransmitted ${m.retransmits} times` : '',
    m.inferred ? 'inferred, not in the log' : '',
    m.lines.length > 0 ? 'show its lines in the paste' : '',
  ];
  return parts.filter((p) => p !== '').join('. ');
}
