/**
 * ASA configuration text made ready for the statement tree, and the bookkeeping every ASA
 * reader shares: which lines went into the model, the notes, small word helpers.
 *
 * A paste may carry the prompt and the echoed command (`ciscoasa# show run crypto ipsec`) or be
 * typed config mode (`ciscoasa(config-ipsec-proposal)# protocol esp …`). Prompts are cut away
 * and a sub-mode prompt becomes one space of indentation, so the line nests under the command
 * that opened the mode, exactly as `show running-config` would print it. Line numbers never move.
 */
import { statements, type Statement } from '../blocks.ts';
import type { ConfigNote, Lines } from '../model.ts';
import { ipv4ToNumber } from '../normalise.ts';

// "Cisco-ASA(config-ipsec-proposal)# protocol esp encryption aes-gcm-256", "PetesASA# show crypto isakmp", "PetesPIX> enable"
const PROMPT = /^([A-Za-z][\w.-]{0,62})(?:\((config[\w-]{0,40})\))?[#>] ?/;

// Commands typed in a sub-mode that leave it (the CLI exits the mode and runs them globally):
// "ciscoasa(config-tunnel-ipsec)# crypto map outside_map 1 set peer 192.0.2.1"
const GLOBAL_COMMANDS = new Set([
  'access-list',
  'crypto',
  'group-policy',
  'hostname',
  'interface',
  'isakmp',
  'name',
  'nat',
  'object',
  'object-group',
  'route',
  'tunnel-group',
]);

// Exec and mode commands that are not configuration: "ciscoasa(config)# show run crypto map"
const NOT_CONFIG =
  /^(?:sh|show|more|do|debug|undebug|wr|write|conf|configure|enable|en|exit|end|copy|ping|clear|terminal|term)\b/i;

// The pager's prompt, alone or in front of the next line: "<--- More --->              crypto map …"
const PAGER = /^\s*<--- More --->\s*/;

/** The text with prompts removed and the host name the prompt showed, if any. */
export interface Prepared {
  readonly text: string;
  readonly promptHost?: string;
}

/** Removes prompts and echoed exec commands; sub-mode prompts become indentation. */
export function prepare(text: string): Prepared {
  let promptHost: string | undefined;
  const out = text.split(/\r\n|\r|\n/).map((raw) => {
    const pager = PAGER.exec(raw);
    if (pager) return afterPager(raw.slice(pager[0].length));
    const line = raw.replace(/^\s+/, '');
    const m = PROMPT.exec(line);
    if (!m) return raw;
    promptHost ??= m[1];
    const rest = line.slice(m[0].length).trim();
    if (!m[2] || NOT_CONFIG.test(rest)) return '';
    const first = rest.split(' ')[0] ?? '';
    const nested = m[2] !== 'config' && !GLOBAL_COMMANDS.has(first.toLowerCase());
    return nested ? ` ${rest}` : rest;
  });
  return { text: out.join('\n'), ...(promptHost ? { promptHost } : {}) };
}

/** The line the pager prompt ran into; its own indentation is lost, so guess it from the command. */
function afterPager(rest: string): string {
  if (rest === '') return '';
  const first = rest.split(' ')[0] ?? '';
  return GLOBAL_COMMANDS.has(first.toLowerCase()) ? rest : ` ${rest}`;
}

/** What every ASA reader works on and writes to. */
export interface Reader {
  /** Top-level statements of the prepared text. */
  readonly top: readonly Statement[];
  /** Lines that went into the model (or into a note about something the model cannot hold). */
  readonly used: Set<number>;
  readonly notes: ConfigNote[];
  /** PIX 6.x and older: other defaults and some other command forms. */
  readonly pix6: boolean;
}

/** A reader over prepared text. */
export function reader(text: string): Reader {
  const top = statements(text);
  return { top, used: new Set(), notes: [], pix6: isPix6(top) };
}

// "PIX Version 6.3(5)"; "nameif ethernet0 outside security0" (PIX 6 names interfaces globally)
function isPix6(top: readonly Statement[]): boolean {
  return top.some(
    (s) =>
      (startsWith(s, 'PIX', 'Version') && /^[1-6]\./.test(s.words[2] ?? '')) ||
      (startsWith(s, 'nameif') && /^security\d{1,3}$/.test(s.words[3] ?? '')),
  );
}

/** Marks lines as read into the model. */
export function use(r: Reader, ...lines: number[]): void {
  for (const l of lines) r.used.add(l);
}

/** Adds a note and marks its lines as read. */
export function note(r: Reader, message: string, lines: Lines): void {
  r.notes.push({ message, lines: [...lines] });
  use(r, ...lines);
}

/** Does the statement start with these words (case-insensitive)? */
export function startsWith(s: Statement, ...words: string[]): boolean {
  return words.every((w, i) => s.words[i]?.toLowerCase() === w.toLowerCase());
}

/** Top-level statements starting with these words. */
export function topLevel(r: Reader, ...words: string[]): Statement[] {
  return r.top.filter((s) => startsWith(s, ...words));
}

/** A lower-cased word, or '' past the end. */
export function word(s: Statement, i: number): string {
  return (s.words[i] ?? '').toLowerCase();
}

/** A non-negative integer word, or undefined. */
export function integer(w: string | undefined): number | undefined {
  return w !== undefined && /^\d{1,10}$/.test(w) ? Number(w) : undefined;
}

/** Is the word a dotted quad? PIX also writes `0` for 0.0.0.0. */
export function isIpv4(w: string | undefined): boolean {
  return w !== undefined && (w === '0' || ipv4ToNumber(w) !== null);
}

/** A dotted quad, with PIX's `0` shorthand expanded. */
export function ipv4(w: string): string {
  return w === '0' ? '0.0.0.0' : w;
}

/** A defining line followed by the other lines it relied on, ascending, without repeats. */
export function withSources(first: number, others: readonly number[]): number[] {
  return [first, ...[...new Set(others)].filter((l) => l !== first).sort((a, b) => a - b)];
}
