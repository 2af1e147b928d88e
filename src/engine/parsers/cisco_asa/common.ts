/** Pieces shared by the Cisco ASA (and FTD) parsers. */
import type { Fact } from '../../../knowledge/facts.ts';
import type { Line } from '../../parse/lines.ts';

/** FTD runs the ASA data plane (LINA) and prints the same output; both are `cisco-asa`. */
export const PLATFORM = 'cisco-asa' as const;

/**
 * An address as ASA prints it: IPv4, IPv6, a sanitised `x.x.x.x`, or a `name` object
 * ("Fujitsu-SydAX"). No spaces, no commas.
 */
export const ADDR = String.raw`[\w.:-]+`;

/** A fact before its origin is added. */
export type Draft = Fact extends infer F
  ? F extends unknown
    ? Omit<F, 'format' | 'lines'>
    : never
  : never;

/** Adds the format and lines to a draft. */
export const withOrigin = (format: string, lines: readonly number[], draft: Draft): Fact =>
  ({ ...draft, format, lines: [...new Set(lines)].sort((a, b) => a - b) }) as Fact;

/** An integer from device text ("1,234" or "1234"), or undefined. */
export const num = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
};

/** Drops undefined fields so subset matching and JSON stay clean. */
export const compact = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T;

/** The message part of a show-output line: prompt echo and leading spaces removed. */
export const body = (line: Line): string => line.text.trim();
