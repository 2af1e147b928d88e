/**
 * The shell of a table-reading `show` parser, shared by vendor families: it never throws, claims
 * only what it understood, and collects facts with their origin. Plus small field helpers.
 */
import type { Fact } from '../../knowledge/facts.ts';
import type { Platform } from '../../knowledge/schema.ts';
import type { Line } from './lines.ts';
import { gateOn } from './gate.ts';
import type { ParseResult, Parser } from './types.ts';

export const PLATFORM = 'juniper-srx' as const;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A fact before its origin is added. */
export type Draft = DistributiveOmit<Fact, 'format' | 'lines'>;

// An address as the devices print it: IPv4, IPv6, or a sanitised `x.x.x.x`.
// Sample: "198.51.100.2", "2001:db8::2", "x.x.x.x"
export const ADDR = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}|[0-9xX]{1,3}(?:\.[0-9xX]{1,3}){3})`;

/** Collects facts and claimed lines for one parser. */
export class Collector {
  readonly facts: Fact[] = [];
  readonly claimed = new Set<number>();
  constructor(private readonly format: string) {}
  /** Claims lines as understood. */
  claim(...nos: readonly number[]): void {
    for (const n of nos) this.claimed.add(n);
  }
  /** Adds a fact proven by the given lines (claimed too). */
  add(draft: Draft, nos: readonly number[]): void {
    const lines = [...new Set(nos)].sort((a, b) => a - b);
    this.claim(...lines);
    this.facts.push({ ...draft, format: this.format, lines } as Fact);
  }
}

/** What a show parser supplies: its identity, a cheap marker and a reader over the lines. */
export interface ShowSpec {
  readonly id: string;
  readonly command: string;
  /** Matched against each line's text; one hit is enough to run the reader. */
  readonly marker: RegExp;
  readonly read: (lines: readonly Line[], out: Collector) => void;
}

/** Builds a `Parser` from a reader; a reader bug loses only this parser's findings. */
export function showParser(platform: Platform, spec: ShowSpec): Parser {
  return {
    id: spec.id,
    platform,
    command: spec.command,
    ...gateOn(spec.marker),
    detect: (lines) => lines.some((l) => l.text.length <= MAX_LINE && spec.marker.test(l.text)),
    parse(lines): ParseResult {
      const out = new Collector(spec.id);
      try {
        spec.read(lines, out);
      } catch {
        // Keep what was read so far.
      }
      return { facts: out.facts, claimed: out.claimed };
    },
  };
}

/** Lines longer than this hold no show output worth reading (guards every regex). */
export const MAX_LINE = 2_000;

/** The line text when it is short enough to read, else ''. */
export const textOf = (line: Line | undefined): string =>
  line === undefined || line.text.length > MAX_LINE ? '' : line.text;

/** A decimal count, or undefined. */
export const num = (s: string | undefined): number | undefined => {
  if (s === undefined || !/^\d{1,20}$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** Copies only the defined values (for `exactOptionalPropertyTypes`). */
export function defined<T extends Record<string, unknown>>(
  r: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (v !== undefined && v !== '') out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
