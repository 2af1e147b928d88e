// Reads the Vitest and Playwright JSON reports and prints the one line CI reads:
// "tests: N passed, N failed, N skipped". A step that failed without a report (format, lint,
// types) counts as one failed test, so the line never says "0 failed" when something broke.
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  if (vitest.success === false && (vitest.numFailedTests ?? 0) === 0) failed += 1; // suite-level error
} else failed += 1;

const pw = read('reports/playwright.json');
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  failed += pw.stats.unexpected ?? 0;
  skipped += pw.stats.skipped ?? 0;
  if ((pw.errors ?? []).length > 0) failed += 1;
} else failed += 1;

const earlierRc = Number(process.argv[2] ?? 0);
if (earlierRc !== 0 && failed === 0) failed += 1; // format, lint or types failed

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
