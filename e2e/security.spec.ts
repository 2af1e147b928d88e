/**
 * Security end to end (issue 7, item 4): pasted markup never runs, hostile links start fresh with
 * a notice, broken or full storage is survived, and the page's Content-Security-Policy keeps every
 * request on the page's own origin.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { encodeExcerpt } from '../src/engine/share/excerpt.ts';
import { encode } from '../src/engine/walk/codec.ts';
import { TREE } from '../src/knowledge/tree.ts';
import { fixture, paste } from './helpers.ts';

/** Payloads that would run code if any of them were rendered as HTML. */
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img';alert('img')">`,
  `<script>window.__pwned='script';alert('script')</script>`,
  `<svg onload="window.__pwned='svg';alert('svg')">`,
  `<a href="javascript:window.__pwned='link'">[x](javascript:alert('md'))</a>`,
];

/** Everything that would show code ran: dialogs, page errors and the payloads' own flag. */
function watch(page: Page) {
  const seen = { dialogs: [] as string[], errors: [] as string[] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  return {
    seen,
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned ?? null),
  };
}

const ROOT = TREE.root;
const step = (page: Page) => page.locator('[data-node-id]');

test('pasted HTML and script are shown as text and never run', async ({ page }) => {
  const w = watch(page);
  await page.goto('./');
  // The syslog line is the proof; the payloads sit within the two lines of context either side.
  const proof = fixture('cisco_ios/syslog/recvd-pkt-not-ipsec.txt').trimEnd();
  const [a = '', b = '', c = '', d = ''] = PAYLOADS;
  await paste(page, [a, b, proof, c, d].join('\n'));
  await expect(step(page)).toHaveAttribute('data-node-id', 'ip.crypto-map-wrong-interface');

  const lines = page.getByRole('region', { name: 'Proving lines' });
  for (const p of PAYLOADS) await expect(lines).toContainText(p);
  await expect(page.getByRole('textbox', { name: 'Device output' })).toHaveValue(
    [a, b, proof, c, d].join('\n'),
  );
  await expect(page.locator('img[src="x"], svg[onload], a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator('body script')).toHaveCount(0);

  // The share preview shows the same lines after redaction: still text.
  await page.getByText('Share this case').click();
  await expect(page.getByRole('region', { name: 'What will be removed' })).toBeVisible();
  await expect(page.locator('img[src="x"], svg[onload], a[href^="javascript:"]')).toHaveCount(0);

  expect(await w.pwned()).toBeNull();
  expect(w.seen).toEqual({ dialogs: [], errors: [] });
});

const HOSTILE_VALUES: readonly [string, string, RegExp][] = [
  ['a javascript: URL', 'javascript:alert(1)', /damaged or was cut short/],
  ['HTML', `<img src=x onerror="window.__pwned='s'">`, /damaged or was cut short/],
  ['a script tag', '2_<script>alert(1)</script>', /damaged or was cut short/],
  ['5,000 characters', `2_${'A'.repeat(4998)}`, /far longer than any real diagnosis/],
  ['5,000 characters of markup', '<b>'.repeat(1667), /far longer than any real diagnosis/],
];

for (const [name, value, notice] of HOSTILE_VALUES)
  test(`a link whose walk (s) is ${name} starts fresh with a notice`, async ({ page }) => {
    const w = watch(page);
    const hostileE = encodeURIComponent(value);
    await page.goto(`./#/?s=${encodeURIComponent(value)}&e=${hostileE}`);
    await expect(page.getByRole('alert').filter({ hasText: notice })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('You are starting fresh');
    await expect(step(page)).toHaveAttribute('data-node-id', ROOT);
    await expect(page.locator('img[src="x"], b')).toHaveCount(0);
    expect(await w.pwned()).toBeNull();
    expect(w.seen).toEqual({ dialogs: [], errors: [] });
  });

/** A valid walk carrying evidence, as the page writes it after a paste. */
const EVIDENCE_WALK = encode({
  trail: [{ kind: 'jump', to: 'ip.crypto-map-wrong-interface' as never }],
  evidence: {
    findings: ['ip.crypto-map-wrong-interface'],
    context: { platform: 'cisco-ios' },
    origin: 'paste',
  },
});

const HOSTILE_EXCERPTS: readonly [string, string, RegExp][] = [
  ['a javascript: URL', 'javascript:alert(1)', /could not be read/],
  ['HTML', `1.<img src=x onerror="window.__pwned='e'">`, /could not be read/],
  ['5,000 characters', `1.${'A'.repeat(4998)}`, /far longer than any this tool writes/],
];

for (const [name, value, notice] of HOSTILE_EXCERPTS)
  test(`a link whose proving lines (e) are ${name} keeps its diagnosis and says why the lines are missing`, async ({
    page,
  }) => {
    const w = watch(page);
    await page.goto(`./#/?s=${EVIDENCE_WALK}&e=${encodeURIComponent(value)}`);
    await expect(step(page)).toHaveAttribute('data-node-id', 'ip.crypto-map-wrong-interface');
    await expect(page.getByRole('alert').filter({ hasText: notice })).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await w.pwned()).toBeNull();
    expect(w.seen).toEqual({ dialogs: [], errors: [] });
  });

test('proving lines carried by a link are shown as text, markup and all', async ({ page }) => {
  const w = watch(page);
  const excerpt = encodeExcerpt(PAYLOADS.map((text, i) => ({ no: i + 1, text })));
  expect(excerpt).not.toBeNull();
  await page.goto(`./#/?s=${EVIDENCE_WALK}&e=${excerpt?.encoded ?? ''}`);
  const shown = page.getByLabel('Proving lines from the link');
  for (const p of PAYLOADS) await expect(shown).toContainText(p);
  await expect(page.locator('img[src="x"], svg[onload], a[href^="javascript:"]')).toHaveCount(0);
  expect(await w.pwned()).toBeNull();
  expect(w.seen).toEqual({ dialogs: [], errors: [] });
});

test('corrupted saved data: the page works and says the settings were reset', async ({ page }) => {
  const w = watch(page);
  await page.addInitScript(() => localStorage.setItem('ipsec-triage', '{"state":{"draft":"ab'));
  await page.goto('./');
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved settings could not be read' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cisco IOS / IOS-XE', exact: true }).first().click();
  await expect(step(page)).not.toHaveAttribute('data-node-id', ROOT);
  expect(w.seen.errors).toEqual([]);
});

