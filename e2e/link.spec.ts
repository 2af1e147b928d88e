import { expect, test } from '@playwright/test';
import { answer, answerPath, fixture, paste } from './helpers.ts';

test('Copy link opened in a fresh browser shows the same step with the same history', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await answer(page, answerPath('ip.fragmentation'));
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const crumbs = await page
    .getByRole('navigation', { name: 'Your answers' })
    .getByRole('listitem')
    .allInnerTexts();

  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  await expect(fresh.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'ip.fragmentation');
  expect(
    await fresh
      .getByRole('navigation', { name: 'Your answers' })
      .getByRole('listitem')
      .allInnerTexts(),
  ).toEqual(crumbs);
  await other.close();
});

test('evidence applied from a paste is part of the link', async ({ page, browser }) => {
  await page.goto('./');
  await paste(page, fixture('cisco_ios/debug_crypto_ikev2/ike-sa-init-retransmit.txt'));
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ip.peer-unreachable',
  );
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(page.url());
  await expect(fresh.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ip.peer-unreachable',
  );
  await expect(fresh.getByRole('complementary', { name: 'Paste device output' })).toContainText(
    'carries findings from a paste',
  );
  await other.close();
});

test('reloading keeps the step', async ({ page }) => {
  await page.goto('./');
  await answer(page, ['Cisco IOS / IOS-XE', 'Cisco ASA']);
  const url = page.url();
  await page.reload();
  expect(page.url()).toBe(url);
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'setup.q.ike-version',
  );
});
