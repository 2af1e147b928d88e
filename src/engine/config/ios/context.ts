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

/** Words that mark a statement as carrying a secret. */
const SECRET_WORDS = new Set(['key', 'pre-shared-key', 'password', 'secret']);

/**
 * A statement quoted for a note (`"encr aes 512"`), or only its line number when any of its words
 * could introduce a secret (a key line mis-indented under a policy must not end up in a note).
 */
export function quote(node: Node): string {
  return node.key.some((w) => SECRET_WORDS.has(w))
    ? `line ${node.line}`
    : `"${node.words.join(' ')}"`;
}