test('saved data of the wrong shape is ignored without an error', async ({ page }) => {
  const w = watch(page);
  await page.addInitScript(() =>
    localStorage.setItem(
      'ipsec-triage',
      JSON.stringify({ state: { draft: 42, theme: '<b>', recent: 'x' }, version: 1 }),
    ),
  );
  await page.goto('./');
  await expect(page.getByRole('textbox', { name: 'Device output' })).toHaveValue('');
  await page.getByRole('button', { name: 'Cisco IOS / IOS-XE', exact: true }).first().click();
  await expect(step(page)).not.toHaveAttribute('data-node-id', ROOT);
  expect(w.seen.errors).toEqual([]);
});

/** Fills the origin's quota: big chunks first, then ever smaller ones until nothing fits. */
function fillStorage(): void {
  for (const size of [1 << 20, 1 << 16, 1 << 10, 16, 1]) {
    try {
      for (let i = 0; i < 100_000; i++) localStorage.setItem(`fill-${size}-${i}`, 'x'.repeat(size));
    } catch {
      // quota reached for this size
    }
  }
}

test('full storage: the page works and says the draft is not saved', async ({ page }) => {
  const w = watch(page);
  await page.addInitScript(fillStorage);
  await page.goto('./');
  const box = page.getByRole('textbox', { name: 'Device output' });
  await box.fill('show crypto isakmp sa');
  await expect(
    page.getByRole('status').filter({ hasText: 'refused to save your draft' }),
  ).toBeVisible();
  await expect(box).toHaveValue('show crypto isakmp sa');
  await page.getByRole('button', { name: 'Cisco IOS / IOS-XE', exact: true }).first().click();
  await expect(step(page)).not.toHaveAttribute('data-node-id', ROOT);
  expect(w.seen.errors).toEqual([]);
});

