/** The IKEv1 state dictionary. (Being written: see the knowledge-base issue.) */
import type { StateEntry } from '../schema.ts';

/** IKEv1 states per platform and role. */
export const IKEV1_STATES: readonly StateEntry[] = [];
