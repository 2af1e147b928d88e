/** Every kmd rule matches its own sample line, and wrapped samples still parse. */
import { describe, expect, it } from 'vitest';
import { messageOf, toLines } from '../../parse/lines.ts';
import { kmdLog, kmdRules } from './kmd_log.ts';

describe('juniper-srx-kmd-log rules', () => {
  it.each(kmdRules.map((r) => [r.name, r] as const))('%s matches its sample', (_name, rule) => {
    rule.re.lastIndex = 0;
    expect(rule.re.test(messageOf(rule.sample))).toBe(true);
  });

  it('reads a phase 1 no-proposal failure with role and peer', () => {
    const r = kmdLog.parse(
      toLines(
        'Jun 22 10:26:42  srx kmd[1427]: IKE negotiation failed with error: No proposal chosen. IKE Version: 1, VPN: Not-Available Gateway: gw-branch, Local: 203.0.113.1/500, Remote: 198.51.100.2/500, Local IKE-ID: 203.0.113.1, Remote IKE-ID: Not-Available, VR-ID: 0, Role: Responder',
      ),
    );
    expect(r.facts).toMatchObject([
      {
        signal: 'ike.policy-no-match',
        role: 'responder',
        peer: '198.51.100.2',
        ikeVersion: 'ikev1',
      },
    ]);
  });

  it('reads a no-proposal failure after the peer identity is known as phase 2', () => {
    const r = kmdLog.parse(
      toLines(
        'Jun 22 10:26:42  srx kmd[1427]: IKE negotiation failed with error: No proposal chosen. IKE Version: 1, VPN: vpn-branch Gateway: gw-branch, Local: 203.0.113.1/500, Remote: 198.51.100.2/500, Local IKE-ID: 203.0.113.1, Remote IKE-ID: 198.51.100.2, VR-ID: 0, Role: Initiator',
      ),
    );
    expect(r.facts).toMatchObject([{ signal: 'ipsec.proposal-no-match', role: 'initiator' }]);
  });
});