// Known bug (reported): dismissing the notice changes the store, the store's next write fails
// again and the notice comes straight back, so it cannot be dismissed while storage is full.
test('full storage: Dismiss hides the notice and it stays hidden', async ({ page }) => {
  await page.addInitScript(fillStorage);
  await page.goto('./');
  await page.getByRole('textbox', { name: 'Device output' }).fill('show crypto isakmp sa');
  const notice = page.getByRole('status').filter({ hasText: 'refused to save your draft' });
  await expect(notice).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0, { timeout: 2000 });
});

/** The policy's directives as name → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

test('the Content-Security-Policy allows nothing beyond the page itself', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
  expect(meta).not.toBeNull();
  const csp = directives(meta?.[1] ?? '');
  expect(meta?.[1]).not.toContain('unsafe-eval');
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  // No source anywhere names another origin or a whole scheme that could reach one, and no
  // inline code runs unless it is the page's own: script and style are allowed by their hashes.
  const allowed = new Set(["'self'", "'none'", 'data:', 'blob:']);
  const HASH = /^'sha256-[A-Za-z0-9+/]{43}='$/;
  for (const [name, sources] of csp)
    for (const s of sources) expect(allowed.has(s) || HASH.test(s), `${name} ${s}`).toBe(true);
  expect(csp.get('script-src')?.filter((s) => HASH.test(s))).toHaveLength(1);
});

test('an injected inline script does not run under the policy', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const violations = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), {
          once: true,
        });
      }),
  );
  // As an XSS would: a new inline script element with code the policy's hash does not cover.
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
  });
  expect(await violations).toMatch(/^script-src/);
  expect(
    await page.evaluate(() => (window as { __injected?: boolean }).__injected),
  ).toBeUndefined();
});

test('a request to another origin from the page or its worker is blocked by the policy', async ({
  page,
}) => {
  const w = watch(page);
  // A request the policy let through would reach interception here, and be stopped before it
  // leaves the machine. Requests the policy blocked may still be announced, failed as blocked.
  const routed: string[] = [];
  await page.route(/^https?:\/\/(?!localhost[:/])/, async (route) => {
    routed.push(route.request().url());
    await route.abort();
  });
  const announced: { url: string; failure: string }[] = [];
  page.on('requestfailed', (r) =>
    announced.push({ url: r.url(), failure: r.failure()?.errorText ?? '' }),
  );
  page.on('requestfinished', (r) => announced.push({ url: r.url(), failure: 'finished' }));
  await page.goto('./');
  await expect(step(page)).toHaveAttribute('data-node-id', ROOT);
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    const fetched = await fetch('https://example.com/').then(
      () => 'reached',
      () => 'blocked',
    );
    const img = await new Promise<string>((done) => {
      const el = new Image();
      el.onload = () => done('reached');
      el.onerror = () => done('blocked');
      el.src = 'https://example.com/x.png';
    });
    const code = `fetch('https://example.com/w').then(() => postMessage('reached'), () => postMessage('blocked'))`;
    const worker = await new Promise<string>((done) => {
      const wk = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      wk.onmessage = (m) => done(String(m.data));
      wk.onerror = () => done('worker refused');
      setTimeout(() => done('no answer'), 3000);
    });
    await new Promise((r) => setTimeout(r, 200));
    return { fetched, img, worker, violations };
  });
  expect(result.fetched).toBe('blocked');
  expect(result.img).toBe('blocked');
  expect(result.worker).toBe('blocked');
  expect(result.violations).toEqual(
    expect.arrayContaining([
      'connect-src https://example.com/',
      'img-src https://example.com/x.png',
    ]),
  );
  expect(routed).toEqual([]);
  for (const r of announced.filter((x) => !x.url.startsWith('http://localhost')))
    expect(r.failure, r.url).toMatch(/csp/i); // Chromium's reason: "csp" (net::ERR_BLOCKED_BY_CSP)
  expect(w.seen.errors).toEqual([]);
});
