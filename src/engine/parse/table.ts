/**
 * A parser built from a table of line rules: the shape of every debug and
 * syslog parser. Each rule names one message, keeps a sample device line and
 * turns a match into a fact.
 *
 * Lines wrapped by a terminal or a web page are handled here once for all
 * parsers: when no rule matches a line, the line joined with the next one is
 * tried too, so a message split mid-word still matches and both lines are
 * claimed.
 */
import type { Fact, SignalFact } from '../../knowledge/facts.ts';
import type { Platform } from '../../knowledge/schema.ts';
import type { Line } from './lines.ts';
import type { Gate } from './gate.ts';
import { anyLiterals } from './literal.ts';
import { compileNeedles } from './needles.ts';
import { messageOf } from './lines.ts';
import type { ParseResult, Parser } from './types.ts';

/** What a rule returns for a match: a fact without its origin, or null to claim the line only. */
export type Emit = (
  m: RegExpExecArray,
  ctx: TableContext,
) => FactDraft | readonly FactDraft[] | null;

/** A fact before the table adds its format and lines. */
export type FactDraft = DistributiveOmit<Fact, 'format' | 'lines'> & {
  /** Earlier lines that belong to the proof (e.g. the request a retransmission repeats). */
  readonly alsoLines?: readonly number[];
};
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** One message the parser understands. */
export interface LineRule {
  /** Rule name, for tests and debugging. */
  readonly name: string;
  /** A device line this rule must match (checked by the tests). */
  readonly sample: string;
  /** Matched anywhere in the message part of the line (after the timestamp). */
  readonly re: RegExp;
  /** Omitted: the line is claimed as understood but yields no fact. */
  readonly emit?: Emit;
  /**
   * A catch-all for a family's lines (e.g. any `IKEv2:(SA ID = 1):` message). A line only weak
   * rules match is still tried joined with the next line, in case a specific message was wrapped.
   */
  readonly weak?: boolean;
}

/** Running state a table parser keeps while reading, for messages whose meaning depends on earlier lines. */
export interface TableContext {
  /** Free slots rules may use, e.g. the last IKE exchange sent. */
  readonly memory: Map<string, string>;
  readonly line: Line;
}

/** Options for a table parser. */
export interface TableParserSpec {
  readonly id: string;
  readonly platform: Platform;
  readonly command: string;
  /** A cheap test over the text of the paste: markers only this output has. */
  readonly marker: RegExp;
  readonly rules: readonly LineRule[];
}

const MAX_JOIN = 2; // a message wrapped over at most three physical lines

