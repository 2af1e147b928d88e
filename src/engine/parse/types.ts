/** The contract every parser keeps. */
import type { Fact } from '../../knowledge/facts.ts';
import type { Platform } from '../../knowledge/schema.ts';
import { foundBy, type Gate } from './gate.ts';
import type { Line } from './lines.ts';

/** What one parser read from a paste. */
export interface ParseResult {
  readonly facts: readonly Fact[];
  /** Lines the parser understood (facts or known structure), by 1-based number. */
  readonly claimed: ReadonlySet<number>;
}

/** A parser for one vendor's command, debug or log family. */
export interface Parser {
  /** Format ID, `<platform>-<command-slug>`, e.g. `cisco-ios-debug-crypto-ikev2`. */
  readonly id: string;
  readonly platform: Platform;
  /** The command (or log source) whose output it reads, as typed on the device. */
  readonly command: string;
  /**
   * The lines the parser needs (see `gate.ts`); without one it reads every line. With one, `detect`
   * and `parse` are given only those lines, in order, so neighbours in the array need not be
   * neighbours in the paste: compare `no` before treating the next line as a continuation.
   */
  readonly gate?: Gate;
  /** Cheap test: could this paste hold our output at all? */
  detect(lines: readonly Line[]): boolean;
  /** Reads every line it understands anywhere in the paste; never throws. */
  parse(lines: readonly Line[]): ParseResult;
}

/** What `readerParser` needs: identity, a marker any line of the output carries, and a reader. */
export interface ReaderSpec {
  readonly id: string;
  readonly platform: Platform;
  readonly command: string;
  readonly marker: RegExp;
  readonly read: (lines: readonly Line[]) => ParseResult;
}

/** A parser around a whole-paste reader: detected by marker; a reader bug yields nothing, never a throw. */
export function readerParser(spec: ReaderSpec): Parser {
  const { id, platform, command, marker, read } = spec;
  return {
    id,
    platform,
    command,
    ...foundBy(marker),
    parse(lines) {
      try {
        return read(lines);
      } catch {
        return { facts: [], claimed: new Set() };
      }
    },
  };
}
