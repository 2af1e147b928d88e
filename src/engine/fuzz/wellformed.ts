/**
 * Test support for the fuzzers: what "well-formed output" means for the parsers, the classifier
 * and the configuration check. Each checker returns the problems it found (empty = well-formed),
 * so a failing property prints every broken field at once.
 */
import { CATALOGUE } from '../../knowledge/catalogue.ts';
import type { Fact } from '../../knowledge/facts.ts';
import { SIGNALS } from '../../knowledge/facts.ts';
import { PLATFORMS, STAGES } from '../../knowledge/schema.ts';
import type { CompareResult } from '../config/compare/types.ts';
import type { Diagnosis } from '../diagnose.ts';
import type { InputSpan, ParsedPaste } from '../parse/run.ts';
import type { ParseResult } from '../parse/types.ts';

const CATALOGUE_SET = new Set<string>(CATALOGUE);
const CONFIDENCES = new Set(['high', 'medium', 'low']);
const SEVERITIES = new Set(['error', 'warning', 'info']);
const CHANGES = new Set(['a', 'b', 'either', 'both']);

const isLineNo = (no: unknown, count: number): boolean =>
  typeof no === 'number' && Number.isInteger(no) && no >= 1 && no <= count;

/** Problems with line numbers claimed to lie in a text of `count` lines. */
export function badLines(where: string, lines: unknown, count: number): string[] {
  if (!Array.isArray(lines)) return [`${where}: lines is not an array`];
  const bad = lines.filter((no) => !isLineNo(no, count));
  return bad.length === 0
    ? []
    : [`${where}: lines ${JSON.stringify(bad.slice(0, 5))} not in 1..${count}`];
}

/** Problems with one fact: its lines, and for a signal its name in the vocabulary. */
export function factProblems(f: Fact, count: number, where: string): string[] {
  const out = badLines(`${where} ${f.kind}`, f.lines, count);
  if (typeof f.format !== 'string' || f.format === '') out.push(`${where}: fact without format`);
  if (f.kind === 'signal' && !(f.signal in SIGNALS))
    out.push(`${where}: unknown signal ${f.signal}`);
  return out;
}

/** Problems with what one parser returned for a text of `count` lines. */
export function parseResultProblems(r: ParseResult, count: number, parser: string): string[] {
  if (typeof r !== 'object' || r === null) return [`${parser}: no result`];
  if (!(r.claimed instanceof Set)) return [`${parser}: claimed is not a Set`];
  if (!Array.isArray(r.facts)) return [`${parser}: facts is not an array`];
  return [
    ...badLines(`${parser} claimed`, [...r.claimed], count),
    ...r.facts.flatMap((f) => factProblems(f, count, parser)),
  ];
}

/** Spans must lie in range, each first ≤ last, in order and without overlap. */
export function spanProblems(inputs: readonly InputSpan[], count: number): string[] {
  const out: string[] = [];
  let previous = 0;
  for (const s of inputs) {
    const where = `span ${s.format} ${s.firstLine}-${s.lastLine}`;
    if (!isLineNo(s.firstLine, count) || !isLineNo(s.lastLine, count))
      out.push(`${where}: out of 1..${count}`);
    if (s.firstLine > s.lastLine) out.push(`${where}: first after last`);
    if (s.firstLine <= previous) out.push(`${where}: starts at or before line ${previous}`);
    previous = s.lastLine;
    if (s.lines && s.lines.some((no) => no < s.firstLine || no > s.lastLine))
      out.push(`${where}: lists a line outside itself`);
  }
  return out;
}

/** Problems with a parsed paste of a text that has `count` lines. */
export function parsedProblems(p: ParsedPaste, count: number): string[] {
  const out: string[] = [];
  if (p.lines.length !== count) out.push(`${p.lines.length} lines read, ${count} in the text`);
  p.lines.forEach((l, i) => {
    if (l.no !== i + 1) out.push(`line ${i + 1} numbered ${l.no}`);
  });
  out.push(...p.facts.flatMap((f) => factProblems(f, count, 'parsePaste')));
  out.push(...spanProblems(p.inputs, count));
  out.push(...badLines('lineFormat', [...p.lineFormat.keys()], count));
  out.push(...badLines('unrecognized', p.unrecognized, count));
  return out;
}

/** Problems with a diagnosis of a text whose raw lines are `raw`. */
export function diagnosisProblems(d: Diagnosis, raw: readonly string[]): string[] {
  const count = raw.length;
  const out = spanProblems(d.inputs, count);
  for (const f of d.findings) {
    const where = `finding ${f.diagnosis}`;
    if (!CATALOGUE_SET.has(f.diagnosis)) out.push(`${where}: not in the catalogue`);
    if (!CONFIDENCES.has(f.confidence)) out.push(`${where}: confidence ${f.confidence}`);
    if (!(STAGES as readonly string[]).includes(f.stage)) out.push(`${where}: stage ${f.stage}`);
    out.push(
      ...badLines(
        `${where} evidence`,
        f.evidence.map((e) => e.line),
        count,
      ),
    );
    for (const e of f.evidence)
      if (isLineNo(e.line, count) && e.text !== raw[e.line - 1])
        out.push(`${where}: evidence text of line ${e.line} is not the line`);
  }
  const c = d.context;
  for (const p of [c.platform, c.peerPlatform])
    if (p !== undefined && !(PLATFORMS as readonly string[]).includes(p))
      out.push(`context platform ${p}`);
  if (c.ikeVersion !== undefined && c.ikeVersion !== 'ikev1' && c.ikeVersion !== 'ikev2')
    out.push(`context IKE version ${String(c.ikeVersion)}`);
  if (c.role !== undefined && c.role !== 'initiator' && c.role !== 'responder')
    out.push(`context role ${String(c.role)}`);
  return out;
}

/** Every `lines` array anywhere in a value (a configuration model), with where it was found. */
export function allLineArrays(value: unknown, path = '$'): { path: string; lines: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => allLineArrays(v, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'lines' ? [{ path: `${path}.lines`, lines: v }] : allLineArrays(v, `${path}.${k}`),
  );
}

/** Problems with a configuration model read from a text of `count` lines. */
export function peerProblems(peer: unknown, count: number): string[] {
  return allLineArrays(peer).flatMap(({ path, lines }) => badLines(path, lines, count));
}

/** Problems with a comparison of two texts of `countA` and `countB` lines. */
export function compareProblems(r: CompareResult, countA: number, countB: number): string[] {
  const out: string[] = [];
  for (const f of r.findings) {
    const where = `finding ${f.diagnosis}`;
    if (!CATALOGUE_SET.has(f.diagnosis)) out.push(`${where}: not in the catalogue`);
    if (!SEVERITIES.has(f.severity)) out.push(`${where}: severity ${f.severity}`);
    if (!CHANGES.has(f.change)) out.push(`${where}: change ${f.change}`);
    out.push(...badLines(`${where} a`, f.a, countA), ...badLines(`${where} b`, f.b, countB));
    if (typeof f.message !== 'string' || f.message.trim() === '') out.push(`${where}: no message`);
    if (typeof f.fix !== 'string') out.push(`${where}: no fix`);
    for (const cmds of [f.commands.a, f.commands.b])
      if (cmds !== undefined && !cmds.every((c) => typeof c === 'string'))
        out.push(`${where}: a command is not text`);
  }
  return out;
}
