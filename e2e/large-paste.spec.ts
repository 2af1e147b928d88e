/**
 * A capture of several megabytes: the page stays responsive while the worker reads it (progress,
 * a Cancel that works), shows it read-only, diagnoses it, and prepares the share panel in the
 * worker ("Preparing…", then the redacted report). Timings belong to `npm run bench`, not here.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { listFixtures } from '../fixtures/load.ts';
import { diagnose } from '../src/engine/diagnose.ts';

const MB = 1024 * 1024;

/** Cisco ASA debug captures (the fixtures) one after another, cut at `bytes`. */
function capture(bytes: number): string {
  const parts = listFixtures()
    .filter((f) => f.name.startsWith('cisco_asa/debug_'))
    .map((f) => f.txt);
  const out: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = parts[i % parts.length] ?? '';
    out.push(p);
    size += p.length + 1;
  }
  return out.join('\n').slice(0, bytes);
}

// 3 MB: long enough to read (about a second) that Cancel can be pressed while it runs.
const BIG = capture(3 * MB);
const LEAD = diagnose(BIG).findings[0]?.diagnosis;

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
// Reading 3 MB twice on 2 CI cores, with the share worker redacting it three times.
test.setTimeout(60_000);

/** A real paste: the text on the clipboard, Ctrl+V in the Device output box. */
async function pasteFromClipboard(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByRole('textbox', { name: 'Device output' }).focus();
  await page.keyboard.press('ControlOrMeta+V');
}

test('a large paste: progress with a working Cancel, shown read-only, then its diagnosis', async ({
  page,
}) => {
  expect(LEAD).toBeDefined();
  await page.goto('./');
  await pasteFromClipboard(page, BIG);
  const progress = page.getByRole('status').filter({ hasText: 'Reading the output…' });
  await expect(progress.getByRole('progressbar')).toBeVisible();
  // The page answers a click while the worker is busy.
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Analysis cancelled' })).toBeVisible();

  // The box shows the start of the paste and says so; the whole text stays for the analysis.
  const box = page.getByRole('textbox', { name: 'Device output' });
  await expect(page.getByText(/A large paste: 3\.0 MB in [\d,]+ lines/)).toBeVisible();
  await expect(box).not.toBeEditable();
  expect((await box.inputValue()).length).toBeLessThan(50_000);
  expect(BIG.startsWith(await box.inputValue())).toBe(true);

  // Pasting again (into the read-only box) replaces the paste and reads it to the end.
  await pasteFromClipboard(page, BIG);
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', LEAD ?? '', {
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: 'Findings' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Proving lines' }).locator('[data-evidence]').first(),
  ).toBeVisible();
  // A long capture's ladder is drawn in parts.
  await expect(page.getByRole('button', { name: /^Draw 60 more messages/ })).toBeVisible();
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});

test('the share panel on a large paste says Preparing… while the worker redacts, then shows the report', async ({
  page,
}) => {
  await page.goto('./');
  await pasteFromClipboard(page, BIG);
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', LEAD ?? '', {
    timeout: 30_000,
  });
  await page.getByText('Share this case').click();
  await expect(page.getByRole('status').filter({ hasText: 'Preparing…' })).toBeVisible();
  const preview = page.getByLabel('Proving lines as they will be shared');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Copy the report as Markdown' })).toBeVisible();
  await expect(preview).toContainText('123.123.123.123');

  // Masking on and straight off again: the worker is asked twice; the answer for the first
  // (masked) request must never replace the second.
  const mask = page.getByRole('checkbox', { name: /mask IP addresses/ });
  await mask.check();
  await mask.uncheck();
  await expect(preview).toContainText('123.123.123.123', { timeout: 30_000 });
  await page.waitForTimeout(1500);
  await expect(preview).not.toContainText('<ip-');

  await mask.check();
  await expect(page.getByRole('status').filter({ hasText: 'Preparing…' })).toBeVisible();
  await expect(preview).toContainText(/<ip-\d+>/, { timeout: 30_000 });
  await expect(preview).not.toContainText('123.123.123.123');
});
