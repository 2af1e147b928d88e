/**
 * The exchange ladder on the wizard page. Picking a message selects its lines
 * in the paste box (the text the ladder was drawn from) and lists them here.
 */
import { useState } from 'react';
import type { Ladder as LadderModel } from '../../engine/ladder/index.ts';
import { lineIndex } from '../../engine/parse/lineIndex.ts';
import { Ladder } from './Ladder.tsx';

/** Props: the ladder and the text it was drawn from. */
export function ExchangeSection({ ladder, text }: { ladder: LadderModel; text: string }) {
  const [selected, setSelected] = useState<readonly number[]>([]);
  const select = (lines: readonly number[]) => {
    setSelected(lines);
    const box = document.getElementById('paste');
    if (!(box instanceof HTMLTextAreaElement) || box.value !== text || lines.length === 0) return;
    const range = lineIndex(text).range(Math.min(...lines), Math.max(...lines));
    box.focus({ preventScroll: true });
    box.setSelectionRange(range.start, range.end);
    // Bring the selection into view: the box scrolls to the caret on focus in most browsers;
    // set it explicitly from the line's share of the text.
    box.scrollTop =
      (range.start / Math.max(1, text.length)) * box.scrollHeight - box.clientHeight / 3;
  };
  return (
    <section aria-label="IKE exchange" className="mt-6">
      <Ladder ladder={ladder} onSelect={select} selected={selected} />
      {selected.length > 0 && (
        <pre
          tabIndex={0}
          aria-label="Lines of the selected message"
          className="mt-2 max-h-40 overflow-auto rounded bg-sky-50 p-2 font-mono text-xs dark:bg-slate-800"
        >
          {selected
            .map((no) => `${String(no).padStart(5)}  ${lineIndex(text).line(no)}`)
            .join('\n')}
        </pre>
      )}
    </section>
  );
}
