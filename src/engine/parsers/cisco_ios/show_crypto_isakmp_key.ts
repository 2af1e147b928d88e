/**
 * Cisco IOS / IOS-XE `show crypto isakmp key`: one `crypto-config` record (`keyring`) per
 * pre-shared key, named after its keyring, with `address`, `mask` and `key` as printed.
 */
import { ADDR, PLATFORM, showParser, textOf, commandRe } from './show_common.ts';

// Sample: "Keyring         Hostname/Address                            Preshared Key"
const COLUMNS_RE = /^\s*Keyring\s+Hostname\/Address\s+Preshared Key\s*$/;
// Sample: "default         0.0.0.0        [0.0.0.0        ] cisco3" / "keyring2 192.168.0.2 cisco2"
const ROW_RE = new RegExp(
  String.raw`^\s*([\w.-]+)\s+(${ADDR}|[A-Za-z][\w.-]*)\s+(?:\[\s*(${ADDR})\s*\]\s+)?(\S+)\s*$`,
);

/** `show crypto isakmp key`. */
export const showCryptoIsakmpKey = showParser({
  id: 'cisco-ios-show-crypto-isakmp-key',
  command: 'show crypto isakmp key',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['isakmp', 3],
    ['key', 3],
  ]),
  marker: /^\s*Keyring\s+Hostname\/Address\s+Preshared Key/,
  read(lines, out) {
    let inTable = false;
    for (const line of lines) {
      const text = textOf(line);
      if (COLUMNS_RE.test(text)) {
        inTable = true;
        out.claim(line.no);
        continue;
      }
      if (!inTable) continue;
      const m = ROW_RE.exec(text);
      if (!m) {
        inTable = text.trim() === '';
        continue;
      }
      const settings: Record<string, string> = { address: m[2] ?? '', key: m[4] ?? '' };
      if (m[3] !== undefined) settings.mask = m[3];
      out.add(
        {
          kind: 'crypto-config',
          platform: PLATFORM,
          object: 'keyring',
          name: m[1] ?? '',
          settings,
        },
        [line.no],
      );
    }
  },
});
