/**
 * Paste → findings: the one function the page, the worker and the CLI call.
 */
import type { Fact } from '../knowledge/facts.ts';
import { RULES } from '../knowledge/rules/index.ts';
import type { Context } from '../knowledge/schema.ts';
import { classify, type Finding } from './classify/classify.ts';
import { inferContext } from './classify/context.ts';
import { parsePaste, type InputSpan, type ParsedPaste, type Progress } from './parse/run.ts';
import { PARSERS } from './parsers/registry.ts';
import { buildLadder, type Ladder } from './ladder/index.ts';

/** What `diagnose` answers. */
export interface Diagnosis {
  readonly inputs: readonly InputSpan[];
  readonly findings: readonly Finding[];
  readonly context: Context;
}

/** Parses a paste with every registered parser. */
export function parse(text: string, onProgress?: Progress): ParsedPaste {
  return parsePaste(text, PARSERS, onProgress);
}

/** Classifies parsed facts. */
export function diagnoseParsed(parsed: ParsedPaste): Diagnosis {
  const lineText = (no: number): string => parsed.lines[no - 1]?.raw ?? '';
  return {
    inputs: parsed.inputs,
    findings: classify(parsed.facts, RULES, lineText),
    context: inferContext(parsed.facts),
  };
}

/** Parses and classifies a paste. Never throws. */
export function diagnose(text: string, onProgress?: Progress): Diagnosis {
  return diagnoseParsed(parse(text, onProgress));
}

/** The facts of a paste grouped by kind, as `cli parse` prints them. */
export function factsByKind(facts: readonly Fact[]): Record<string, Omit<Fact, 'kind'>[]> {
  const out: Record<string, Omit<Fact, 'kind'>[]> = {};
  for (const f of facts) {
    const { kind, ...rest } = f;
    (out[kind] ??= []).push(rest);
  }
  return out;
}

/** What the page shows for a paste: the diagnosis and, when the paste holds an IKE exchange, its ladder. */
export interface Analysis extends Diagnosis {
  readonly ladder: Ladder | null;
}

/** Parses a paste once for both the findings and the exchange ladder. Never throws. */
export function analyse(text: string, onProgress?: Progress): Analysis {
  const parsed = parse(text, onProgress);
  const ladder = buildLadder(parsed);
  return { ...diagnoseParsed(parsed), ladder: ladder.messages.length > 0 ? ladder : null };
}
