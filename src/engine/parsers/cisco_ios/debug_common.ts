/**
 * Shared parts of the IOS / IOS-XE debug and syslog parsers: address patterns,
 * notify names, and the wrapped-line tail claim that web pages and narrow
 * terminals make necessary.
 */
import { IKEV2_NOTIFIES } from '../../../knowledge/reference/ikev2-notifies.ts';
import type { Line } from '../../parse/lines.ts';
import { noiseKind } from '../../parse/noise.ts';
import type { LineRule } from '../../parse/table.ts';
import type { ParseResult, Parser } from '../../parse/types.ts';

/** The echoed command that turned the debug on, with its prompt ("R1#debug crypto ipsec") and banner. */
export function echoRule(command: string, sample: string): LineRule {
  return {
    name: 'command-echo',
    sample,
    re: new RegExp(
      String.raw`^\s*[A-Za-z][\w.-]{0,62}(?:\([\w-]{1,30}\))?#\s?(?:debug|deb|undebug) (?:crypto|cry) ${command}\b`,
    ),
  };
}

/** An IPv4/IPv6 address, a sanitised one (`x.x.x.x`) or a host name. */
export const ADDR = String.raw`([0-9A-Fa-f.:x]{2,45}|[A-Za-z][\w.-]{0,62})`;

/** IKEv2 error notify names (status notifies such as NAT_DETECTION_* are not evidence). */
const ERROR_NOTIFIES = new Set([
  ...IKEV2_NOTIFIES.filter((n) => n.type === 'error').map((n) => n.name),
  'NO_PROPOSAL_CHOSEN',
  'AUTHENTICATION_FAILED',
  'TS_UNACCEPTABLE',
  'INVALID_KE_PAYLOAD',
  'INVALID_SYNTAX',
  'INVALID_COOKIE',
  'PAYLOAD_MALFORMED',
  'INVALID_ID_INFORMATION',
  'INVALID_SPI',
  'INTERNAL_ADDRESS_FAILURE',
  'FAILED_CP_REQUIRED',
  'SINGLE_PAIR_REQUIRED',
  'NO_ADDITIONAL_SAS',
  'INVALID_SELECTORS',
  'TEMPORARY_FAILURE',
  'CHILD_SA_NOT_FOUND',
  'INVALID_MAJOR_VERSION',
  'INVALID_IKE_SPI',
  'INVALID_MESSAGE_ID',
  'UNSUPPORTED_CRITICAL_PAYLOAD',
  'ATTRIBUTES_NOT_SUPPORTED',
  'INVALID_PAYLOAD_TYPE',
  'INVALID_HASH_INFORMATION',
  'INVALID_SIGNATURE',
  'INVALID_PROTOCOL_ID',
  'INVALID_TRANSFORM_ID',
  'BAD_PROPOSAL_SYNTAX',
]);

/** The RFC spelling of a notify as IOS prints it (`PROPOSAL_NOT_CHOSEN` is IOS IKEv1 wording). */
export function notifyName(raw: string): string {
  const up = raw.toUpperCase();
  return up === 'PROPOSAL_NOT_CHOSEN' ? 'NO_PROPOSAL_CHOSEN' : up;
}

/** Whether a notify name reports an error (not a status such as INITIAL_CONTACT). */
export function isErrorNotify(name: string): boolean {
  return ERROR_NOTIFIES.has(notifyName(name));
}

// "NOTIFY(NO_PROPOSAL_CHOSEN)" inside a payload list.
const NOTIFY_TOKEN = /NOTIFY\(([A-Z][A-Z0-9_]{1,60})\)/g;

/** Every notify named in a payload list, in order. */
export function notifiesIn(text: string): string[] {
  const out: string[] = [];
  NOTIFY_TOKEN.lastIndex = 0;
  for (let m = NOTIFY_TOKEN.exec(text); m !== null; m = NOTIFY_TOKEN.exec(text))
    out.push(m[1] ?? '');
  return out;
}

// A line that starts a message of its own: timestamp or sequence number, a syslog tag, or a debug prefix.
const MESSAGE_START =
  /^\s*(?:\d{1,9}:\s|[*.]?[A-Z][a-z]{2} {1,2}\d{1,2} |[*.]?\d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}|%[A-Z]|ISAKMP|IPSEC|IKEv2|KMI:|CRYPTO_PKI|map_db|Crypto mapdb)/;
// Prose from a web page or a book: a long sentence, not the tail of a wrapped device line.
const MAX_TAIL = 80;
const MIN_WRAPPED = 55;

/**
 * Adds to a table parser the tails of wrapped lines it did not recognise: a short line with no
 * timestamp or message prefix right after a long line the parser claimed is the rest of that
 * message (terminals and web pages wrap at about 80 columns).
 */
export function withWrappedTails(parser: Parser): Parser {
  return {
    ...parser,
    // A chain of tails may run past the table's window: keep taking lines that could be one.
    ...(parser.gate === undefined ? {} : { gate: { ...parser.gate, extend: mayBeTail } }),
    parse(lines: readonly Line[]): ParseResult {
      const result = parser.parse(lines);
      const claimed = new Set(result.claimed);
      for (let i = 1; i < lines.length; i++) {
        const prev = lines[i - 1];
        const line = lines[i];
        if (prev === undefined || line === undefined || prev.no !== line.no - 1) continue;
        if (claimed.has(line.no) || !claimed.has(prev.no)) continue;
        const text = line.text;
        if (
          text.trim() === '' ||
          text.length > MAX_TAIL ||
          prev.text.trimEnd().length < MIN_WRAPPED
        )
          continue;
        if (MESSAGE_START.test(text) || noiseKind(text) !== null) continue;
        claimed.add(line.no);
      }
      return { facts: result.facts, claimed };
    },
  };
}

/** Whether a line could be the tail of a wrapped message (what `withWrappedTails` claims, ignoring the line before). */
function mayBeTail(line: Line): boolean {
  const text = line.text;
  return (
    text.trim() !== '' &&
    text.length <= MAX_TAIL &&
    !MESSAGE_START.test(text) &&
    noiseKind(text) === null
  );
}

/** An IPv4 address without the `:port` IOS prints after it (`192.168.0.1:500` → `192.168.0.1`). */
export function stripPort(addr: string): string {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3}|x\.x\.x\.x):\d{1,5}$/.exec(addr);
  return m?.[1] ?? addr;
}
