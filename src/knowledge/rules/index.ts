/**
 * Classifier rules, one file per stage. The engine evaluates all of them and
 * ranks what matched: problems before healthy states, then confidence, then the
 * earliest broken stage, then weight.
 */
import { authRules } from './auth.ts';
import { healthyRules } from './healthy.ts';
import { ikeRules } from './ike.ts';
import { ipRules } from './ip.ts';
import { ipsecRules } from './ipsec.ts';
import { routingRules } from './routing.ts';
import type { Rule } from './types.ts';

/** Every rule. */
export const RULES: readonly Rule[] = [
  ...ipRules,
  ...ikeRules,
  ...authRules,
  ...ipsecRules,
  ...routingRules,
  ...healthyRules,
];
