/** One message of the ladder drawn as an arrow between the lifelines. */
import type { LadderMessage } from '../../engine/ladder/index.ts';
import { fit, ROW, X_INITIATOR, X_RESPONDER } from './geometry.ts';

// Colours come from text classes through `currentColor`: readable on light, dark and paper.
const TONE = {
  plain: 'text-slate-700 dark:text-slate-200 print:text-black!',
  notify: 'text-red-700 dark:text-red-400 print:text-red-800!',
  error: 'text-amber-700 dark:text-amber-400 print:text-amber-900!',
} as const;

const HEAD = 9;

/** The arrow of one message, its label above and its markers. */
export function Arrow({
  message,
  y,
  selected,
}: {
  message: LadderMessage;
  y: number;
  selected: boolean;
}) {
  const rightward = message.from === 'initiator';
  const x1 = rightward ? X_INITIATOR : X_RESPONDER;
  const x2 = rightward ? X_RESPONDER : X_INITIATOR;
  const dir = rightward ? 1 : -1;
  const lineY = y + ROW / 2 + 6;
  const tone = message.notify ? TONE.notify : message.error ? TONE.error : TONE.plain;
  // A text marker beside the colour: colour is never the only sign.
  const marker = message.notify ? '⚠ ' : message.error ? '✗ ' : '';
  const mid = (X_INITIATOR + X_RESPONDER) / 2;
  return (
    <g className={tone} data-n={message.n} opacity={message.inferred ? 0.75 : 1}>
      <title>{message.label}</title>
      {selected && (
        <rect
          x={X_INITIATOR - 20}
          y={y + 2}
          width={X_RESPONDER - X_INITIATOR + 40}
          height={ROW - 4}
          rx={6}
          className="fill-sky-100 dark:fill-sky-950 print:fill-transparent!"
        />
      )}
      <text x={8} y={lineY + 4} fontSize={11} fill="currentColor" className="font-mono">
        {message.n}
      </text>
      <text
        x={mid}
        y={lineY - 9}
        fontSize={12}
        textAnchor="middle"
        fill="currentColor"
        className="font-mono"
      >
        {fit(`${marker}${message.label}`)}
      </text>
      <line
        x1={x1}
        y1={lineY}
        x2={x2 - dir * HEAD}
        y2={lineY}
        stroke="currentColor"
        strokeWidth={selected ? 3 : 2}
        strokeDasharray={message.inferred ? '6 5' : undefined}
      />
      <path
        d={`M ${x2} ${lineY} L ${x2 - dir * HEAD} ${lineY - 5} L ${x2 - dir * HEAD} ${lineY + 5} Z`}
        fill="currentColor"
      />
      {message.retransmits > 0 && (
        <text
          x={x1 + dir * 6}
          y={lineY + 15}
          fontSize={11}
          textAnchor={rightward ? 'start' : 'end'}
          fill="currentColor"
          fontWeight={700}
        >
          {`×${message.retransmits}`}
        </text>
      )}
      {(message.inferred || message.error || message.seenBy.length === 2) && (
        <text
          x={mid}
          y={lineY + 15}
          fontSize={10}
          textAnchor="middle"
          fill="currentColor"
          fontStyle="italic"
        >
          {[
            message.error,
            message.inferred ? 'inferred, not in the log' : '',
            message.seenBy.length === 2 ? 'in both logs' : '',
          ]
            .filter((s) => s)
            .join(' · ')}
        </text>
      )}
    </g>
  );
}
