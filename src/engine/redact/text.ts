/**
 * Small text tools for redaction: splitting a paste into lines without losing its line breaks,
 * finding where a configuration statement starts on a line (after a prompt, `no`, or an
 * archive-log prefix) and where a value ends (a word, a quoted string, or the rest of the line).
 */

/** A paste cut into lines, with the line breaks kept so it can be put back together exactly. */
export interface SplitText {
  lines: string[];
  /** `breaks[i]` follows `lines[i]` ('' after the last line). */
  breaks: string[];
}

// "line one\r\nline two\nline three\r"
const LINE_BREAK = /\r\n|\r|\n/g;

/** Splits on CRLF, CR or LF (the same lines `parse/lines.ts` numbers), keeping the breaks. */
export function splitLines(text: string): SplitText {
  const lines: string[] = [];
  const breaks: string[] = [];
  let from = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push(text.slice(from, m.index));
    breaks.push(m[0]);
    from = m.index + m[0].length;
  }
  lines.push(text.slice(from));
  breaks.push('');
  return { lines, breaks };
}

/** Puts split lines back together. */
export function joinLines(lines: readonly string[], breaks: readonly string[]): string {
  let out = '';
  for (let i = 0; i < lines.length; i++) out += (lines[i] ?? '') + (breaks[i] ?? '');
  return out;
}

// A device prompt before a typed command:
//   "R1(config-keyring)#pre-shared-key address 10.0.0.2 key cisco", "R1#show run",
//   "FGT60E (phase1-interface) # set psksecret ENC …", "admin@PA-VM# set network ike …",
//   "ciscoasa(config-tunnel-ipsec)# ikev1 pre-shared-key …", "user@srx-hq> show configuration",
//   and a prompt whose name this redactor masked: "<host-1> # diagnose debug enable" (so a second
//   pass reads the line as the first did: redaction stays idempotent)
const DEVICE_PROMPT =
  /^[ \t]*(?:[\w.-]{1,32}@)?(?:[A-Za-z][\w.-]{0,63}|<host-\d{1,6}>)(?: ?\([\w./:-]{0,48}\))? ?[#>][ \t]*/;
// A shell prompt: "root@moon:~# cat /etc/ipsec.secrets", "admin@vpn:/etc/swanctl$ "
const SHELL_PROMPT = /^[ \t]*[\w.-]{1,32}@[\w.-]{1,63}:[~\w./-]{0,200}[#$][ \t]*/;
// "no crypto isakmp key cisco address 10.0.0.2"
const NO_PREFIX = /^no[ \t]+/;
// IOS archive log: "%PARSER-5-CFGLOG_LOGGEDCMD: User:admin  logged command:crypto isakmp key …"
const LOGGED_COMMAND = 'logged command:';
// IOS `show archive log config all`: "    1     1        netadmin@vty0     |crypto isakmp key …"
const ARCHIVE_ROW = /^[ \t]*\d{1,9}[ \t]+\d{1,9}[ \t]+\S{1,100}[ \t]+\|/;
// ASA 111008/111010: "User 'enable_15' executed the 'crypto isakmp key …' command."
const ASA_EXECUTED = /\bexecuted (?:the )?'/;

/**
 * Columns where the configuration statement of a line may start: after a log prefix or a
 * prompt, then `no`. A line that only looks like a prompt (` key #Secret1`, ` key # x`) also
 * gets its plain start, so a prompt-like secret is never taken for a prompt and skipped.
 */
export function statementStarts(line: string): number[] {
  const logged = line.indexOf(LOGGED_COMMAND);
  if (logged >= 0) return [afterNo(line, logged + LOGGED_COMMAND.length)];
  const executed = ASA_EXECUTED.exec(line) ?? ARCHIVE_ROW.exec(line);
  if (executed) return [afterNo(line, executed.index + executed[0].length)];
  const plain = afterNo(line, 0);
  const prompt = SHELL_PROMPT.exec(line) ?? DEVICE_PROMPT.exec(line);
  if (!prompt) return [plain];
  const after = afterNo(line, prompt[0].length);
  return after === plain ? [plain] : [after, plain];
}

/** The first of `statementStarts`: where the statement most likely starts. */
export function statementStart(line: string): number {
  return statementStarts(line)[0] ?? 0;
}

function afterNo(line: string, from: number): number {
  const at = skipNoise(line, from);
  const no = NO_PREFIX.exec(line.slice(at, at + 20));
  return no ? at + no[0].length : at;
}

/** Skips blanks, zero-width characters and terminal colour codes ("\u001b[0m"). */
function skipNoise(line: string, from: number): number {
  let i = from;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (isBlank(c) && c !== 27) i++;
    else if ((c >= 0x200b && c <= 0x200d) || c === 0x2060) i++;
    else if (c === 27 && line.charAt(i + 1) === '[') i = csiEnd(line, i + 2);
    else break;
  }
  return i;
}

// Index after a CSI sequence's final byte (0x40-0x7e), at most 20 characters on.
function csiEnd(line: string, from: number): number {
  for (let j = from; j < line.length && j < from + 20; j++) {
    const c = line.charCodeAt(j);
    if (c >= 0x40 && c <= 0x7e) return j + 1;
  }
  return from;
}

// Characters that end an unquoted word: blanks (including the odd spaces of web pages) and `"`.
const WORD_STOP = /[\s"]/g;
const WORD_STOP_JUNOS = /[\s";]/g;

/** Index just after the double-quoted string opening at `open` (backslash escapes; unclosed: end). */
export function quoteEnd(line: string, open: number): number {
  for (let j = open + 1; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 34 /* " */) return j + 1;
  }
  return line.length;
}

/**
 * End of the word that starts at `from`: it runs to a blank, but a double-quoted part may hold
 * blanks (`"a b"c` is one word) and an unclosed quote runs to the end of the line, so a value is
 * never cut short. Junos words also stop at `;` (`"$9$…"; ## SECRET-DATA`).
 */
export function wordEnd(line: string, from: number, junos = false): number {
  const stop = junos ? WORD_STOP_JUNOS : WORD_STOP;
  let i = from;
  while (i < line.length) {
    stop.lastIndex = i;
    const m = stop.exec(line);
    if (!m) return line.length;
    if (m[0] !== '"') return m.index;
    i = quoteEnd(line, m.index);
  }
  return i;
}

/** End of the line without its trailing blanks. */
export function restEnd(line: string): number {
  let end = line.length;
  while (end > 0 && isBlank(line.charCodeAt(end - 1))) end--;
  return end;
}

/** Index of the first non-blank character at or after `from`. */
export function skipBlanks(line: string, from: number): number {
  let i = from;
  while (i < line.length && isBlank(line.charCodeAt(i))) i++;
  return i;
}

/** Blanks: space, tab, the odd Unicode spaces copied from web pages, and control characters. */
export function isBlank(code: number): boolean {
  return (
    code <= 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// "<psk>", "<secret>", "<key-material>", "<ip-12>", "<host-3>"
const PLACEHOLDER = /^<[a-z][a-z-]{1,20}(?:-\d{1,6})?>$/;

/** A value that is already one of our placeholders (so a second pass leaves it alone). */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value);
}

// "*****" — ASA `show running-config` already masks keys this way.
const MASKED = /^\*+$/;

/** A value the device has already masked. */
export function isMasked(value: string): boolean {
  return MASKED.test(value);
}
