/** Every PAN-OS log rule matches its own sample line. */
import { describe, expect, it } from 'vitest';
import { messageOf } from '../../parse/lines.ts';
import { ikemgrRules } from './ikemgr_log.ts';
import { systemLogRules } from './system_log.ts';

describe('PAN-OS log rules', () => {
  it.each([...ikemgrRules, ...systemLogRules].map((r) => [r.name, r] as const))(
    '%s matches its sample',
    (_name, rule) => {
      rule.re.lastIndex = 0;
      expect(rule.re.test(messageOf(rule.sample))).toBe(true);
    },
  );
});
