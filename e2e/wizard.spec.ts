import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { answer, answerPath } from './helpers.ts';

const node = (page: Page) => page.locator('[data-node-id]');

test('walks from the first question to a diagnosis by answering', async ({ page }) => {
  await page.goto('./');
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.platform');
  await answer(page, answerPath('ip.peer-unreachable'));
  await expect(node(page)).toHaveAttribute('data-node-id', 'ip.peer-unreachable');
  await expect(page.getByRole('region', { name: 'Fix' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Sources' })).toBeVisible();
});

for (const leaf of [
  'ike.proposal-mismatch',
  'auth.psk-mismatch',
  'ipsec.transform-mismatch',
  'routing.missing-route',
]) {
  test(`reaches ${leaf} by answering`, async ({ page }) => {
    await page.goto('./');
    await answer(page, answerPath(leaf));
    await expect(node(page)).toHaveAttribute('data-node-id', leaf);
  });
}

test('the keyboard alone picks answers and steps back', async ({ page }) => {
  await page.goto('./');
  await page.keyboard.press('2'); // Cisco ASA
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.peer-platform');
  await page.keyboard.press('Backspace');
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.platform');
});

test('steps back to an earlier answer from the breadcrumbs, and restarts', async ({ page }) => {
  await page.goto('./');
  await answer(page, ['Cisco ASA', 'FortiGate', 'IKEv1']);
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.role');
  await page
    .getByRole('navigation', { name: 'Your answers' })
    .getByRole('button', { name: 'FortiGate' })
    .click();
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.peer-platform');
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.platform');
});

test('commands follow the platform chosen', async ({ page }) => {
  await page.goto('./');
  await answer(page, ['FortiGate']);
  const commands = page.getByRole('region', { name: 'Run this to answer' });
  await expect(commands.getByText('FortiGate', { exact: true })).toBeVisible();
  await expect(commands.getByRole('button', { name: /^Copy / }).first()).toBeVisible();
});

test('a damaged link says so and starts fresh', async ({ page }) => {
  await page.goto('./#/?s=1_AAZZZZZZ-');
  await expect(page.getByRole('alert')).toContainText('starting fresh');
  await expect(node(page)).toHaveAttribute('data-node-id', 'setup.q.platform');
  await page.goto('./#/?s=9_AB');
  await expect(page.getByRole('alert')).toContainText('newer version');
});

test('the wizard and a diagnosis page have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('./');
  const scan = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    );
  expect(await scan()).toEqual([]);
  await answer(page, answerPath('ip.fragmentation'));
  expect(await scan()).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  expect(await scan()).toEqual([]);
});

test('reference pages are searchable and link into the tree', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'IKEv1 states' }).click();
  await page.getByRole('searchbox', { name: 'Search states' }).fill('MM_WAIT_MSG2');
  await expect(page.getByRole('term').filter({ hasText: 'MM_WAIT_MSG2' }).first()).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
  await page.getByRole('link', { name: 'IKEv2 notifies' }).click();
  await page.getByRole('searchbox', { name: 'Search notifies' }).fill('TS_UNACCEPTABLE');
  await expect(page.getByRole('term').filter({ hasText: 'TS_UNACCEPTABLE' })).toBeVisible();
  expect(
    (await new AxeBuilder({ page }).analyze()).violations.filter(
      (v) => v.impact === 'serious' || v.impact === 'critical',
    ),
  ).toEqual([]);
  await page.getByRole('definition').first().getByRole('link').first().click();
  await expect(node(page)).toHaveAttribute('data-node-id', /^(ip|ike|auth|ipsec|routing)\./);
});
