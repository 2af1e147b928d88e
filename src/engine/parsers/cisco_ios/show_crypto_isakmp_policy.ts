/**
 * Cisco IOS / IOS-XE `show crypto isakmp policy`: one `crypto-config` record (`ike-policy`) per
 * protection suite (name = priority, or `default`), settings as printed plus short forms
 * (`encryption`, `hash`, `authentication`, `dhGroup`, `lifetime`).
 */
import { PLATFORM, showParser, textOf, commandRe } from './show_common.ts';

// Sample: "Protection suite of priority 10" / "Default protection suite"
const SUITE_RE = /^\s*(?:Protection suite of priority (\d+)|(Default) protection suite)\b/;
// Sample: "Global IKE policy"
const TITLE_RE = /^\s*Global IKE policy\s*$/;
// Sample: "        encryption algorithm:   AES - Advanced Encryption Standard (256 bit keys)."
const SETTING_RE =
  /^\s+(encryption algorithm|hash algorithm|authentication method|Diffie-Hellman group|lifetime|group|Encryption algorithm|Hash algorithm)\s*:\s*(.{0,200}?)\s*$/;

/** The short form of a printed setting: "AES - Advanced … (256 bit keys)." → "AES-256", "#14 (2048 bit)" → "14". */
function short(key: string, value: string): [string, string] | null {
  switch (key.toLowerCase()) {
    case 'encryption algorithm': {
      if (/triple DES|3DES/i.test(value)) return ['encryption', '3DES'];
      const algo = /^([\w-]+)/.exec(value)?.[1] ?? value;
      const bits = /\((\d+) bit keys\)/.exec(value)?.[1];
      return ['encryption', bits !== undefined && /AES/i.test(algo) ? `${algo}-${bits}` : algo];
    }
    case 'hash algorithm': {
      const sha2 = /Secure Hash Standard 2 \((\d+) bit\)/.exec(value);
      if (sha2) return ['hash', `SHA${sha2[1] ?? ''}`];
      if (/^Secure Hash Standard\s*$/.test(value)) return ['hash', 'SHA'];
      return ['hash', /Message Digest 5/.test(value) ? 'MD5' : value];
    }
    case 'authentication method':
      return [
        'authentication',
        /Pre-Shared/i.test(value)
          ? 'pre-share'
          : /Signature/i.test(value)
            ? 'rsa-sig'
            : /Encryption/i.test(value)
              ? 'rsa-encr'
              : value,
      ];
    case 'diffie-hellman group':
      return ['dhGroup', /#(\d+)/.exec(value)?.[1] ?? value];
    case 'lifetime':
      return ['lifetime', /(\d+) seconds/.exec(value)?.[1] ?? value];
    default:
      return null;
  }
}

/** `show crypto isakmp policy`. */
export const showCryptoIsakmpPolicy = showParser({
  id: 'cisco-ios-show-crypto-isakmp-policy',
  command: 'show crypto isakmp policy',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['isakmp', 3],
    ['policy', 3],
  ]),
  marker: /Protection suite of priority|Default protection suite|Global IKE policy/,
  read(lines, out) {
    let suite: { name: string; settings: Record<string, string>; lines: number[] } | null = null;
    const flush = () => {
      if (suite !== null)
        out.add(
          {
            kind: 'crypto-config',
            platform: PLATFORM,
            object: 'ike-policy',
            name: suite.name,
            settings: suite.settings,
          },
          suite.lines,
        );
      suite = null;
    };
    for (const line of lines) {
      const text = textOf(line);
      if (TITLE_RE.test(text)) {
        flush();
        out.claim(line.no);
        continue;
      }
      let m = SUITE_RE.exec(text);
      if (m) {
        flush();
        suite = { name: m[1] ?? 'default', settings: {}, lines: [line.no] };
        continue;
      }
      const cur = suite as {
        name: string;
        settings: Record<string, string>;
        lines: number[];
      } | null;
      if (cur !== null && (m = SETTING_RE.exec(text))) {
        const key = m[1] ?? '';
        const value = m[2] ?? '';
        cur.settings[key] = value;
        const s = short(key, value);
        if (s !== null) cur.settings[s[0]] = s[1];
        cur.lines.push(line.no);
      }
    }
    flush();
  },
});
