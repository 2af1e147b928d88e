import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { fixture, paste } from './helpers.ts';

// An IKEv1 responder debug (seed 004, via the fixture) pasted below the configuration that holds
// the keys, as users paste "show run" and the debug together.
const KEY = 'Tr0ub4dor&3-xyzzy';
const KEY2 = 'Kr1ng-S3cret-42';
const PASTE = [
  'hostname R2',
  `crypto isakmp key ${KEY} address 192.168.0.2`,
  'crypto keyring KR1',
  ` pre-shared-key address 192.168.0.2 key ${KEY2}`,
  fixture('cisco_ios/debug_crypto_isakmp/reserved-not-zero.txt'),
].join('\n');

test('paste with keys → report in both formats and a link with the proving lines, no key anywhere', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await paste(page, PASTE);
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'auth.psk-mismatch');

  // The ladder shows where the exchange stopped; picking a message selects its lines in the paste.
  const exchange = page.getByRole('region', { name: 'IKE exchange' });
  await expect(exchange.getByRole('img')).toHaveAttribute('aria-label', /stopped after message 5/);
  await exchange.getByRole('button', { name: /MM5/ }).click();
  await expect(page.getByLabel('Lines of the selected message')).toContainText(
    'reserved not zero on ID payload!',
  );
  const selection = await page
    .getByRole('textbox', { name: 'Device output' })
    .evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selection).toContain('reserved not zero on ID payload!');

  await page.getByText('Share this case').click();
  const removed = page.getByRole('region', { name: 'What will be removed' });
  await expect(removed).toBeVisible();
  await expect(page.getByLabel('Proving lines as they will be shared')).toContainText(
    'reserved not zero on ID payload!',
  );

  // Markdown to the clipboard.
  await page.getByRole('button', { name: 'Copy the report as Markdown' }).click();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('auth.psk-mismatch');
  expect(markdown).toContain('reserved not zero on ID payload!');
  expect(markdown).toContain('## IKE exchange');

  // Both downloads.
  const [mdDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download Markdown report' }).click(),
  ]);
  const mdFile = readFileSync((await mdDownload.path()) as string, 'utf8');
  const [htmlDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download HTML report' }).click(),
  ]);
  const htmlPath = test.info().outputPath('report.html');
  await htmlDownload.saveAs(htmlPath);
  const html = readFileSync(htmlPath, 'utf8');
  expect(htmlDownload.suggestedFilename()).toBe('ipsec-triage-auth.psk-mismatch.html');

  // The link, with the excerpt.
  await page.getByRole('checkbox', { name: /Put the proving lines in the link/ }).check();
  await expect(page.getByText(/The link now carries \d+ redacted line/)).toBeVisible();
  await expect(page).toHaveURL(/[?&]e=1\./);
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());

  for (const leaving of [markdown, mdFile, html, link, decodeURIComponent(link)]) {
    expect(leaving).not.toContain(KEY);
    expect(leaving).not.toContain(KEY2);
  }

  // The HTML report opens on its own, offline, and shows the diagnosis.
  const offline = await browser.newContext({ offline: true });
  const reportPage = await offline.newPage();
  const requests: string[] = [];
  reportPage.on('request', (r) => requests.push(r.url()));
  await reportPage.goto(pathToFileURL(htmlPath).href);
  await expect(reportPage.getByRole('heading', { level: 1 })).toContainText('pre-shared keys');
  await expect(
    reportPage.locator('pre').filter({ hasText: 'reserved not zero on ID payload!' }),
  ).toBeVisible();
  expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  await offline.close();

  // A colleague opens the link elsewhere: same diagnosis, the proving lines, no paste needed.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'auth.psk-mismatch',
  );
  await expect(fresh.getByLabel('Proving lines from the link')).toContainText(
    'reserved not zero on ID payload!',
  );
  await other.close();
});

test('masking addresses replaces them with the same label everywhere', async ({ page }) => {
  await page.goto('./');
  await paste(page, PASTE);
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'auth.psk-mismatch');
  await page.getByText('Share this case').click();
  const preview = page.getByLabel('Proving lines as they will be shared');
  await expect(preview).toContainText('192.168.0.2');
  await page.getByRole('checkbox', { name: /mask IP addresses/ }).check();
  await expect(preview).not.toContainText('192.168.0.2');
  await expect(preview).toContainText('<ip-1>');
});

test('a damaged excerpt in a link is reported and the diagnosis still opens', async ({ page }) => {
  await page.goto('./#/?s=2_auth.psk-mismatch_ixxxp_auth.psk-mismatch&e=1.not-really-deflate');
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'auth.psk-mismatch');
  await expect(page.getByRole('alert')).toContainText('could not be read');
});

test('a diagnosed case is kept in Recent cases and reopens with its paste, or is deleted', async ({
  page,
}) => {
  await page.goto('./');
  await paste(page, PASTE);
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'auth.psk-mismatch');
  await page.getByRole('button', { name: 'Clear' }).click();
  await page.getByRole('link', { name: 'Recent cases' }).click();
  await page.getByRole('button', { name: /Open case: The pre-shared keys differ/ }).click();
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'auth.psk-mismatch');
  await expect(page.getByRole('textbox', { name: 'Device output' })).toHaveValue(PASTE);
  await page.getByRole('link', { name: 'Recent cases' }).click();
  await page.getByRole('button', { name: /Delete case: The pre-shared keys differ/ }).click();
  await expect(page.getByText('No cases yet.')).toBeVisible();
});
