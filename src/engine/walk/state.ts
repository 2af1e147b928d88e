/**
 * The diagnosis state the URL carries: the answers given on the way, any jump
 * the evidence or the user made, and the evidence applied. Everything else
 * (current node, context) is derived from it by `resolve`.
 */
import type { DiagnosisId } from '../../knowledge/catalogue.ts';
import type { Context, NodeId } from '../../knowledge/schema.ts';

/** One step of the walk: an answer picked (by index in the question's answers) or a jump to a node. */
export type Step =
  | { readonly kind: 'answer'; readonly index: number }
  | { readonly kind: 'jump'; readonly to: NodeId };

/** Where applied evidence came from: a paste of device output, or a two-peer configuration check. */
export type EvidenceOrigin = 'paste' | 'compare';

/** Evidence applied from a paste: the ranked findings and what the paste said about the case. */
export interface AppliedEvidence {
  readonly findings: readonly DiagnosisId[];
  readonly context: Context;
  readonly origin: EvidenceOrigin;
}

/** The whole shareable state. */
export interface WalkState {
  readonly trail: readonly Step[];
  readonly evidence: AppliedEvidence | null;
}

/** Where every walk begins. */
export const INITIAL_STATE: WalkState = { trail: [], evidence: null };
