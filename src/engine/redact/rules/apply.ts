/**
 * Running the statement rules over one line, plus the safety nets that need no statement:
 * Junos `$9$` strings, PAN-OS `-AQ==` strings, anything quoted on a Junos `## SECRET-DATA`
 * line, and PAN-OS XML elements that hold secrets.
 */
import type { Context } from '../context.ts';
import { isMasked, isPlaceholder, quoteEnd, restEnd, skipBlanks, wordEnd } from '../text.ts';
import type { SecretKind, Span } from '../types.ts';
import { CISCO_RULES } from './cisco.ts';
import type { StatementRule } from './rule.ts';
import { FORTIGATE_RULES, JUNOS_PANOS_RULES, SWAN_RULES } from './vendors.ts';

/** Every statement rule, in the order they are tried. */
export const STATEMENT_RULES: readonly StatementRule[] = [
  ...CISCO_RULES,
  ...FORTIGATE_RULES,
  ...JUNOS_PANOS_RULES,
  ...SWAN_RULES,
];

// Junos and PAN-OS `set …` commands, where the secret keyword sits deep in the path.
const SET_COMMAND = /^set\s/i;

/**
 * Adds the secret of the statement that starts at `start` (the first rule that recognises it
 * decides). A value that is already a placeholder or masked (`*****`) is left alone.
 */
export function statementSecrets(
  line: string,
  lower: string,
  start: number,
  ctx: Context,
  out: Span[],
): void {
  const stmt = line.slice(start);
  for (const rule of STATEMENT_RULES) {
    if (!lower.includes(rule.literal) || (rule.when && !rule.when(ctx))) continue;
    const m = rule.re.exec(stmt);
    if (!m) continue;
    if (rule.scope === 'set' && m.index > 0 && !SET_COMMAND.test(stmt)) continue;
    const kind = typeof rule.kind === 'function' ? rule.kind(ctx) : rule.kind;
    if (kind === null) continue;
    let from = skipBlanks(line, start + m.index + m[0].length);
    for (let k = 0; k < (rule.skip ?? 0) && from < line.length; k++) {
      from = skipBlanks(line, wordEnd(line, from));
    }
    const end = rule.value === 'rest' ? restEnd(line) : wordEnd(line, from, rule.value === 'junos');
    if (end > from) addValue(line, from, end, kind, out);
    return;
  }
}

function addValue(line: string, from: number, end: number, kind: SecretKind, out: Span[]): void {
  const value = line.slice(from, end);
  if (isPlaceholder(value) || isMasked(value)) return;
  out.push({ start: from, end, kind });
}

// Junos reversible "$9$…" secrets and PAN-OS "-AQ==…" encrypted values, quoted or not:
//   "authentication-key \"$9$dEbs4UDk.mT3\";", "<key>-AQ==aGVsbG8=</key>"
const ENCRYPTED_TOKEN = /"?(?:\$9\$|-AQ==)/g;
// Junos marks every line that holds a secret: "secret \"$9$…\"; ## SECRET-DATA"
const SECRET_DATA = '## secret-data';
// PAN-OS XML elements holding secrets: "<key>-AQ==lR7y…</key>", "<phash>$1$…</phash>"
const XML_SECRET =
  /<(key|phash|password|passwd|secret|passphrase|psk|authentication-key|private-key|community|snmp-community-string)>/gi;

const XML_KIND: Readonly<Record<string, SecretKind>> = {
  key: 'pre-shared-key',
  psk: 'pre-shared-key',
  phash: 'password',
  password: 'password',
  passwd: 'password',
  passphrase: 'password',
  community: 'snmp-community',
  'snmp-community-string': 'snmp-community',
  'private-key': 'key-material',
};

/** Secrets recognisable by their form alone, wherever they stand on a line. */
export function formSecrets(line: string, lower: string, out: Span[]): void {
  if (lower.includes('$9$') || lower.includes('-aq==')) {
    // One token may hold several markers ("$9$…$9$…"): go on after its end, not inside it.
    ENCRYPTED_TOKEN.lastIndex = 0;
    for (let m = ENCRYPTED_TOKEN.exec(line); m; m = ENCRYPTED_TOKEN.exec(line)) {
      const word = wordEnd(line, m.index, true);
      const tag = line.indexOf('<', m.index);
      const end = tag >= 0 && tag < word ? tag : word;
      out.push({ start: m.index, end, kind: 'other-secret' });
      ENCRYPTED_TOKEN.lastIndex = Math.max(end, m.index + 1);
    }
  }
  if (lower.includes(SECRET_DATA)) quotedSecrets(line, out);
  if (lower.includes('</')) xmlSecrets(line, out);
}

function quotedSecrets(line: string, out: Span[]): void {
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i)) {
    const end = quoteEnd(line, i);
    const value = line.slice(i + 1, end - 1);
    if (end - i > 2 && !isPlaceholder(value)) out.push({ start: i, end, kind: 'other-secret' });
    i = end;
  }
}

function xmlSecrets(line: string, out: Span[]): void {
  const unclosed = new Set<string>();
  XML_SECRET.lastIndex = 0;
  for (let m = XML_SECRET.exec(line); m; m = XML_SECRET.exec(line)) {
    const tag = m[1] ?? '';
    if (unclosed.has(tag)) continue;
    const from = m.index + m[0].length;
    // Only a complete element (XML closes with the same case): our own placeholders
    // (`<secret>`) look like opening tags.
    const end = line.indexOf(`</${tag}>`, from);
    if (end < 0) unclosed.add(tag);
    else {
      if (end > from) addValue(line, from, end, XML_KIND[tag.toLowerCase()] ?? 'other-secret', out);
      XML_SECRET.lastIndex = end;
    }
  }
}
