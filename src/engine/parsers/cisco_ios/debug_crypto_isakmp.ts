/**
 * Cisco IOS / IOS-XE `debug crypto isakmp` (IKEv1 main, aggressive and quick mode).
 * Sources of the sample lines: The Trouble with IPsec VPNs, Part 3 (a complete main mode trace);
 * IPsec multiple keyrings with ISAKMP profiles (15.3T responder/initiator traces, keyring and
 * profile failures); Cisco IOS `debug crypto isakmp` output as printed by 12.4–15.x.
 */
import {
  signal,
  tableParser,
  type FactDraft,
  type LineRule,
  type TableContext,
} from '../../parse/table.ts';
import { echoRule, ADDR, notifyName, withWrappedTails } from './debug_common.ts';
import { P, packetRules, peerOf, phaseOf, TAG } from './debug_crypto_isakmp_packets.ts';

const rules: readonly LineRule[] = [
  echoRule(String.raw`(?:isakmp|isa)`, 'R1#debug crypto isakmp'),
  ...packetRules,
  // ---- Policy
  {
    name: 'checking-transform',
    sample: 'ISAKMP:(0):Checking ISAKMP transform 1 against priority 10 policy',
    re: /Checking ISAKMP transform \d+ against\s?priority \d+ policy/,
    emit: (_m, { memory }) => {
      memory.set('phase', '1');
      return null;
    },
  },
  {
    name: 'checking-ipsec-proposal',
    sample: 'ISAKMP:(1003):Checking IPSec proposal 1',
    re: /Checking IPSec proposal \d+/,
    emit: (_m, { memory }) => {
      memory.set('phase', '2');
      if (memory.get('qmRole') !== 'I') memory.set('qmRole', 'R');
      return null;
    },
  },
  {
    // Per-transform verdicts: one offer may fail against one policy and pass against the next, so the
    // final verdict ("phase 1 SA policy not acceptable!") is the evidence, not these lines.
    name: 'atts',
    sample: 'ISAKMP:(0):atts are acceptable. Next payload is 0',
    re: /atts are (not )?acceptable\.?(?: ?Next payload is \d+)?/,
    emit: (m, { memory }) => {
      if (m[1]) memory.set('attsRejected', phaseOfMemory(memory));
      return null;
    },
  },
  {
    name: 'attribute',
    sample: 'ISAKMP:      encryption DES-CBC',
    re: new RegExp(
      String.raw`^${TAG}\s*(?:encryption|hash|default group|group|auth|life type|life duration|encaps|SA life type|SA life duration|authenticator|key length|ESP|AH)\b`,
    ),
  },
  {
    name: 'lifetime',
    sample: 'ISAKMP:(0):Returning Actual lifetime: 86400',
    re: /(?:Returning Actual lifetime|Started lifetime timer|Fill atts in sa life_in_seconds):? ?(\d+)/,
    emit: (m) => signal({ signal: 'ike.lifetime', ...P, value: m[1] ?? '' }),
  },
  {
    name: 'phase1-not-acceptable',
    sample: 'ISAKMP:(0):phase 1 SA policy not acceptable! (local 10.1.1.1 remote 10.1.1.2)',
    re: new RegExp(
      String.raw`phase 1 SA policy not acceptable!\s?\(local ${ADDR} remote ${ADDR}\)`,
    ),
    emit: (m, { memory }) => {
      memory.set('p1Refused', '1');
      return signal({ signal: 'ike.policy-no-match', ...P, peer: m[2] ?? '', local: m[1] ?? '' });
    },
  },
  {
    name: 'phase2-not-acceptable',
    sample:
      'ISAKMP:(1003): phase 2 SA policy not acceptable! (local 192.168.0.2 remote 192.168.0.1)',
    re: new RegExp(
      String.raw`phase 2 SA policy not acceptable!\s?\(local ${ADDR} remote ${ADDR}\)`,
    ),
    emit: (m) =>
      signal({ signal: 'ipsec.proposal-no-match', ...P, peer: m[2] ?? '', local: m[1] ?? '' }),
  },
  {
    // The responder's IPsec layer refused the proposal. Error 32 means no crypto map entry accepts
    // the proxy identities: crypto ACLs that are not mirror images, or (seed 004) an entry bound to
    // another ISAKMP profile; only `map_db_check_isakmp_profile profile did not match` (debug crypto
    // ipsec) proves the profile case.
    name: 'ipsec-invalidated',
    sample: 'ISAKMP:(1003): IPSec policy invalidated proposal with error 32',
    re: /IPSec policy invalidated proposal with\s?error (\d+)/,
    emit: (m) =>
      m[1] === '32'
        ? signal({ signal: 'ipsec.proxy-unsupported', ...P, value: 'error 32' })
        : signal({ signal: 'ipsec.proposal-no-match', ...P, value: `error ${m[1] ?? ''}` }),
  },
  // ---- Notifies
  {
    name: 'notify-sent',
    sample: 'ISAKMP:(1003):Sending NOTIFY PROPOSAL_NOT_CHOSEN protocol 3',
    re: /Sending NOTIFY ([A-Z][A-Z0-9_]{2,40})(?: protocol (\d))?/,
    emit: (m, ctx) => notifyFacts(m[1] ?? '', 'sent', m[2], ctx),
  },
  {
    name: 'notify-received',
    sample: 'ISAKMP (0:1): processing NOTIFY PROPOSAL_NOT_CHOSEN protocol 1',
    re: /processing NOTIFY ([A-Z][A-Z0-9_]{2,40})(?: protocol (\d))?/,
    emit: (m, ctx) => notifyFacts(m[1] ?? '', 'received', m[2], ctx),
  },
  {
    // The tail IOS prints on its own line after a notify.
    name: 'notify-tail',
    sample: 'spi 0, message ID = 0, sa = 0xF46295E8',
    re: /^\s*(?:protocol \d\s*$|spi \d+, message ID = -?\d+)/,
  },
  // ---- Keys and authentication
  {
    name: 'psk-found',
    sample: 'ISAKMP (0:1): found peer pre-shared key matching 172.16.6.2',
    re: new RegExp(String.raw`found peer pre-shared key matching\s?${ADDR}`),
  },
  {
    name: 'psk-missing',
    sample: 'ISAKMP:(0):No pre-shared key with 10.1.1.2!',
    re: new RegExp(
      String.raw`No pre-shared key (?:with|for) ${ADDR}|No cert, and no keys \(public or pre-shared\) with remote peer ${ADDR}`,
    ),
    emit: (m) => signal({ signal: 'psk.not-found', ...P, peer: m[1] ?? m[2] ?? '' }),
  },
  {
    // The responder found the key in another keyring than the profile's (IOS 15.3T tech note).
    name: 'keyring-no-key',
    sample: 'ISAKMP:(1012):Key not found in keyrings of profile , aborting exchange',
    re: /Key not found in keyrings of profile ?([\w.-]{0,64}) ?,\s?aborting exchange/,
    emit: (m) =>
      signal({ signal: 'keyring.no-key-in-profile', ...P, ...(m[1] ? { value: m[1] } : {}) }),
  },
  {
    name: 'fsm-error',
    sample: 'ISAKMP (1012): FSM action returned error: 2',
    re: /FSM action returned error: ?(\d+)/,
  },
  {
    name: 'keyring-lookup',
    sample: 'ISAKMP:(0):Found ADDRESS key in keyring keyring1',
    re: /Found (?:ADDRESS|HOSTNAME|FQDN) key in keyring|local preshared key found|key for \S+ (?:not available in default|found in keyring)|Selecting \S+\s?as final key|Looking for xauth in profile|peer matches \S* ?profile|SA request profile is|Searching key for|No matching key/,
  },
  {
    name: 'reserved-not-zero',
    sample: 'ISAKMP: reserved not zero on ID payload!',
    re: /reserved not zero on (?:ID|\w+) payload/,
    emit: (_m, { memory }) => signal({ signal: 'psk.malformed', ...P, ...peerOf(memory) }),
  },
  {
    name: 'decrypt-failed',
    sample:
      'ISAKMP (0:1): had problems decrypting packet, probably due to mismatched pre-shared key',
    re: /problems decrypting packet|packet could not be decrypted|hash (?:verification|check) failed/,
    emit: () => signal({ signal: 'psk.decrypt-failed', ...P }),
  },
  {
    name: 'authenticated',
    sample: 'ISAKMP (0:1): SA has been authenticated with 172.16.6.2',
    re: new RegExp(String.raw`SA has been authenticated\s?with\s?${ADDR}`),
    emit: (m) => signal({ signal: 'phase1.complete', ...P, peer: m[1] ?? '' }),
  },
  {
    name: 'auth-status',
    sample: 'ISAKMP:(1003):SA authentication status: authenticated',
    re: /SA authentication status:\s?(authenticated|not authenticated|\w+)/,
  },
  {
    name: 'auth-type',
    sample: 'ISAKMP (0:1): SA is doing pre-shared key authentication using id type ID_IPV4_ADDR',
    re: /SA is doing [\w -]{3,40}\s?authentication(?: using id type [A-Z0-9_]+)?/,
  },
  {
    name: 'phase1-completed',
    sample: 'ISAKMP: PHASE 1 COMPLETED',
    re: /PHASE 1 COMPLETED/i,
    emit: () => signal({ signal: 'phase1.complete', ...P }),
  },
  {
    name: 'isakmp-off',
    sample: 'ISAKMP is OFF',
    re: /\bISAKMP is OFF\b/,
    emit: () => signal({ signal: 'ike.off', ...P }),
  },
  {
    // "Creating IPSec SAs" block: one SA per direction, then its SPI and lifetimes on lines of their own.
    name: 'creating-sas',
    sample: '        inbound SA from 10.0.12.2 to 10.0.12.1 (f/i)  0/ 0',
    re: new RegExp(
      String.raw`^\s*(?:(?:inbound|outbound) SA from ${ADDR} to ${ADDR} \(f/i\)|\(proxy \S+ to \S+\)|has spi {1,2}0x[0-9A-Fa-f]+ and conn_id \d+|lifetime of \d+ (?:seconds|kilobytes))`,
    ),
  },
  // ---- ID payload dump and other structure lines
  {
    name: 'id-payload-field',
    sample: 'next-payload : 8',
    re: /^\s*(?:next-payload|type|address|protocol|port|length|fqdn(?: name)?|dn|ip address|user fqdn) {1,12}: \S/i,
  },
  {
    name: 'generic',
    sample: 'ISAKMP:(0): processing vendor id payload',
    re: new RegExp(String.raw`^${TAG}\S`),
    weak: true,
  },
  {
    name: 'generic-aaa',
    sample: 'ISAKMP AAA: Accounting is not enabled',
    re: /^ISAKMP (?:AAA|NAT|PEER):/,
    weak: true,
  },
];

