/**
 * The shape of a statement rule: a configuration statement that carries a secret, recognised by
 * an expression that runs from the start of the statement up to where the value begins. What the
 * value is (one word, a Junos word, the rest of the line) is read by code, not by the expression,
 * so that quoted values with blanks, escapes and unclosed quotes are cut the same way everywhere.
 */
import type { Context } from '../context.ts';
import type { SecretKind } from '../types.ts';

/** How far a secret value reaches. */
export type ValueShape =
  /** One word; a double-quoted part may hold blanks. */
  | 'word'
  /** One word that also stops at `;` (Junos and PAN-OS `key "…";`). */
  | 'junos'
  /** Everything to the end of the line (commands whose argument is a LINE). */
  | 'rest';

/** One way a configuration statement carries a secret. */
export interface StatementRule {
  /** What the value is; a function when the enclosing block decides (`null`: not a secret here). */
  readonly kind: SecretKind | ((ctx: Context) => SecretKind | null);
  /** Lowercase text the line must contain before the expression is tried (a cheap filter). */
  readonly literal: string;
  /** Matches from the statement start (`^`) or inside it (`(?:^|\s)`) up to the value. */
  readonly re: RegExp;
  /**
   * Where the match may lie: `start` (the expression is anchored), `set` (at the start, or
   * anywhere in a Junos/PAN-OS `set …` command), `anywhere` (any position of the statement).
   */
  readonly scope: 'start' | 'set' | 'anywhere';
  readonly value: ValueShape;
  /** Words to step over after the match before the value (a user name, a key file). */
  readonly skip?: number;
  /** The block the statement must be in. */
  readonly when?: (ctx: Context) => boolean;
}
