/**
 * The classifier: facts from all pastes together → findings, most likely root
 * cause first. Rules are data (`knowledge/rules`); this file only evaluates and
 * ranks them.
 */
import type { DiagnosisId } from '../../knowledge/catalogue.ts';
import type { Fact, SignalFact } from '../../knowledge/facts.ts';
import type { Condition, Confidence, Rule, SignalMatch } from '../../knowledge/rules/types.ts';
import type { Stage } from '../../knowledge/schema.ts';
import { STAGES } from '../../knowledge/schema.ts';
import { runTest, type FactIndex } from './tests.ts';

/** One proving line. */
export interface EvidenceLine {
  readonly line: number;
  readonly text: string;
}

/** A diagnosis the evidence supports. */
export interface Finding {
  readonly diagnosis: DiagnosisId;
  readonly stage: Stage;
  readonly confidence: Confidence;
  readonly evidence: readonly EvidenceLine[];
  /** Names of the rules that matched, and why. */
  readonly rules: readonly { readonly name: string; readonly why: string }[];
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

/** The stage a diagnosis ID belongs to; `healthy.*` IDs rank after every problem. */
export function stageOf(diagnosis: DiagnosisId): Stage {
  const prefix = diagnosis.split('.')[0] ?? '';
  if (diagnosis === 'healthy.phase1-up') return 'ike';
  if (diagnosis === 'healthy.tunnel-up') return 'routing';
  return (STAGES as readonly string[]).includes(prefix) ? (prefix as Stage) : 'ip';
}

/** Groups facts by kind. */
export function indexFacts(facts: readonly Fact[]): FactIndex {
  const signals: SignalFact[] = [];
  const ikeSas = [];
  const ipsecSas = [];
  const sessions = [];
  for (const f of facts) {
    if (f.kind === 'signal') signals.push(f);
    else if (f.kind === 'ike-sa') ikeSas.push(f);
    else if (f.kind === 'ipsec-sa') ipsecSas.push(f);
    else if (f.kind === 'session') sessions.push(f);
  }
  return { all: facts, signals, ikeSas, ipsecSas, sessions };
}

const isSignal = (c: Condition): c is SignalMatch => 'signal' in c;

const inList = (value: string | undefined, list: readonly string[] | undefined): boolean =>
  list === undefined || (value !== undefined && list.includes(value));

function matchSignal(facts: FactIndex, m: SignalMatch): readonly Fact[] | null {
  const hits = facts.signals.filter(
    (s) =>
      s.signal === m.signal &&
      inList(s.notify, m.notify) &&
      inList(s.exchange, m.exchange) &&
      inList(s.state, m.state) &&
      (m.direction === undefined || s.direction === m.direction) &&
      (m.role === undefined || s.role === undefined || s.role === m.role) &&
      (m.ikeVersion === undefined || s.ikeVersion === undefined || s.ikeVersion === m.ikeVersion) &&
      (m.protocol === undefined || s.protocol === m.protocol),
  );
  return hits.length >= (m.atLeast ?? 1) ? hits : null;
}

function holds(facts: FactIndex, c: Condition): readonly Fact[] | null {
  return isSignal(c) ? matchSignal(facts, c) : runTest(facts, c);
}

/** Evaluates one rule: the facts that prove it, or null. */
export function evaluate(rule: Rule, facts: FactIndex): readonly Fact[] | null {
  const proof: Fact[] = [];
  for (const c of rule.when) {
    const hit = holds(facts, c);
    if (hit === null) return null;
    proof.push(...hit);
  }
  for (const c of rule.unless ?? []) if (holds(facts, c) !== null) return null;
  return proof;
}

const MAX_EVIDENCE = 12;

/** Classifies facts; `lineText` gives the text of a 1-based line for the evidence. */
export function classify(
  facts: readonly Fact[],
  rules: readonly Rule[],
  lineText: (no: number) => string,
): Finding[] {
  const index = indexFacts(facts);
  const byDiagnosis = new Map<
    DiagnosisId,
    {
      confidence: Confidence;
      weight: number;
      lines: Set<number>;
      rules: { name: string; why: string }[];
    }
  >();
  for (const rule of rules) {
    const proof = evaluate(rule, index);
    if (proof === null) continue;
    const entry = byDiagnosis.get(rule.diagnosis) ?? {
      confidence: rule.confidence,
      weight: rule.weight,
      lines: new Set<number>(),
      rules: [],
    };
    if (CONFIDENCE_RANK[rule.confidence] > CONFIDENCE_RANK[entry.confidence])
      entry.confidence = rule.confidence;
    entry.weight = Math.max(entry.weight, rule.weight);
    for (const f of proof) for (const l of f.lines) entry.lines.add(l);
    entry.rules.push({ name: rule.name, why: rule.why });
    byDiagnosis.set(rule.diagnosis, entry);
  }
  const findings = [...byDiagnosis].map(([diagnosis, e]) => ({
    finding: {
      diagnosis,
      stage: stageOf(diagnosis),
      confidence: e.confidence,
      evidence: [...e.lines]
        .sort((a, b) => a - b)
        .slice(0, MAX_EVIDENCE)
        .map((line) => ({ line, text: lineText(line) })),
      rules: e.rules,
    } satisfies Finding,
    weight: e.weight,
  }));
  findings.sort((a, b) => rank(b.finding, b.weight) - rank(a.finding, a.weight));
  return findings.map((f) => f.finding);
}

// Problems before healthy states; then confidence; then the earliest broken stage (it is
// usually the root cause: a later stage cannot be healthy unless every earlier one is); then weight.
// Among healthy states the latest stage leads, whatever the confidence: "tunnel up" says more
// than "phase 1 up".
function rank(f: Finding, weight: number): number {
  const at = STAGES.indexOf(f.stage);
  const w = Math.min(weight, 999);
  if (f.diagnosis.startsWith('healthy.')) return at * 1e4 + CONFIDENCE_RANK[f.confidence] * 1e3 + w;
  return 1e6 + CONFIDENCE_RANK[f.confidence] * 1e4 + (STAGES.length - at) * 1e3 + w;
}
