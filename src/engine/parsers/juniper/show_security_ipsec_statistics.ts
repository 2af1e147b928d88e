/**
 * Juniper SRX `show security ipsec statistics [index <n>]`: ESP/AH byte and packet counters and the
 * error counters. Written from the Junos CLI reference ("show security ipsec statistics").
 */
import type { Line } from '../../parse/lines.ts';
import {
  defined,
  isClusterBanner,
  num,
  PLATFORM,
  showParser,
  textOf,
  type Collector,
} from './common.ts';

// Sample: "ESP Statistics:"
const ESP_START = /^\s*ESP Statistics:\s*$/;
// Sample: "AH Statistics:"   /   "Errors:"
const SECTION = /^\s*(?:AH Statistics|Errors):\s*$/;
// Sample: "  Encrypted bytes:           1462720"
const COUNTER =
  /^\s*(Encrypted bytes|Decrypted bytes|Encrypted packets|Decrypted packets|Input bytes|Output bytes|Input packets|Output packets)\s*:\s*(\d{1,20})\s*$/;
// Sample: "  AH authentication failures: 0, Replay errors: 0"
// Sample: "  ESP authentication failures: 0, ESP decryption failures: 0"
// Sample: "  Bad headers: 0, Bad trailers: 0"
// Sample: "  Invalid SPI: 0, TS check fail: 0"
// Sample: "  Exceeds tunnel MTU: 0"   /   "  Discarded: 0"
const ERRORS =
  /^\s*((?:AH authentication failures|Replay errors|ESP authentication failures|ESP decryption failures|Bad headers|Bad trailers|Invalid SPI|TS check fail|Exceeds tunnel MTU|Discarded)\s*:\s*\d{1,20}(?:,\s*)?){1,2}\s*$/;
// One "name: count" pair of an error line.
const PAIR =
  /(AH authentication failures|Replay errors|ESP authentication failures|ESP decryption failures|Bad headers|Bad trailers|Invalid SPI|TS check fail|Exceeds tunnel MTU|Discarded)\s*:\s*(\d{1,20})/g;

function read(lines: readonly Line[], out: Collector): void {
  const byNo = new Map(lines.map((l) => [l.no, l]));
  let counters: Map<string, number> | null = null;
  let nos: number[] = [];
  const flush = () => {
    if (counters === null) return;
    const c = counters;
    const g = (k: string) => c.get(k);
    const espAuth = g('ESP authentication failures');
    const ahAuth = g('AH authentication failures');
    const replay = g('Replay errors');
    const verifyFailed =
      espAuth === undefined && ahAuth === undefined ? undefined : (espAuth ?? 0) + (ahAuth ?? 0);
    const recvKeys = [
      'ESP decryption failures',
      'Bad headers',
      'Bad trailers',
      'Invalid SPI',
      'TS check fail',
      'Discarded',
    ];
    const recv = recvKeys.map(g).filter((v): v is number => v !== undefined);
    out.add(
      {
        kind: 'ipsec-sa',
        platform: PLATFORM,
        ...defined({
          encaps: g('Encrypted packets'),
          encrypt: g('Encrypted packets'),
          decaps: g('Decrypted packets'),
          decrypt: g('Decrypted packets'),
          verifyFailed,
          replayFailed: replay,
          recvErrors: recv.length > 0 ? recv.reduce((a, b) => a + b, 0) : undefined,
        }),
      },
      nos,
    );
    const errLine = (re: RegExp) => nos.filter((n) => re.test(textOf(byNo.get(n))));
    if ((verifyFailed ?? 0) > 0) {
      out.add(
        {
          kind: 'signal',
          signal: 'ipsec.mac-failed',
          platform: PLATFORM,
          value: String(verifyFailed),
        },
        errLine(/authentication failures:\s*[1-9]/),
      );
    }
    if ((replay ?? 0) > 0) {
      out.add(
        { kind: 'signal', signal: 'ipsec.replay', platform: PLATFORM, value: String(replay) },
        errLine(/Replay errors:\s*[1-9]/),
      );
    }
    counters = null;
    nos = [];
  };
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    if (isClusterBanner(text)) {
      out.claim(line.no);
      continue;
    }
    if (ESP_START.test(text)) {
      flush();
      counters = new Map();
      nos = [line.no];
      continue;
    }
    if (counters === null) continue;
    const c: Map<string, number> = counters;
    if (SECTION.test(text)) {
      nos.push(line.no);
      continue;
    }
    const m = COUNTER.exec(text);
    if (m) {
      const n = num(m[2]);
      // The AH section repeats "Input/Output ..." names: keep them apart from ESP's.
      if (m[1] !== undefined && n !== undefined && !c.has(m[1])) c.set(m[1], n);
      nos.push(line.no);
      continue;
    }
    if (ERRORS.test(text)) {
      for (const p of text.matchAll(PAIR)) {
        const n = num(p[2]);
        if (p[1] !== undefined && n !== undefined) c.set(p[1], n);
      }
      nos.push(line.no);
      continue;
    }
    flush();
  }
  flush();
}

/** `show security ipsec statistics` on an SRX. */
export const showSecurityIpsecStatistics = showParser({
  id: 'juniper-srx-show-security-ipsec-statistics',
  command: 'show security ipsec statistics',
  marker: /^\s*ESP Statistics:\s*$/,
  read,
});
