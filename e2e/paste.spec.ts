import { expect, test } from '@playwright/test';
import { fixture, paste } from './helpers.ts';

test('pasting the IKEv2 retransmission case lands on ip.peer-unreachable with its lines marked', async ({
  page,
}) => {
  await page.goto('./');
  await paste(page, fixture('cisco_ios/debug_crypto_ikev2/ike-sa-init-retransmit.txt'));
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ip.peer-unreachable',
  );
  const proof = page.getByRole('region', { name: 'Proving lines' });
  await expect(
    proof.locator('[data-evidence]').filter({ hasText: 'Retransmitting packet' }).first(),
  ).toBeVisible();
  await expect(
    proof.locator('[data-evidence]').filter({ hasText: 'IKE_SA_INIT Exchange REQUEST' }).first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Recognised' })).toContainText(
    'cisco-ios-debug-crypto-ikev2',
  );
});

test('pasting the RECVD_PKT_NOT_IPSEC syslog line lands on the crypto map diagnosis', async ({
  page,
}) => {
  await page.goto('./');
  await paste(page, fixture('cisco_ios/syslog/recvd-pkt-not-ipsec.txt'));
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ip.crypto-map-wrong-interface',
  );
});

test('text that is not device output is reported, not guessed at', async ({ page }) => {
  await page.goto('./');
  await paste(page, 'hello\nthis is not a router');
  await expect(page.getByRole('region', { name: 'Recognised' })).toContainText(
    'Nothing in this text was recognised',
  );
  await expect(page.locator('[data-node-id]')).toHaveAttribute('data-node-id', 'setup.q.platform');
});

test('the draft survives a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('textbox', { name: 'Device output' }).fill('show crypto isakmp sa');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Device output' })).toHaveValue(
    'show crypto isakmp sa',
  );
});

test('pasted HTML is shown as text, never run', async ({ page }) => {
  let dialog = false;
  page.on('dialog', (d) => {
    dialog = true;
    void d.dismiss();
  });
  await page.goto('./');
  await paste(
    page,
    "<img src=x onerror=alert(1)>\n%CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. <script>alert(2)</script> src_addr= 192.168.1.2, prot= 1",
  );
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ip.crypto-map-wrong-interface',
  );
  expect(dialog).toBe(false);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('a messy ASA debug crypto ikev1 capture, prompts and all, names the root cause with the ASA fix', async ({
  page,
}) => {
  // The dev-003 capture (INVALID_COOKIE) as an engineer pastes it: prompt, echoed command,
  // CRLF line ends, a reader's note, and the last message wrapped by the terminal.
  const capture = fixture('cisco_asa/debug_crypto_ikev1/dev-003-invalid-cookie.txt')
    .trimEnd()
    .split('\n');
  const last = capture.pop() ?? '';
  const messy = [
    'ciscoasa# debug crypto ikev1 127',
    ...capture,
    '<-- tunnel never comes up after this',
    last.slice(0, 60),
    last.slice(60),
    'ciscoasa# undebug all',
  ].join('\r\n');
  await page.goto('./');
  await paste(page, messy);
  await expect(page.locator('[data-node-id]')).toHaveAttribute(
    'data-node-id',
    'ike.invalid-cookie',
  );
  await expect(page.getByRole('region', { name: 'Recognised' })).toContainText('Cisco ASA');
  await expect(
    page
      .getByRole('region', { name: 'Proving lines' })
      .locator('[data-evidence]')
      .filter({ hasText: 'INVALID_COOKIE' })
      .first(),
  ).toBeVisible();
  // The fix is shown for the platform the evidence came from.
  await expect(
    page.getByRole('region', { name: 'Fix' }).getByText('Cisco ASA').first(),
  ).toBeVisible();
});
