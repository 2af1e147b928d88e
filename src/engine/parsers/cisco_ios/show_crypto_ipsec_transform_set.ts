/**
 * Cisco IOS / IOS-XE `show crypto ipsec transform-set`: one `crypto-config` record
 * (`transform-set`) per set with `transforms` and the negotiated `mode`.
 */
import { showParser, commandRe } from './show_common.ts';
import { PLATFORM, textOf } from './show_common.ts';

// Sample: "Transform set aes-sha256: { esp-aes esp-sha256-hmac  }"
// Sample: "Transform set #$!default_transform_set_1: { esp-aes esp-sha-hmac  }"
const SET_RE = /^\s*Transform set\s+(\S+?):\s*\{\s*([^{}]{0,200}?)\s*\}/;
// Sample: "   will negotiate = { Transport,  },"
const NEGOTIATE_RE = /^\s*will negotiate\s*=\s*\{\s*([^{}]{0,100}?)\s*,?\s*\}/;

/** `show crypto ipsec transform-set`. */
export const showCryptoIpsecTransformSet = showParser({
  id: 'cisco-ios-show-crypto-ipsec-transform-set',
  command: 'show crypto ipsec transform-set',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['ipsec', 3],
    ['transform-set', 3],
  ]),
  marker: /^\s*Transform set\s+\S+:\s*\{/,
  read(lines, out) {
    let set: { name: string; transforms: string; lines: number[]; mode?: string } | null = null;
    const flush = () => {
      if (set !== null) {
        const settings: Record<string, string> = { transforms: set.transforms };
        if (set.mode !== undefined) settings.mode = set.mode;
        out.add(
          {
            kind: 'crypto-config',
            platform: PLATFORM,
            object: 'transform-set',
            name: set.name,
            settings,
          },
          set.lines,
        );
      }
      set = null;
    };
    for (const line of lines) {
      const text = textOf(line);
      let m = SET_RE.exec(text);
      if (m) {
        flush();
        set = { name: m[1] ?? '', transforms: (m[2] ?? '').replace(/\s+/g, ' '), lines: [line.no] };
        continue;
      }
      const cur = set as {
        name: string;
        transforms: string;
        lines: number[];
        mode?: string;
      } | null;
      if ((m = NEGOTIATE_RE.exec(text)) && cur !== null) {
        cur.mode = (m[1] ?? '')
          .replace(/,\s*$/, '')
          .replace(/\s*,\s*/g, ', ')
          .trim();
        cur.lines.push(line.no);
        flush();
      }
    }
    flush();
  },
});
