/**
 * IKE key material in debug output. Two shapes:
 *
 * - on the line itself: FortiGate `ISAKMP SA … key 16:0A1B…`, `IPsec SA dec spi … key 16:… auth
 *   32:…`, `diagnose vpn tunnel list` `esp=aes key=16 7f1e…`, Linux `ip xfrm state` `enc cbc(aes)
 *   0x5d8e…`, or a secret label followed by hex (`SKEYID_d: 12ab…`);
 * - a hex dump on the following lines, which carry no keyword of their own: strongSwan at log
 *   level 4 (`Sk_d secret => 32 bytes @ 0x…` then `   0: 9A 2F …  ..`), ASA `debug crypto ikev1
 *   255` payload dumps (`Payload Nonce` … `Data:` then byte lines), FortiGate `ike -1` packet hex
 *   (`ike 0:p1:14: out 12F2…` wrapped over bare hex lines).
 *
 * Sources: strongSwan `keymat_v1.c`/`keymat_v2.c` (the DBG4 labels), the FortiGate "How to
 * convert IKE debug to PCAP" note (packet hex), Cisco "ASA IPsec and IKE debugs" tech notes.
 * Nonces and hashes go too: with them and the exchanged values a weak PSK can be guessed offline.
 */
import { restEnd } from './text.ts';
import type { Span } from './types.ts';

