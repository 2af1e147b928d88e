/**
 * What every IOS section reader shares while one configuration is read: the lines it has used
 * (everything else counts as `unread`) and the notes it leaves for the reader.
 */
import type { ConfigNote, Lines } from '../model.ts';
import type { Node } from './tree.ts';

/** The state of one parse. */
export interface Ctx {
  readonly used: Set<number>;
  readonly notes: ConfigNote[];
}

/** A fresh parse state. */
export function newCtx(): Ctx {
  return { used: new Set(), notes: [] };
}

/** Marks statements as read and returns their line numbers in order. */
export function use(ctx: Ctx, ...nodes: readonly (Node | undefined)[]): number[] {
  const out: number[] = [];
  for (const n of nodes) {
    if (!n) continue;
    ctx.used.add(n.line);
    out.push(n.line);
  }
  return out;
}

/**
 * Leaves a note. The message must never quote a key statement: notes are built from names and
 * addresses only.
 */
export function note(ctx: Ctx, message: string, lines: Lines): void {
  for (const l of lines) ctx.used.add(l);
  ctx.notes.push({ message, lines });
}

/** The words after the first `n`, as written. */
export function rest(node: Node, n: number): string {
  return node.words.slice(n).join(' ');
}
