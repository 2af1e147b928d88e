/**
 * Shared pieces of the IOS / IOS-XE `show` parsers: the parser shell (never throws, claims only what
 * it understood), a fact collector, address patterns and small helpers.
 */
import type { Line } from '../../parse/lines.ts';
import { gateOn } from '../../parse/gate.ts';
import type { ParseResult, Parser } from '../../parse/types.ts';
import { Collector } from '../../parse/show.ts';

/** Every fact these parsers emit is from IOS / IOS-XE. */
export const PLATFORM = 'cisco-ios' as const;

export { Collector, type Draft } from '../../parse/show.ts';

// An address as IOS prints it: IPv4, IPv6 (with `::`), or a sanitised `x.x.x.x`.
// Sample: "10.1.1.2", "2001:DB8::2", "x.x.x.x"
export const ADDR = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}|[xX](?:\.[xX]){3}|[0-9xX]{1,3}(?:\.[0-9xX]{1,3}){3})`;

/** What a show parser supplies: its identity, a cheap marker and a reader over the lines. */
export interface ShowSpec {
  readonly id: string;
  readonly command: string;
  /** Matched against each line's text; one hit is enough to run the reader. */
  readonly marker: RegExp;
  readonly read: (lines: readonly Line[], out: Collector) => void;
  /** The command as typed (abbreviations allowed), matched on prompt lines: claimed, and the prompt names the device. */
  readonly typed?: RegExp;
}

/**
 * A command word that may be abbreviated down to `min` letters: abbrev('show', 2) matches sh, sho, show.
 * Built from fixed text only, nested optionals of one letter each (no backtracking blow-up).
 */
export function abbrev(word: string, min: number): string {
  let tail = '';
  for (let i = word.length - 1; i >= min; i--) tail = `(?:${word.charAt(i)}${tail})?`;
  return word.slice(0, min) + tail;
}

/** A typed command regex from words with their minimal abbreviation lengths: [['show', 2], ['crypto', 3] …]. */
export function commandRe(words: readonly (readonly [string, number])[]): RegExp {
  return new RegExp(`^${words.map(([w, n]) => abbrev(w, n)).join('\\s+')}(?:\\s|$)`, 'i');
}

/** Builds a `Parser` from a reader; a reader bug loses only this parser's findings. */
export function showParser(spec: ShowSpec): Parser {
  return {
    id: spec.id,
    platform: PLATFORM,
    command: spec.command,
    ...gateOn(spec.marker),
    detect: (lines) => lines.some((l) => l.text.length < 5_000 && spec.marker.test(l.text)),
    parse(lines): ParseResult {
      const out = new Collector(spec.id);
      try {
        spec.read(lines, out);
        // The typed command only counts when its output was read (an ASA prompt typing the same
        // command must not be taken for an IOS device).
        if (spec.typed !== undefined && out.claimed.size > 0) readPrompts(lines, out, spec.typed);
      } catch {
        // Keep what was read so far.
      }
      return { facts: out.facts, claimed: out.claimed };
    },
  };
}

/** Claims the lines where this command was typed; a prompt in front names the device. */
function readPrompts(lines: readonly Line[], out: Collector, typed: RegExp): void {
  for (const line of lines) {
    const text = textOf(line);
    const command = typedCommand(text);
    if (command === null || !typed.test(command)) continue;
    const host = /^\s*([A-Za-z][\w.-]{0,62})(?:\([\w-]+\))?\s?[#>]/.exec(text)?.[1];
    if (host !== undefined)
      out.add({ kind: 'device', platform: PLATFORM, hostname: host }, [line.no]);
    else out.claim(line.no);
  }
}

/** Lines longer than this hold no show output worth reading (guards every regex). */
export const MAX_LINE = 2_000;

/** The line text when it is short enough to read, else ''. */
export const textOf = (line: Line | undefined): string =>
  line === undefined || line.text.length > MAX_LINE ? '' : line.text;

/** A decimal count, or undefined. */
export const num = (s: string | undefined): number | undefined => {
  if (s === undefined || !/^\d{1,20}$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** Drops undefined and empty values from a settings record. */
export const compact = (r: Record<string, string | undefined>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(r)) if (v !== undefined && v !== '') out[k] = v;
  return out;
};

/** Drops undefined fields from a draft (facts carry only what the output showed). */
export const defined = <T extends object>(o: { [K in keyof T]?: T[K] | undefined }): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** "not decompressed" → "notDecompressed", "compr. failed" → "comprFailed", "no sa (send)" → "noSaSend". */
export const camel = (printed: string): string =>
  printed
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('');

/** A dotted mask as a prefix length ("255.255.255.0" → 24), or undefined when not contiguous. */
export const maskBits = (mask: string): number | undefined => {
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) return undefined;
  const bits = parts.map((p) => p.toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits) ? (bits.indexOf('0') === -1 ? 32 : bits.indexOf('0')) : undefined;
};

// Addresses this device shows as its own in IOS crypto output anywhere in the paste.
// Samples: "    Crypto map tag: Tunnel1-head-0, local addr 1.2.3.4"
//          "     local crypto endpt.: 1.2.3.4, remote crypto endpt.: 2.2.2.2"
//          "  IKEv1 SA: local 10.1.1.1/500 remote 10.1.1.2/500 Active"
//          "  Tunnel source 10.1.1.1 (GigabitEthernet0/0), destination 10.2.2.2"
const LOCAL_ADDR_RE = new RegExp(
  String.raw`(?:local addr|local crypto endpt\.:|IKE(?:v[12])? SA: local|Tunnel source)\s+(${ADDR})`,
);

/** The addresses the paste proves are this device's own. */
export function localAddresses(lines: readonly Line[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    const m = LOCAL_ADDR_RE.exec(textOf(line));
    if (m?.[1] !== undefined) out.add(m[1].toLowerCase());
  }
  return out;
}

// A prompt with a typed command: "Router#show ip route 192.168.1.14", "R1# sh crypto ipsec sa".
const PROMPT_COMMAND_RE = /^\s*[A-Za-z][\w.-]{0,62}(?:\([\w-]+\))?\s?[#>]\s?(\S.*)$/;

/** The command typed on a prompt line, or the line itself when it is a bare command; else null. */
export function typedCommand(text: string): string | null {
  const m = PROMPT_COMMAND_RE.exec(text);
  if (m?.[1] !== undefined) return m[1].trim();
  return /^\s*sh(?:ow?)?\s/.test(text) ? text.trim() : null;
}

/** How to read one kind of `key : value` block (IKEv2 proposal, policy, profile, IPsec profile …). */
export interface BlockSpec {
  /** The block's first line; group 1 is the object's name. */
  readonly header: RegExp;
  /** The `crypto-config` object it describes. */
  readonly object: string;
}

// A setting of a block. Samples: "     Encryption : AES-CBC-256", " Keyring: IKEV2-KEYRING",
// "        Security association lifetime: 4608000 kilobytes/3600 seconds"
const KEY_VALUE_RE = /^(\s+)([A-Za-z#][\w ()/.,#-]{0,60}?)\s*[:=]\s*(.{0,400}?)\s*$/;
// A value continued on its own line under a key without one. Samples: "   address 0.0.0.0", "                aes-sha256:  { esp-aes esp-sha256-hmac  } ,"
const CONTINUATION_RE = /^\s+(\S.{0,400}?)\s*$/;

/**
 * Reads every block whose header matches: indented `key : value` lines become settings (a key
 * printed without a value collects the indented lines under it). A block ends at an unindented
 * line or another header.
 */
export function readBlocks(
  lines: readonly Line[],
  out: Collector,
  specs: readonly BlockSpec[],
): void {
  type Block = {
    object: string;
    name: string;
    settings: Record<string, string>;
    lines: number[];
    lastKey?: string | undefined;
  };
  let block: Block | null = null;
  const flush = () => {
    if (block !== null)
      out.add(
        {
          kind: 'crypto-config',
          platform: PLATFORM,
          object: block.object,
          name: block.name,
          settings: block.settings,
        },
        block.lines,
      );
    block = null;
  };
  for (const line of lines) {
    const text = textOf(line);
    if (text.trim() === '') continue;
    const spec = specs.find((s) => s.header.test(text));
    if (spec !== undefined) {
      flush();
      const name = spec.header.exec(text)?.[1] ?? '';
      block = { object: spec.object, name, settings: {}, lines: [line.no] };
      continue;
    }
    const cur = block as Block | null;
    if (cur === null) continue;
    if (!/^\s/.test(text)) {
      flush();
      continue;
    }
    const kv = KEY_VALUE_RE.exec(text);
    // "aes-sha256:  { esp-aes esp-sha256-hmac  } ," under "Transform sets={": a list item, not a key.
    if (kv !== null && cur.lastKey !== undefined && /^\{/.test(kv[3] ?? '')) {
      const item = `${(kv[2] ?? '').trim()}: ${(kv[3] ?? '').replace(/\s*,\s*$/, '').replace(/\s+/g, ' ')}`;
      const prev = cur.settings[cur.lastKey] ?? '';
      cur.settings[cur.lastKey] = prev === '' ? item : `${prev}; ${item}`;
      cur.lines.push(line.no);
      continue;
    }
    if (kv !== null && !/^[{}]/.test(kv[2] ?? '')) {
      const key = (kv[2] ?? '').trim();
      const value = (kv[3] ?? '').replace(/[{,]\s*$/, '').trim();
      cur.settings[key] = value;
      cur.lastKey = value === '' ? key : undefined;
      cur.lines.push(line.no);
      continue;
    }
    const cont = CONTINUATION_RE.exec(text);
    if (cont !== null && cur.lastKey !== undefined) {
      const v = (cont[1] ?? '').replace(/\s*,\s*$/, '').trim();
      if (v !== '}' && v !== '') {
        const prev = cur.settings[cur.lastKey] ?? '';
        cur.settings[cur.lastKey] = prev === '' ? v : `${prev}; ${v}`;
      }
      cur.lines.push(line.no);
      continue;
    }
    if (/^\s*}\s*$/.test(text)) cur.lines.push(line.no);
  }
  flush();
}
