/**
 * Redaction: removes secrets from device output before anything leaves the page (a link
 * excerpt, a report, the clipboard), and optionally masks addresses and host names.
 *
 * - Secrets are always removed: pre-shared keys in every form the supported platforms write
 *   them, passwords and enable secrets, SNMP communities, RADIUS/TACACS+ keys, IKE key material
 *   (SKEYID/SK_* values, DH secrets, nonces and the hex dumps that follow their headers),
 *   private keys. Certificates are collapsed (see `blocks.ts` for why).
 * - Addresses become `<ip-N>` and host names `<host-N>` when asked; one redactor keeps the
 *   numbering across every text it redacts, so a report built from several pastes stays
 *   consistent.
 * - The output has exactly the lines of the input (findings keep pointing at the right line);
 *   every replacement is listed with its line and the columns it had in the original.
 * - It never throws: a line that somehow fails is replaced whole by `<secret>`.
 */
import { addressSpans } from './addresses.ts';
import { continueBlock, newBlockState, openBlock, type BlockState } from './blocks.ts';
import { newContext, updateContext, type Context } from './context.ts';
import { DUMP_LEAD, dumpStart, inlineKeyMaterial, isDumpHeader } from './debug.ts';
import { declaredNames, fqdnSpans, knownNameSpans } from './hostnames.ts';
import { formSecrets, statementSecrets } from './rules/apply.ts';
import { joinLines, restEnd, splitLines, statementStart, statementStarts } from './text.ts';
import {
  SECRET_PLACEHOLDER,
  type Redaction,
  type RedactOptions,
  type RedactResult,
  type Span,
} from './types.ts';

export type { Redaction, RedactionKind, RedactOptions, RedactResult } from './types.ts';
export { SECRET_PLACEHOLDER } from './types.ts';

/** A redactor: the same one numbers addresses and host names the same way in every text. */
export interface Redactor {
  redact(text: string): RedactResult;
}

/** Per-text state: the blocks and dumps that run over several lines. */
interface TextState {
  ctx: Context;
  blocks: BlockState;
  /** An open dump window: `lead` lines left before it must start; `started` once bytes were seen. */
  dump: { lead: number; started: boolean } | null;
}

/** Makes a redactor; addresses and host names are masked only when the options ask. */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const numbering = new Map<string, string>();
  let ips = 0;
  let hosts = 0;
  const knownNames = new Set<string>();

  const placeholder = (span: Span): string => {
    if (span.kind !== 'address' && span.kind !== 'hostname') return SECRET_PLACEHOLDER[span.kind];
    const key = `${span.kind}:${span.key ?? ''}`;
    let label = numbering.get(key);
    if (label === undefined) {
      label = span.kind === 'address' ? `<ip-${++ips}>` : `<host-${++hosts}>`;
      numbering.set(key, label);
    }
    return label;
  };

  return {
    redact(text: string): RedactResult {
      const { lines, breaks } = splitLines(typeof text === 'string' ? text : String(text));
      if (options.hostnames) learnNames(lines, knownNames);
      const names = [...knownNames].sort((a, b) => b.length - a.length);
      const state: TextState = { ctx: newContext(), blocks: newBlockState(), dump: null };
      const redactions: Redaction[] = [];
      const out = lines.map((line, i) => {
        let spans: Span[];
        try {
          spans = lineSpans(line, state, options, names);
        } catch {
          spans = line === '' ? [] : [{ start: 0, end: line.length, kind: 'other-secret' }];
        }
        return render(line, i + 1, spans, placeholder, redactions);
      });
      return { text: joinLines(out, breaks), redactions };
    },
  };
}

/** Redacts one text with a fresh redactor. */
export function redact(text: string, options?: RedactOptions): RedactResult {
  return createRedactor(options).redact(text);
}

function learnNames(lines: readonly string[], into: Set<string>): void {
  for (const line of lines) {
    if (line.length > 4000) continue; // a declaration or prompt is never that long
    for (const name of declaredNames(line, line.slice(statementStart(line)))) into.add(name);
  }
}

/** Everything to replace on one line, in order, without overlaps. */
function lineSpans(
  line: string,
  state: TextState,
  options: RedactOptions,
  names: readonly string[],
): Span[] {
  const secrets: Span[] = [];
  const lower = line.toLowerCase();
  const starts = statementStarts(line);
  const start = starts[0] ?? 0;
  continueBlock(state.blocks, line, start, secrets);
  dumpLine(line, state, secrets);
  for (const s of starts) statementSecrets(line, lower, s, state.ctx, secrets);
  formSecrets(line, lower, secrets);
  const packet = inlineKeyMaterial(line, lower, secrets);
  openBlock(state.blocks, line, start, lower, secrets);
  if (packet) state.dump = { lead: 0, started: true };
  else if (isDumpHeader(line)) state.dump = { lead: DUMP_LEAD, started: false };
  updateContext(state.ctx, line, start);

  const merged = mergeSecrets(secrets);
  const visible: Span[] = [];
  if (options.addresses) visible.push(...addressSpans(line));
  if (options.hostnames) visible.push(...knownNameSpans(line, names), ...fqdnSpans(line));
  return addOutside(merged, visible);
}

function dumpLine(line: string, state: TextState, out: Span[]): void {
  const dump = state.dump;
  if (!dump) return;
  const at = dumpStart(line, dump.started);
  if (at >= 0 || at === -2) {
    if (at >= 0) out.push({ start: at, end: restEnd(line), kind: 'key-material' });
    dump.started = true;
  } else if (dump.started || --dump.lead < 0) {
    state.dump = null;
  }
}

/** Sorts secret spans and joins the ones that overlap (a specific kind wins over other-secret). */
function mergeSecrets(spans: Span[]): Span[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (last.kind === 'other-secret') last.kind = s.kind;
    } else out.push({ ...s });
  }
  return out;
}

/** Adds address/host-name spans that touch no secret and no earlier span (longest first at a column). */
function addOutside(secrets: Span[], visible: Span[]): Span[] {
  if (visible.length === 0) return secrets;
  const sorted = visible.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  let k = 0;
  let lastEnd = 0;
  for (const v of sorted) {
    while (k < secrets.length && (secrets[k]?.end ?? 0) <= v.start) out.push(secrets[k++] as Span);
    const next = secrets[k];
    if (v.start >= lastEnd && !(next && next.start < v.end)) {
      out.push(v);
      lastEnd = v.end;
    }
  }
  while (k < secrets.length) out.push(secrets[k++] as Span);
  return out;
}

function render(
  line: string,
  lineNo: number,
  spans: readonly Span[],
  placeholder: (span: Span) => string,
  redactions: Redaction[],
): string {
  if (spans.length === 0) return line;
  let out = '';
  let at = 0;
  for (const s of spans) {
    const replacement = placeholder(s);
    out += line.slice(at, s.start) + replacement;
    at = s.end;
    redactions.push({ line: lineNo, start: s.start, end: s.end, kind: s.kind, replacement });
  }
  return out + line.slice(at);
}