/** Builds a parser that applies the rules to every line, joining wrapped lines when needed. */
export function tableParser(spec: TableParserSpec): Parser {
  const { id, platform, command, marker, rules } = spec;
  // Which rules can match a message: one automaton pass over the rules' literals (a rule with none
  // is always tried), instead of an `includes` per rule per line.
  const candidates = ruleIndex(rules);
  // `message` is the text without its timestamp; lines carry it precomputed.
  const matchMessage = (
    message: string,
    ctx: TableContext,
  ): { facts: FactDraft[]; strong: boolean } | null => {
    const mayMatch = candidates(message);
    let hit = false;
    let strong = false;
    const facts: FactDraft[] = [];
    for (let k = 0; k < rules.length; k++) {
      if (!mayMatch(k)) continue;
      const rule = rules[k] as LineRule;
      rule.re.lastIndex = 0;
      const m = rule.re.exec(message);
      if (!m) continue;
      hit = true;
      if (rule.weak !== true) strong = true;
      else if (strong) continue; // a specific rule already explains the line
      const out = rule.emit?.(m, ctx) ?? null;
      if (out === null) continue;
      if (Array.isArray(out)) facts.push(...(out as readonly FactDraft[]));
      else facts.push(out as FactDraft);
    }
    return hit ? { facts, strong } : null;
  };
  const matchLine = (text: string, ctx: TableContext) => matchMessage(messageOf(text), ctx);
  const gate = gateOf(marker, rules);
  return {
    id,
    platform,
    command,
    gate,
    detect: (lines) => lines.some((l) => marker.test(l.text)),
    parse(lines): ParseResult {
      const facts: Fact[] = [];
      const claimed = new Set<number>();
      const memory = new Map<string, string>();
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === undefined || line.message === '') continue;
        let joined = line.text;
        let used = 0;
        let result = matchMessage(line.message, { memory, line });
        // Wrapped message: try the line with its continuation(s) while nothing specific matched.
        // Only a line that starts one of our messages (it carries the family's marker, or a
        // catch-all rule knew it) can have been wrapped: other lines are skipped at once, which
        // keeps a paste of other vendors' output cheap.
        const mayWrap = result !== null || marker.test(line.text);
        for (
          let extra = 1;
          mayWrap && (result === null || !result.strong) && extra <= MAX_JOIN;
          extra++
        ) {
          const next = lines[i + extra];
          if (next === undefined || next.no !== line.no + extra || next.text.trim() === '') break;
          // A continuation never matches on its own; a line that does starts a message of its own.
          if (matchMessage(next.message, { memory: new Map(memory), line: next }) !== null) break;
          const sep = /\s$/.test(joined) || /^\s/.test(next.text) ? '' : ' ';
          const glued = joined + next.text;
          const spaced = joined + sep + next.text.trim();
          joined = glued;
          // A word split by the wrap joins without a space; a space replaced by the wrap joins with one.
          const best = [glued, spaced]
            .map((text) => ({ text, r: matchLine(text, { memory: new Map(memory), line }) }))
            .filter((a) => a.r !== null)
            .sort((a, b) => Number(b.r?.strong) - Number(a.r?.strong))[0];
          if (best !== undefined && (best.r?.strong === true || result === null)) {
            // Replay on the real memory so state changes happen once.
            result = matchLine(best.text, { memory, line });
            used = extra;
          }
        }
        if (result === null) continue;
        const nos = Array.from({ length: used + 1 }, (_, k) => line.no + k);
        for (const n of nos) claimed.add(n);
        for (const { alsoLines, ...f } of result.facts) {
          const all = alsoLines ? [...new Set([...alsoLines, ...nos])].sort((a, b) => a - b) : nos;
          facts.push({ ...f, format: id, lines: all } as Fact);
        }
        i += used;
      }
      return { facts, claimed };
    },
  };
}

/**
 * For a message, a test of which rules can match it: a rule whose literals (any case) the
 * message does not hold cannot. Rules without literals always can.
 */
function ruleIndex(rules: readonly LineRule[]): (message: string) => (k: number) => boolean {
  const sets = rules.map((r) => anyLiterals(r.re));
  const needles = sets.flatMap((set, tag) => (set ?? []).map((text) => ({ text, tag })));
  const automaton = compileNeedles(needles);
  if (automaton === null) return () => () => true;
  const always = Uint8Array.from(sets, (set) => (set === null ? 1 : 0));
  const seen = new Int32Array(rules.length);
  let stamp = 0;
  const mark = (k: number): void => {
    seen[k] = stamp;
  };
  const mayMatch = (k: number): boolean => always[k] === 1 || seen[k] === stamp;
  return (message) => {
    stamp++;
    automaton.scan(message, mark);
    return mayMatch;
  };
}

/**
 * The table's gate: a line can match a rule only if it holds one of the rule's literals, and start
 * a wrapped message only if it also carries the marker; its continuations follow within MAX_JOIN
 * lines. A rule (or marker) with no literal to look for is tried on each line instead.
 */
function gateOf(marker: RegExp, rules: readonly LineRule[]): Gate {
  const needles = new Set<string>();
  const loose: { re: RegExp; on: 'text' | 'message' }[] = [];
  const add = (re: RegExp, on: 'text' | 'message') => {
    const set = anyLiterals(re);
    if (set === null) loose.push({ re, on });
    else for (const t of set) needles.add(t);
  };
  add(marker, 'text');
  for (const rule of rules) add(rule.re, 'message');
  const also = (line: Line) =>
    loose.some(({ re, on }) => {
      re.lastIndex = 0;
      return re.test(on === 'text' ? line.text : line.message);
    });
  return {
    needles: [...needles],
    before: 0,
    after: MAX_JOIN,
    ...(loose.length > 0 ? { also } : {}),
  };
}

/** Shorthand for a signal draft. */
export const signal = (
  s: Omit<SignalFact, 'kind' | 'format' | 'lines'> & { readonly alsoLines?: readonly number[] },
): FactDraft => ({ kind: 'signal', ...s });
