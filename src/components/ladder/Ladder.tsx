/**
 * The IKE exchange ladder: initiator and responder lifelines, one arrow per message, where it
 * stopped. Renders what `buildLadder` decided; each message is a button that asks the page to
 * highlight its lines in the paste. A text version sits in a `<details>` below the drawing.
 */
import { useId, useMemo, useState } from 'react';
import type { Ladder as LadderModel, LadderMessage } from '../../engine/ladder/index.ts';
import { ladderToText } from '../../engine/ladder/index.ts';
import { Arrow } from './Arrow.tsx';
import {
  DRAWN_AT_ONCE,
  endCaption,
  firstMessages,
  fit,
  layout,
  messageWords,
  ROW,
  STOP_ROW,
  summary,
  W,
  X_INITIATOR,
  X_RESPONDER,
} from './geometry.ts';

/** Props of the ladder. */
export interface LadderProps {
  readonly ladder: LadderModel;
  /** Called with the paste lines of the message the user picked. */
  readonly onSelect?: (lines: readonly number[]) => void;
  /** Lines highlighted in the paste: a message whose lines are all in it is shown selected. */
  readonly selected?: readonly number[];
}

const isSelected = (m: LadderMessage, selected: readonly number[] | undefined): boolean =>
  selected !== undefined && m.lines.length > 0 && m.lines.every((l) => selected.includes(l));

/** The exchange ladder with its text alternative. */
export function Ladder({ ladder, onSelect, selected }: LadderProps) {
  const titleId = useId();
  const [drawn, setDrawn] = useState(DRAWN_AT_ONCE);
  const { rows, height } = useMemo(() => layout(firstMessages(ladder, drawn)), [ladder, drawn]);
  const text = useMemo(() => ladderToText(ladder), [ladder]);
  const notDrawn = ladder.messages.length - drawn;
  const said = summary(ladder);
  const pct = (v: number) => `${(v / height) * 100}%`;
  return (
    <figure className="my-3" aria-labelledby={titleId}>
      <figcaption id={titleId} className="text-sm font-semibold">
        IKE exchange
      </figcaption>
      <div className="relative mt-1">
        <svg
          viewBox={`0 0 ${W} ${height}`}
          role="img"
          aria-label={said}
          className="h-auto w-full text-slate-700 dark:text-slate-200 print:text-black!"
        >
          <title>{said}</title>
          <Lifeline x={X_INITIATOR} height={height} caption={endCaption('initiator', ladder)} />
          <Lifeline x={X_RESPONDER} height={height} caption={endCaption('responder', ladder)} />
          {rows.map((row) =>
            row.kind === 'message' ? (
              <Arrow
                key={`m${row.message.n}`}
                message={row.message}
                y={row.y}
                selected={isSelected(row.message, selected)}
              />
            ) : (
              <StopMark key="stop" y={row.y} ladder={ladder} />
            ),
          )}
        </svg>
        {rows.map((row) =>
          row.kind === 'message' ? (
            <button
              key={`b${row.message.n}`}
              type="button"
              aria-label={messageWords(row.message)}
              aria-pressed={isSelected(row.message, selected)}
              disabled={row.message.lines.length === 0}
              onClick={() => onSelect?.(row.message.lines)}
              style={{ top: pct(row.y), height: pct(ROW) }}
              className="absolute left-0 w-full cursor-pointer rounded hover:bg-slate-500/10 focus-visible:outline-2 focus-visible:outline-sky-600 disabled:cursor-default disabled:hover:bg-transparent"
            />
          ) : null,
        )}
      </div>
      {notDrawn > 0 && (
        <button
          type="button"
          onClick={() => setDrawn((n) => n + DRAWN_AT_ONCE)}
          className="mt-1 rounded border border-slate-300 px-2 py-0.5 text-sm dark:border-slate-600"
        >
          Draw {Math.min(notDrawn, DRAWN_AT_ONCE)} more messages ({notDrawn} not drawn yet; all are
          in the text version)
        </button>
      )}
      {ladder.stop && (
        <p className="mt-1 text-sm">
          <strong className="text-red-700 dark:text-red-400 print:text-black!">■ Stopped: </strong>
          {ladder.stop.reason}
          {ladder.stop.expected ? ` Expected next: ${ladder.stop.expected}.` : ''}
        </p>
      )}
      {!ladder.stop && ladder.complete && (
        <p className="mt-1 text-sm">✓ Complete: every expected message arrived.</p>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Text version of the exchange</summary>
        <pre className="overflow-x-auto font-mono text-xs whitespace-pre">{text}</pre>
      </details>
    </figure>
  );
}

/** A lifeline: the end's caption in a box, then a vertical line down the drawing. */
function Lifeline({
  x,
  height,
  caption,
}: {
  x: number;
  height: number;
  caption: { title: string; sub: string };
}) {
  return (
    <g>
      <rect
        x={x - 104}
        y={8}
        width={208}
        height={44}
        rx={6}
        fill="none"
        stroke="currentColor"
        strokeWidth={1.5}
      />
      <text x={x} y={27} fontSize={14} fontWeight={700} textAnchor="middle" fill="currentColor">
        {caption.title}
      </text>
      <text x={x} y={44} fontSize={11} textAnchor="middle" fill="currentColor">
        {fit(caption.sub, 28)}
      </text>
      <line
        x1={x}
        y1={52}
        x2={x}
        y2={height - 8}
        stroke="currentColor"
        strokeWidth={1}
        opacity={0.5}
      />
    </g>
  );
}

/** The stop marker: a band across both lifelines with what should have come next. */
function StopMark({ y, ladder }: { y: number; ladder: LadderModel }) {
  const stop = ladder.stop;
  if (stop === undefined) return null;
  const lineY = y + STOP_ROW / 2;
  const words = stop.expected ? `■ STOPPED — expected ${stop.expected}` : '■ STOPPED here';
  return (
    <g className="text-red-700 dark:text-red-400 print:text-black!" data-stop="true">
      <title>{stop.reason}</title>
      <line
        x1={X_INITIATOR - 40}
        y1={lineY}
        x2={X_RESPONDER + 40}
        y2={lineY}
        stroke="currentColor"
        strokeWidth={3}
        strokeDasharray="10 4"
      />
      <text
        x={(X_INITIATOR + X_RESPONDER) / 2}
        y={lineY - 8}
        fontSize={12}
        fontWeight={700}
        textAnchor="middle"
        fill="currentColor"
      >
        {fit(words, 64)}
      </text>
    </g>
  );
}
