/**
 * Secrets that span several lines: certificates and public keys in Cisco configuration
 * (`certificate ca 01` … `quit`, pubkey-chain `key-string` … `quit`), PEM blocks anywhere
 * (`-----BEGIN … PRIVATE KEY-----`, FortiGate `set private-key "-----BEGIN …`), and the rows of
 * IOS `show crypto isakmp key`, whose last column is the key itself (seed 004 lines 497-501).
 *
 * Certificates are public, but they are collapsed all the same, always: a chain is dozens of
 * lines of hex that no one reads in a ticket, it carries the organisation's names and serial
 * numbers in a form the address and host-name masks cannot see, and `show crypto pki
 * certificates` says everything useful about it in plain words. Each body line becomes
 * `<certificate>` so the line count stays. Private keys are key material.
 */
import { isPlaceholder, restEnd, skipBlanks } from './text.ts';
import type { SecretKind, Span } from './types.ts';

/** The multi-line block the current line is in. */
export interface BlockState {
  block: 'none' | 'cisco-cert' | 'pem' | 'psk-table';
  /** What the body of a PEM block is. */
  pemKind: SecretKind;
}

/** No block open. */
export function newBlockState(): BlockState {
  return { block: 'none', pemKind: 'certificate' };
}

// Cisco: "certificate ca 01", "certificate self-signed 01", "certificate 6B00002B3F8571E2"
const CISCO_CERT =
  /^certificate\s+(?:(?:ca|self-signed|rollover|ra-encrypt|ra-sign|ra-general)\s+)?[0-9A-Fa-f]{1,40}\s*$/i;
// Cisco pubkey chain: "  key-string" alone, then hex lines and "quit"
const CISCO_KEY_STRING = /^key-string\s*$/i;
// "   3082022B 30820194 A0030201 02020101 300D0609 2A864886 F70D0101 05050030"
const HEX_WORDS = /^(?:[0-9A-Fa-f]{2,8}[ \t]+){0,15}[0-9A-Fa-f]{2,8}$/;
// "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----\""
const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{1,40})-----/;
const PEM_END = '-----END ';
// PEM body: base64, and the headers of an encrypted key ("Proc-Type: 4,ENCRYPTED", "DEK-Info: …")
const BASE64_LINE = /^[A-Za-z0-9+/=]{1,200}$/;
const PEM_HEADER = /^(?:Proc-Type|DEK-Info):/;
// IOS: "Keyring      Hostname/Address      Preshared Key"
const PSK_TABLE_HEADER = /\bkeyring\b.{0,200}\bpreshared key\b/i;

/** A line inside an open block: adds its span, or closes the block when the line is not part of it. */
export function continueBlock(state: BlockState, line: string, start: number, out: Span[]): void {
  switch (state.block) {
    case 'none':
      return;
    case 'cisco-cert':
      return ciscoCertLine(state, line, start, out);
    case 'pem':
      return pemLine(state, line, out);
    case 'psk-table':
      return pskRow(state, line, start, out);
  }
}

function ciscoCertLine(state: BlockState, line: string, start: number, out: Span[]): void {
  const body = line.slice(start, restEnd(line));
  if (body.toLowerCase() === 'quit') {
    state.block = 'none';
  } else if (HEX_WORDS.test(body)) {
    out.push({ start, end: start + body.length, kind: 'certificate' });
  } else if (!isPlaceholder(body)) {
    state.block = 'none';
  }
}

function pemLine(state: BlockState, line: string, out: Span[]): void {
  const from = skipBlanks(line, 0);
  const endMarker = line.indexOf(PEM_END);
  if (endMarker >= 0) {
    state.block = 'none';
    const before = restEnd(line.slice(0, endMarker));
    if (before > from && !isPlaceholder(line.slice(from, before))) {
      out.push({ start: from, end: before, kind: state.pemKind });
    }
    return;
  }
  const body = line.slice(from, restEnd(line));
  if (body === '' || PEM_HEADER.test(body) || isPlaceholder(body)) return;
  if (BASE64_LINE.test(body))
    out.push({ start: from, end: from + body.length, kind: state.pemKind });
  else state.block = 'none';
}

// "keyring1 192.168.0.0 [255.255.0.0] cisco": the key is the last of 3 to 5 columns.
function pskRow(state: BlockState, line: string, start: number, out: Span[]): void {
  const end = restEnd(line);
  const words = line.slice(start, end).split(/\s+/);
  if (start > 0 || words.length < 3 || words.length > 5) {
    state.block = 'none';
    return;
  }
  const last = words[words.length - 1] ?? '';
  if (!isPlaceholder(last)) out.push({ start: end - last.length, end, kind: 'pre-shared-key' });
}

/** Opens a block when the line starts one; a PEM marker line may carry secret text itself. */
export function openBlock(
  state: BlockState,
  line: string,
  start: number,
  lower: string,
  out: Span[],
): void {
  if (state.block !== 'none') return;
  if (lower.includes('certificate') || lower.includes('key-string')) {
    const stmt = line.slice(start, start + 200);
    if (CISCO_CERT.test(stmt) || CISCO_KEY_STRING.test(stmt)) state.block = 'cisco-cert';
  }
  if (lower.includes('-----begin ')) pemBegin(state, line, out);
  if (lower.includes('preshared key') && PSK_TABLE_HEADER.test(line)) state.block = 'psk-table';
}

function pemBegin(state: BlockState, line: string, out: Span[]): void {
  const m = PEM_BEGIN.exec(line);
  if (!m) return;
  const label = m[1] ?? '';
  state.pemKind = label.includes('PRIVATE') ? 'key-material' : 'certificate';
  const from = skipBlanks(line, m.index + m[0].length);
  const endMarker = line.indexOf(PEM_END, from);
  const end = endMarker >= 0 ? restEnd(line.slice(0, endMarker)) : restEnd(line);
  const body = line.slice(from, end);
  // A closing quote right after the marker (FortiGate) is not body.
  if (end > from && body !== '"' && !isPlaceholder(body)) {
    out.push({ start: from, end, kind: state.pemKind });
  }
  state.block = endMarker >= 0 ? 'none' : 'pem';
}
