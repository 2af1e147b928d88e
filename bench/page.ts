/**
 * What the browser bench does on the page: log long tasks from the first script on, paste through
 * the clipboard and wait for the diagnosis, and time what a user does next with the paste there.
 */
import type { Page } from '@playwright/test';

/** One long task: start and duration in the page's `performance.now()` milliseconds. */
type Task = readonly [start: number, duration: number];

declare global {
  interface Window {
    __longTasks: Task[];
    __paste: { t0: number; shown: number };
  }
}

/** Logs every main-thread task over 50 ms (the Long Tasks API) from the page's start. */
export async function installLongTaskLog(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task that overlaps [from, to] (0 when none went over 50 ms). */
export function longestTask(tasks: readonly Task[], from: number, to: number): number {
  let longest = 0;
  for (const [start, duration] of tasks)
    if (start + duration >= from && start <= to) longest = Math.max(longest, duration);
  return longest;
}

const SETTLE_MS = 1000; // effects after the render (saving the case, the link) end well within it

/**
 * Puts `text` on the clipboard, presses Ctrl+V in the paste box and waits until the page shows
 * `expected` as the current step with its findings. Times from the paste event.
 */
export async function pasteAndWait(
  page: Page,
  text: string,
  expected: string,
): Promise<{ shownMs: number; longestMs: number }> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.evaluate((want) => {
    const w = (window.__paste = { t0: 0, shown: 0 });
    document.addEventListener('paste', () => (w.t0 = performance.now()), {
      capture: true,
      once: true,
    });
    // No named function in here: tsx would wrap it in a helper the page does not have.
    const observer = new MutationObserver(() => {
      const step = document.querySelector('[data-node-id]')?.getAttribute('data-node-id');
      if (w.t0 === 0 || step !== want || !document.querySelector('[aria-label="Findings"]')) return;
      w.shown = performance.now();
      observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  }, expected);
  await page.getByRole('textbox', { name: 'Device output' }).focus();
  await page.keyboard.press('ControlOrMeta+V');
  await page.waitForFunction(() => window.__paste.shown > 0, null, {
    timeout: 180_000,
    polling: 100,
  });
  await page.waitForTimeout(SETTLE_MS);
  return page.evaluate(
    ({ settle }) => {
      const { t0, shown } = window.__paste;
      let longest = 0;
      for (const [start, duration] of window.__longTasks)
        if (start + duration >= t0 && start <= shown + settle)
          longest = Math.max(longest, duration);
      return { shownMs: shown - t0, longestMs: longest };
    },
    { settle: SETTLE_MS },
  );
}

/** The longest task from just before `action` until it has settled. */
async function longestDuring(page: Page, action: () => Promise<void>): Promise<number> {
  const from = await page.evaluate(() => performance.now());
  await action();
  await page.waitForTimeout(SETTLE_MS);
  const { tasks, to } = await page.evaluate(() => ({
    tasks: window.__longTasks,
    to: performance.now(),
  }));
  return longestTask(tasks, from, to);
}

/** What a user does next, each with the longest task it cost (null: not possible here). */
export interface Actions {
  /** Typing a line at the end of the box (a large paste is shown read-only: null). */
  readonly typing: number | null;
  /** Jumping to the second finding and back to the first. */
  readonly walking: number;
  /** Opening the share panel until its report is ready. */
  readonly share: number;
}

/** With a paste on the page: type in the box, walk to another finding and back, open the share panel. */
export async function timeActions(page: Page): Promise<Actions> {
  const box = page.getByRole('textbox', { name: 'Device output' });
  const typing = (await box.isEditable())
    ? await longestDuring(page, async () => {
        await box.focus();
        await page.keyboard.press('ControlOrMeta+End');
        await page.keyboard.type('\nshow crypto', { delay: 60 });
      })
    : null;
  const findings = page.getByRole('region', { name: 'Findings' }).getByRole('button');
  const step = page.locator('[data-node-id]');
  const walking = await longestDuring(page, async () => {
    const first = await step.getAttribute('data-node-id');
    await findings.nth(1).click();
    await page.waitForFunction(
      (was) => document.querySelector('[data-node-id]')?.getAttribute('data-node-id') !== was,
      first,
    );
    await findings.nth(0).click();
    await page.waitForFunction(
      (was) => document.querySelector('[data-node-id]')?.getAttribute('data-node-id') === was,
      first,
    );
  });
  const share = await longestDuring(page, async () => {
    await page.getByText('Share this case').click();
    await page
      .getByRole('button', { name: 'Copy the report as Markdown' })
      .waitFor({ timeout: 60_000 });
  });
  return { typing, walking, share };
}
