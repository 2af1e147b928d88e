/**
 * A first reading for the worker before the user's first paste: the knowledge base's evidence
 * examples (real device lines of every platform, about 11 KB), three times over so the engine's
 * hot loops get optimised. Reading them compiles the parsers' code and regexes, so the first
 * paste is read warm (a cold first reading of 100 KB took about twice as long).
 */
import { TREE } from '../knowledge/tree.ts';

const ROUNDS = 3;

/** Every diagnosis's evidence examples, one after the other, three times. */
export function warmUpText(): string {
  const texts: string[] = [];
  for (const node of TREE.nodes.values())
    if (node.kind === 'diagnosis') for (const e of node.evidence) texts.push(e.text);
  return Array.from({ length: ROUNDS }, () => texts.join('\n')).join('\n');
}
