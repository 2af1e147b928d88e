/** The IKEv2 notify dictionary. (Being written: see the knowledge-base issue.) */
import type { NotifyEntry } from '../schema.ts';

/** IKEv2 notify message types. */
export const IKEV2_NOTIFIES: readonly NotifyEntry[] = [];
