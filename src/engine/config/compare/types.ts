/**
 * The output of the two-peer comparison (contracts.md §1, `compare`) and the small context every
 * check works from: one side's model, its input lines when known, and a finding builder.
 */
import type { DiagnosisId } from '../../../knowledge/catalogue.ts';
import type { Platform } from '../../../knowledge/schema.ts';
import type { Connection, PeerConfig } from '../model.ts';

/** How bad a difference is: `error` stops the tunnel or its traffic, `info` works as it is. */
export type Severity = 'error' | 'warning' | 'info';

/** Which side should change: one of them, either one (both commands fix it alone), or both. */
export type Change = 'a' | 'b' | 'either' | 'both';

/** One mismatch between the peers (or a risk on one of them), with both sides' lines. */
export interface CompareFinding {
  readonly diagnosis: DiagnosisId;
  readonly severity: Severity;
  /** 1-based lines of peer A's input that prove it (empty when A has nothing to show). */
  readonly a: number[];
  /** 1-based lines of peer B's input. */
  readonly b: number[];
  readonly message: string;
  readonly fix: string;
  readonly change: Change;
  /** The configuration commands that fix it on that side, in the platform's syntax; never a key. */
  readonly commands: { a?: string[]; b?: string[] };
}

/** What the comparison read on one side. */
export interface PeerSummary {
  readonly platform: Platform;
  readonly hostname?: string;
  /** The side's own addresses: interfaces, tunnel sources, connection local addresses. */
  readonly addresses: string[];
  /** Connection names (crypto map entries, tunnels, phase1s, conns). */
  readonly connections: string[];
}

/** The whole comparison. */
export interface CompareResult {
  readonly peers: [PeerSummary, PeerSummary];
  /** Connections that were compared with each other, by name. */
  readonly pairs: { a: string; b: string }[];
  /** Errors first, then warnings, then information; within each, ip → ike → auth → ipsec → routing. */
  readonly findings: CompareFinding[];
}

/** Optional inputs of `compareConfigs`. */
export interface CompareOptions {
  /**
   * The two configuration texts the models were read from. With them a finding cites only the
   * lines of an element that concern it (`set pfs`, not the whole crypto map entry) and commands
   * can name a FortiGate phase2 or quote an ACL line exactly.
   */
  readonly texts?: readonly [string, string];
}

/** One side as the checks see it. */
export interface Side {
  readonly id: 'a' | 'b';
  readonly peer: PeerConfig;
  /** The input's lines (index 0 = line 1), when the text was given. */
  readonly text?: readonly string[];
  /** Own addresses (no prefix length). */
  readonly addresses: readonly string[];
}

/** Two connections believed to be the two ends of one tunnel. */
export interface Pair {
  readonly a: Side;
  readonly b: Side;
  readonly ca: Connection;
  readonly cb: Connection;
}

/** What a check gives before its lines are sorted. */
export interface FindingDraft {
  readonly diagnosis: DiagnosisId;
  readonly severity: Severity;
  readonly a?: readonly number[];
  readonly b?: readonly number[];
  readonly message: string;
  readonly fix: string;
  readonly change: Change;
  readonly commands?: { a?: readonly string[] | undefined; b?: readonly string[] | undefined };
}

/** A finding with its lines sorted and de-duplicated, and empty command lists left out. */
export function finding(d: FindingDraft): CompareFinding {
  const commands: { a?: string[]; b?: string[] } = {};
  if (d.commands?.a && d.commands.a.length > 0) commands.a = [...d.commands.a];
  if (d.commands?.b && d.commands.b.length > 0) commands.b = [...d.commands.b];
  return {
    diagnosis: d.diagnosis,
    severity: d.severity,
    a: sortedLines(d.a ?? []),
    b: sortedLines(d.b ?? []),
    message: d.message,
    fix: d.fix,
    change: d.change,
    commands,
  };
}

/** Lines sorted ascending without repeats (and without 0 or negatives a parser may leave). */
export function sortedLines(lines: readonly number[]): number[] {
  return [...new Set(lines)].filter((n) => n > 0).sort((x, y) => x - y);
}

/** `A` or `B` with the host name when the configuration gave one: "B (R2)". */
export function label(side: Side): string {
  const name = side.peer.hostname;
  return name ? `${side.id.toUpperCase()} (${name})` : side.id.toUpperCase();
}

/** A value under the side's own key: `{ a: v }` or `{ b: v }`. */
export function on<T>(side: Side, value: T): { a: T } | { b: T } {
  return side.id === 'a' ? { a: value } : { b: value };
}