function phaseOfMemory(memory: Map<string, string>): string {
  return memory.get('phase') ?? '1';
}

/** A notify, and for NO_PROPOSAL_CHOSEN the phase it refused (protocol 1 is ISAKMP, 2/3 AH/ESP). */
function notifyFacts(
  raw: string,
  direction: 'sent' | 'received',
  protocol: string | undefined,
  ctx: TableContext,
): FactDraft[] {
  const notify = notifyName(raw);
  const peer = ctx.memory.get('peer');
  const out: FactDraft[] = [
    signal({ signal: 'ike.notify', ...P, notify, direction, ...(peer ? { peer } : {}) }),
  ];
  const phase = protocol === '1' ? '1' : protocol === '2' || protocol === '3' ? '2' : phaseOf(ctx);
  if (notify === 'NO_PROPOSAL_CHOSEN')
    out.push(
      signal({
        signal: phase === '2' ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        ...P,
        notify,
        direction,
      }),
    );
  if (notify === 'PAYLOAD_MALFORMED')
    out.push(signal({ signal: 'psk.malformed', ...P, notify, direction }));
  if (notify === 'INVALID_COOKIE')
    out.push(signal({ signal: 'ike.invalid-cookie', ...P, notify, direction }));
  return out;
}

/** `debug crypto isakmp` on IOS / IOS-XE. */
export const debugCryptoIsakmp = withWrappedTails(
  tableParser({
    id: 'cisco-ios-debug-crypto-isakmp',
    platform: 'cisco-ios',
    command: 'debug crypto isakmp',
    marker: /ISAKMP ?:? ?\(\d|ISAKMP ?: |Old State = \S+ +New State|ISAKMP is OFF/,
    rules,
  }),
);
