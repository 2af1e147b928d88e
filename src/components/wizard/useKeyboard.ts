/** Keyboard use: number keys pick answers, Backspace steps back, Escape leaves a text field. */
import { useEffect } from 'react';
import type { Context, KnowledgeNode } from '../../knowledge/schema.ts';
import { visibleAnswers } from '../../engine/walk/present.ts';
import type { WalkEvent } from '../../engine/walk/transition.ts';

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.tagName === 'TEXTAREA' ||
    t.tagName === 'INPUT' ||
    t.tagName === 'SELECT' ||
    t.isContentEditable);

/** Binds the wizard's keys while the page is shown. */
export function useKeyboard(
  node: KnowledgeNode,
  context: Context,
  steps: number,
  dispatch: (e: WalkEvent) => void,
): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape' && e.target instanceof HTMLElement) e.target.blur();
        return;
      }
      if (/^[1-9]$/.test(e.key)) {
        const pick = visibleAnswers(node, context)[Number(e.key) - 1];
        if (pick) {
          e.preventDefault();
          dispatch({ type: 'answer', index: pick.index });
        }
      } else if (e.key === 'Backspace' && steps > 0) {
        e.preventDefault();
        dispatch({ type: 'back', to: steps - 1 });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [node, context, steps, dispatch]);
}
