/**
 * FortiGate `diagnose debug application ike -1` (with `diagnose debug enable`): lines of the form
 * `ike 0:<phase1>:<serial>: <message>` (phase 2 lines add `<phase2>:<msgid>:`), and a few untagged
 * lines (`ike 0: comes …`, `ike Negotiate ISAKMP SA Error: …`).
 * Sources: Fortinet Document Library, "IPsec VPN troubleshooting" and "Understanding VPN related
 * logs" (FortiOS 6.x / 7.x); Fortinet Community technical tips on phase 1 / phase 2 debugging.
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { normaliseNotify, notifyMeaning } from '../strongswan/notify.ts';
import { messageRules, phaseOf, PLATFORM, TAG } from './debug_application_ike_messages.ts';

const rules: readonly LineRule[] = [
  ...messageRules,
  {
    name: 'no-proposal-chosen',
    sample: 'ike Negotiate ISAKMP SA Error: ike 0:HQ-to-Branch:52: no SA proposal chosen',
    re: new RegExp(
      String.raw`${TAG}(?:no (?:SA )?proposal chosen|peer SA proposal not match local policy)`,
    ),
    emit: (m, ctx) => {
      const phase = phaseOf(m.input, ctx);
      return signal({
        signal: phase === 2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        platform: PLATFORM,
        value: m.input.includes('peer SA proposal')
          ? 'peer SA proposal not match local policy'
          : 'no SA proposal chosen',
      });
    },
  },
  {
    name: 'negotiate-error',
    sample:
      'ike Negotiate IPsec SA Error: ike 0:HQ-to-Branch:52:HQ-p2:4354: no matching phase2 found',
    re: /\bike Negotiate (IPsec|ISAKMP) SA Error:/,
    emit: (m, { memory }) => {
      memory.set('phase', m[1] === 'IPsec' ? '2' : '1');
      return null;
    },
  },
  {
    name: 'psk-mismatch',
    sample: 'ike 0:to-FGT:2: probable pre-shared secret mismatch',
    re: new RegExp(
      String.raw`${TAG}(?:PSK auth failed: )?probable pre-shared (?:secret|key) mismatch`,
    ),
    emit: () => signal({ signal: 'psk.decrypt-failed', platform: PLATFORM }),
  },
  {
    name: 'auth-failed',
    sample: 'ike 0:to-HQ:82: PSK auth failed: probable pre-shared key mismatch',
    re: new RegExp(String.raw`${TAG}(?:PSK |certificate )?auth(?:entication)? (?:verify )?failed`),
    emit: () => signal({ signal: 'auth.failed', platform: PLATFORM, ikeVersion: 'ikev2' }),
  },
  {
    name: 'notify',
    // also "ike 0:HQ-to-Branch:1: sending INVALID-ID-INFORMATION notify"
    sample: 'ike 0:HQ-to-Branch:52: received notify type NO-PROPOSAL-CHOSEN',
    re: new RegExp(
      String.raw`${TAG}(?:(?:(send|sent|sending|received|recv)(?: IKEv[12])? notify(?: type| msg)?|notify msg (received|sent)):? ([A-Z][A-Z0-9_-]{2,40})\b|(sending|received) ([A-Z][A-Z0-9_-]{2,40}) notify\b)`,
    ),
    emit: (m, ctx) => {
      const verb = m[1] ?? m[2] ?? m[4] ?? '';
      const direction = /^sen/.test(verb) ? ('sent' as const) : ('received' as const);
      const notify = normaliseNotify(m[3] ?? m[5] ?? '');
      const peer = ctx.memory.get('peer');
      const base = { platform: PLATFORM, ...(peer ? { peer } : {}) };
      return [
        signal({ signal: 'ike.notify', ...base, notify, direction }),
        ...notifyMeaning(notify, phaseOf(m.input, ctx), base),
      ];
    },
  },
  {
    name: 'phase1-established',
    sample: 'ike 0:HQ-to-Branch:1: ISAKMP SA 9b6c9f7a8e0d1c2b/1e2f3a4b5c6d7e8f established',
    re: new RegExp(
      String.raw`${TAG}(?:(?:IKE|ISAKMP) SA \S{1,40} established\b|established (?:IKE|ISAKMP) SA\b)`,
    ),
    emit: (_m, { memory }) => {
      memory.set('phase', '2');
      const peer = memory.get('peer');
      return signal({ signal: 'phase1.complete', platform: PLATFORM, ...(peer ? { peer } : {}) });
    },
  },
  {
    name: 'phase2-added',
    sample: 'ike 0:HQ-to-Branch:1:HQ-to-Branch:1234: added IPsec SA: SPIs=a1b2c3d4/e5f6a7b8',
    re: new RegExp(
      String.raw`${TAG}(?:added|installed) IPsec SA(?:: SPIs=([0-9a-f]+\/[0-9a-f]+))?`,
    ),
    emit: (m, { memory }) => {
      const peer = memory.get('peer');
      return signal({
        signal: 'phase2.complete',
        platform: PLATFORM,
        ...(m[1] ? { value: m[1] } : {}),
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'negotiation-timeout',
    sample: 'ike 0:HQ-to-Branch:1224: negotiation timeout, deleting',
    re: new RegExp(
      String.raw`${TAG}(?:negotiation timeout, deleting|(quick-mode )?negotiation failed due to retry timeout)`,
    ),
    emit: (m, { memory }) => {
      const exchange = m[1] ? memory.get('lastP2') : memory.get('lastSent');
      const peer = memory.get('peer');
      return signal({
        signal: 'ike.gave-up',
        platform: PLATFORM,
        ...(exchange ? { exchange } : {}),
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'no-matching-gateway',
    sample: 'ike 0: no matching gateway for new request',
    re: new RegExp(
      String.raw`${TAG}(?:no matching gateway for new request|ignoring request from \S+, no matching gateway)`,
    ),
    // No vocabulary signal says "the peer address matches no configured gateway": the arrival is recorded.
    emit: (_m, { memory }) => {
      const peer = memory.get('peer');
      return signal({
        signal: 'ike.received',
        platform: PLATFORM,
        value: 'no matching gateway',
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'peer-id-mismatch',
    sample: 'ike 0:HQ-to-Branch:7: peer identifier does not match remote gateway',
    re: new RegExp(String.raw`${TAG}peer (?:identifier|id|ID) does not match`),
    emit: () => signal({ signal: 'peer-id.mismatch', platform: PLATFORM }),
  },
  {
    name: 'selectors-refused',
    sample: 'ike 0:HQ-to-Branch:52:4354: failed to match peer selectors',
    re: new RegExp(
      String.raw`${TAG}(?:failed to match peer selectors|no matching phase2 found|.{0,200}?\bTS_UNACCEPTABLE\b)`,
    ),
    emit: (m) =>
      /notify/i.test(m.input)
        ? null
        : signal({ signal: 'ipsec.ts-unacceptable', platform: PLATFORM }),
  },
  {
    name: 'peer-proposal',
    sample:
      'ike 0:HQ-to-Branch:52:4354: peer proposal is: peer:0:10.2.2.0-10.2.2.255:0, me:0:10.1.1.0-10.1.1.255:0',
    re: new RegExp(String.raw`${TAG}peer proposal is: peer:`),
    emit: (_m, { memory }) => {
      memory.set('phase', '2');
      return null;
    },
  },
  {
    name: 'negotiation-result',
    sample: 'ike 0:HQ-to-Branch:1: negotiation result',
    re: new RegExp(String.raw`${TAG}negotiation result`),
  },
  // Any other line of the IKE daemon: understood, no fact of its own.
  {
    name: 'generic',
    sample: 'ike 0:HQ-to-Branch:1: VID RFC 3947 4A131C81070358455C5728F20E95452F',
    re: new RegExp(TAG),
    weak: true,
  },
  {
    name: 'heap',
    sample: 'ike shrank heap by 159744 bytes',
    re: /\bike (?:shrank|grew) heap by \d+ bytes/,
    weak: true,
  },
];

/** `diagnose debug application ike -1` on FortiOS. */
export const debugApplicationIke = tableParser({
  id: 'fortigate-diagnose-debug-application-ike',
  platform: PLATFORM,
  command: 'diagnose debug application ike -1',
  marker: /\bike \d+:(?:[^\s:]+:)*\s?\S/,
  rules,
});