// Labels of secret values (case-insensitive):
//   "SKEYSEED", "SKEYID_d", "Sk_ei secret", "SK_p", "shared Diffie Hellman secret", "DH secret",
//   "DH private", "encryption initiator key", "integrity responder key", "encryption key Ka",
//   "initial IV", "PPK", "prf(secret, keypad)", "responder SA seed", "Payload Nonce", "nonce"
//   (but not the payload list "KE (4) + NONCE (10)"),
//   "Payload Hash", "HASH_I", "keymat"
const SECRET_LABEL =
  /\bSKEYSEED\b|\bSKEYID(?:_[dae])?\b|\bSK_(?:d|a[ir]?|e[ir]?|p[ir]?)\b|\bshared (?:Diffie Hellman |DH )?secret\b|\bDH (?:secret|private|shared)\b|\b(?:encryption|integrity) (?:initiator|responder) key\b|\bencryption key Ka\b|\binitial IV\b|\bPPK\b|\bprf\(secret|\bSA seed\b|\bnonce\b(?! ?\()|\bpayload hash\b|\bhash payload\b|\bHASH_[IR]\b|\bkeymat\b/i;
// A hex value on the same line after a label: "SKEYID_d: 0123456789abcdef…", "nonce 32:5A…"
const INLINE_HEX = /(?:0x)?[0-9A-Fa-f]{16,}|[0-9A-Fa-f]{2}(?:[ :][0-9A-Fa-f]{2}){7}/;
// FortiGate: "ISAKMP SA 9b6c…/1e2f… key 16:0A1B…", "IPsec SA dec spi 5a3c7e21 key 16:7F1E… auth 32:0E2C…"
const FORTI_KEY =
  /\b(?:key|auth|SK_[a-z]{1,2}|SKEYID\w{0,2}|SKEYSEED|nonce) \d{1,4}:(?=[0-9A-Fa-f]{8})/gi;
// FortiGate diagnose vpn tunnel list: "dec: spi=5a3c7e21 esp=aes key=16 7f1e0a2b…", "ah=sha256 key=32 0e2c…"
const FORTI_TUNNEL_KEY = /\bkey=\d{1,4}\s+(?=[0-9A-Fa-f]{8})/gi;
// Linux `ip xfrm state` (strongSwan/libreswan hosts): "\tauth-trunc hmac(sha256) 0x3b1c… 128",
// "\tenc cbc(aes) 0x5d8e…", "\taead rfc4106(gcm(aes)) 0x1234… 128"
const XFRM_KEY = /^\s{0,20}(?:enc|auth|auth-trunc|aead)\s+\S{1,60}\s+0x(?=[0-9A-Fa-f]{8})/;
// FortiGate packet hex: "ike 0: in 2F013665B867DE80…", "ike 0:p1:14: out 12F2CBED…", "… dec …", "… enc …"
const FORTI_PACKET = /\bike \d{1,5}:\S{0,200}? (?:in|out|dec|enc) (?=[0-9A-Fa-f]{16})/i;
// strongSwan %B dump header: "09[IKE] Sk_d secret => 32 bytes @ 0x7f6a8c003b60"
const SWAN_DUMP_HEADER = /=> \d{1,9} bytes @/;
// strongSwan dumps that are not secret: NAT detection hashes and the ID payload.
const SWAN_HARMLESS = /\bnatd_(?:chunk|hash)\b|\bIDx'/;
// strongSwan dump line: "Feb 13 13:35:07 moon charon: 09[IKE]    0: 8F 06 6A 4D …  ..jM\>.0TA"
const SWAN_DUMP_LINE = /(?:^|[\s\]>])\d{1,6}: (?=[0-9A-Fa-f]{2}(?: |$))/;
// A bare hex token of a dump ("c9", "3082022B", "0x1F2E"), and an offset ("0010:", "00000000:")
const HEX_TOKEN = /^(?:0x)?[0-9A-Fa-f]{2,}$/;
const OFFSET_TOKEN = /^(?:0x)?[0-9A-Fa-f]{1,8}:$/;
const HEX_RUN = /[0-9A-Fa-f]+/y;

/** Lines after a header that may pass before the dump itself starts (ASA prints 4). */
export const DUMP_LEAD = 6;

/** Key material on the line itself. Returns true when a FortiGate packet dump starts here. */
export function inlineKeyMaterial(line: string, lower: string, out: Span[]): boolean {
  if (lower.includes('key') || lower.includes('auth') || lower.includes('sk')) {
    for (const re of [FORTI_KEY, FORTI_TUNNEL_KEY]) {
      for (const m of line.matchAll(re)) hexRun(line, m.index + m[0].length, out);
    }
  }
  const xfrm = lower.includes('0x') ? XFRM_KEY.exec(line) : null;
  if (xfrm) hexRun(line, xfrm.index + xfrm[0].length, out);
  const packet = lower.includes('ike ') ? FORTI_PACKET.exec(line) : null;
  if (packet) {
    out.push({ start: packet.index + packet[0].length, end: restEnd(line), kind: 'key-material' });
    return true;
  }
  if (SWAN_DUMP_HEADER.test(line)) return false;
  const label = SECRET_LABEL.exec(line);
  if (label) {
    const from = label.index + label[0].length;
    const hex = INLINE_HEX.exec(line.slice(from));
    if (hex) out.push({ start: from + hex.index, end: restEnd(line), kind: 'key-material' });
  }
  return false;
}

function hexRun(line: string, from: number, out: Span[]): void {
  HEX_RUN.lastIndex = from;
  const m = HEX_RUN.exec(line);
  if (m) out.push({ start: from, end: from + m[0].length, kind: 'key-material' });
}

/** Whether the line announces a dump of secret bytes on the lines that follow. */
export function isDumpHeader(line: string): boolean {
  if (SWAN_DUMP_HEADER.test(line)) return !SWAN_HARMLESS.test(line);
  return SECRET_LABEL.test(line);
}

/**
 * Where the bytes of a hex-dump line start, or -1 when the line is not one. `started`: a dump
 * is already running, so a short last line (`ab cd`) still belongs to it. A line already
 * redacted (`… 0: <key-material>`) counts as a dump line without bytes (returns -2).
 */
export function dumpStart(line: string, started: boolean): number {
  const end = restEnd(line);
  if (line.endsWith('<key-material>', end)) return -2;
  const swan = SWAN_DUMP_LINE.exec(line);
  if (swan) return swan.index + swan[0].length;
  return hexSuffix(line, end, started);
}

// Walks back over the hex tokens that end the line: "      c9 15 0c 4d 12 34 56 78",
// "*Mar  1 00:01:02.123: 00000000: 0A0B0C0D 11223344", "280D00005800000001" (FortiGate wrap).
function hexSuffix(line: string, end: number, started: boolean): number {
  let tokens = 0;
  let digits = 0;
  let first = -1;
  let i = end;
  while (i > 0 && tokens < 256) {
    let s = i;
    while (s > 0 && !isSpaceChar(line.charCodeAt(s - 1))) s--;
    const token = line.slice(s, i);
    if (HEX_TOKEN.test(token)) {
      tokens++;
      digits += token.length;
      first = s;
    } else {
      if (tokens > 0 && OFFSET_TOKEN.test(token)) first = s;
      break;
    }
    i = s;
    while (i > 0 && isSpaceChar(line.charCodeAt(i - 1))) i--;
  }
  if (tokens === 0) return -1;
  let p = first;
  while (p > 0 && isSpaceChar(line.charCodeAt(p - 1))) p--;
  const before = p > 0 ? line.charAt(p - 1) : '';
  // A lone token is a dump line only on a line of its own ("      ab", FortiGate's wrapped
  // "280D0000…"); "total length : 92" is not one.
  if (tokens === 1) return before === '' && (started || digits >= 16) ? first : -1;
  if (!started && digits < 8) return -1;
  // What precedes the bytes must look like a log prefix: nothing, or ending in "]", ">" or ":".
  return before === '' || before === ']' || before === '>' || before === ':' ? first : -1;
}

function isSpaceChar(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0;
}
