/**
 * Classifier rules, one file per stage. The engine evaluates all of them and
 * ranks what matched: confidence, then the earliest broken stage, then weight.
 */
import { ipRules } from './ip.ts';
import type { Rule } from './types.ts';

/** Every rule. */
export const RULES: readonly Rule[] = [...ipRules];
