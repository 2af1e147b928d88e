/**
 * Where a line sits in the configuration around it: some secrets are only recognisable by their
 * block (`key 7 …` under `radius server`, `set name` under FortiGate `config system snmp
 * community`, `secret = …` under a swanctl `ike-…` section, PAN-OS `key …;` under
 * `pre-shared-key {`).
 */

/** The enclosing blocks of the current line, as far as plain text tells. */
export interface Context {
  /** The last unindented Cisco statement (the block header of indented lines), lowercased. */
  header: string;
  /** FortiGate `config …` path, innermost last, lowercased. */
  forti: string[];
  /** Names of the open `{ … }` blocks (Junos, PAN-OS, swanctl), innermost last, lowercased. */
  braces: string[];
}

/** A context at the top of a text. */
export function newContext(): Context {
  return { header: '', forti: [], braces: [] };
}

// "config vpn ipsec phase1-interface", "config system snmp community"
const FORTI_CONFIG = /^config\s+(\S[^\r\n]{0,200})$/i;
// "snmp {", "community public {", "ike-branch {", "pre-shared-key {"
const BRACE_OPEN = /^([^\s{]{1,100})(?:\s[^{]{0,300})?\{$/;
const MAX_DEPTH = 64;

/** Moves the context past one line whose statement starts at `start`. */
export function updateContext(ctx: Context, line: string, start: number): void {
  const stmt = line.slice(start, start + 400).trim();
  if (stmt === '') return;
  if (start === 0 && stmt !== '!' && !stmt.startsWith('!')) ctx.header = stmt.toLowerCase();
  const config = FORTI_CONFIG.exec(stmt);
  if (config) {
    if (ctx.forti.length < MAX_DEPTH) ctx.forti.push((config[1] ?? '').trim().toLowerCase());
  } else if (stmt === 'end') ctx.forti.pop();
  if (stmt.startsWith('}')) ctx.braces.pop();
  else {
    const open = BRACE_OPEN.exec(stmt);
    if (open && ctx.braces.length < MAX_DEPTH) ctx.braces.push((open[1] ?? '').toLowerCase());
  }
}

/** The innermost FortiGate `config` path, or ''. */
export function fortiBlock(ctx: Context): string {
  return ctx.forti[ctx.forti.length - 1] ?? '';
}

/** The innermost `{` block name, or ''. */
export function braceBlock(ctx: Context): string {
  return ctx.braces[ctx.braces.length - 1] ?? '';
}
