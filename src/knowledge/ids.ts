/** Tiny builders that brand plain strings as node IDs in the stage files. */
import type { NodeId } from './schema.ts';

/** Brands a string as a node ID. The tree tests check every ID resolves. */
export const id = (s: string): NodeId => s as NodeId;
