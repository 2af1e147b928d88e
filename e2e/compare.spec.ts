import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { fixture } from './helpers.ts';

// The issue's own case: an ASA with `set pfs` and AES-GMAC against an IOS router with AES-GCM and
// no PFS (fixtures/compare/asa-gmac-pfs-vs-ios-gcm, written from the vendors' configuration guides).
const ASA = fixture('compare/asa-gmac-pfs-vs-ios-gcm/a.cfg');
const IOS = fixture('compare/asa-gmac-pfs-vs-ios-gcm/b.cfg');

test('two pasted configurations show the GMAC/GCM and PFS mismatches with both sides’ lines and fixes', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('link', { name: 'Compare peers' }).click();
  await page.getByRole('textbox', { name: 'This peer' }).fill(ASA);
  await page.getByRole('textbox', { name: 'The other peer' }).fill(IOS);
  await page.getByRole('button', { name: 'Compare' }).click();

  const findings = page.getByRole('region', { name: 'Comparison findings' });
  await expect(findings).toContainText('ipsec.transform-mismatch');
  await expect(findings).toContainText('ipsec.pfs-mismatch');
  await expect(findings).toContainText('AES-GMAC');
  await expect(page.getByText('read as Cisco ASA')).toBeVisible();
  await expect(page.getByText('read as Cisco IOS / IOS-XE')).toBeVisible();

  const transform = findings.getByRole('listitem').filter({ hasText: 'ipsec.transform-mismatch' });
  await transform.getByRole('button', { name: /Show the lines/ }).click();
  await expect(
    page.getByRole('list', { name: 'This peer: the lines of this finding' }),
  ).toContainText('aes-gmac-256');
  await expect(
    page.getByRole('list', { name: 'The other peer: the lines of this finding' }),
  ).toContainText('esp-gcm 256');
  await expect(transform.getByRole('button', { name: /Copy the commands/ }).first()).toBeVisible();

  const pfs = findings.getByRole('listitem').filter({ hasText: 'ipsec.pfs-mismatch' });
  await expect(pfs).toContainText('set pfs');
  await pfs.getByRole('button', { name: 'Open in the wizard' }).click();
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ipsec.pfs-mismatch',
  );
  await expect(page.getByRole('complementary', { name: 'Paste device output' })).toContainText(
    'configuration comparison',
  );
});

test('a configuration that is not one says so and names the side', async ({ page }) => {
  await page.goto('./#/compare');
  await page.getByRole('textbox', { name: 'This peer' }).fill(ASA);
  await page.getByRole('textbox', { name: 'The other peer' }).fill('just some words\nnothing more');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByRole('alert')).toContainText('The other peer: Not recognised');
});

test('the compare, recent-cases and share views have no serious accessibility violations, light or dark', async ({
  page,
}) => {
  const scan = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  for (const dark of [false, true]) {
    await page.goto('./#/compare');
    if (dark) await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await page.getByRole('textbox', { name: 'This peer' }).fill(ASA);
    await page.getByRole('textbox', { name: 'The other peer' }).fill(IOS);
    await page.getByRole('button', { name: 'Compare' }).click();
    await page
      .getByRole('button', { name: /Show the lines/ })
      .first()
      .click();
    expect(await scan()).toEqual([]);
    await page.getByRole('button', { name: 'Open in the wizard' }).first().click();
    await page.getByText('Share this case').click();
    expect(await scan()).toEqual([]);
    await page.getByRole('link', { name: 'Recent cases' }).click();
    expect(await scan()).toEqual([]);
  }
});
