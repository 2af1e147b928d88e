/** Shared helpers for the end-to-end tests. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import type { Context, NodeId } from '../src/knowledge/schema.ts';
import { TREE } from '../src/knowledge/tree.ts';
import { withAnswer } from '../src/engine/walk/resolve.ts';
import { visibleAnswers } from '../src/engine/walk/present.ts';

/** A fixture's text, read from the project's fixtures. */
export const fixture = (path: string): string =>
  readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

/**
 * The answer labels that lead from the root to `target`, shortest first: a breadth-first search
 * over (node, context), following only the answers the page shows in that context.
 */
export function answerPath(target: string): string[] {
  type Entry = { id: string; context: Context; labels: string[] };
  const queue: Entry[] = [{ id: TREE.root, context: {}, labels: [] }];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { id, context, labels } = queue.shift() as Entry;
    if (id === target) return labels;
    const key = `${id}|${JSON.stringify(context)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const node = TREE.nodes.get(id as NodeId);
    if (!node) continue;
    for (const { answer } of visibleAnswers(node, context)) {
      queue.push({
        id: answer.next,
        context: withAnswer(context, answer),
        labels: [...labels, answer.label],
      });
    }
  }
  throw new Error(`${target} is not reachable by answering`);
}

/** Answers questions by clicking the buttons with these labels, as a user would. */
export async function answer(page: Page, labels: readonly string[]): Promise<void> {
  for (const label of labels) {
    const step = page.locator('[data-node-id]');
    const before = await step.getAttribute('data-node-id');
    // Answers sit in the "Your answer" group; a healthy gate's "continue" button in the step itself.
    await step.getByRole('button', { name: label, exact: true }).first().click();
    await expect(step).not.toHaveAttribute('data-node-id', before ?? '');
  }
}

/** Pastes text into the Device output box the way a user does. */
export async function paste(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Device output' });
  await box.focus();
  await page.evaluate((t) => {
    const el = document.activeElement as HTMLTextAreaElement;
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    // React listens for the paste event; the browser's default action inserts the text.
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, text);
  await box.fill(text);
  await page.getByRole('button', { name: 'Diagnose' }).click();
}
