/**
 * The ladder of every debug fixture (and every debug dev case, whose copies are fixtures) stops
 * where its source document says the exchange stopped. Each row names the fixture, the message
 * after which it stopped (`sender:message`) and why; the comment says what the document shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../diagnose.ts';
import { messageName } from './flow.ts';
import { buildLadder, ladderToText, type Ladder } from './index.ts';

const FIXTURES = new URL('../../../fixtures/', import.meta.url).pathname;
const ladderOf = (path: string): Ladder =>
  buildLadder(parse(readFileSync(`${FIXTURES}${path}.txt`, 'utf8')));
const ladderOfText = (text: string): Ladder => buildLadder(parse(text));

/** `responder:IKE_AUTH response`, or null when it stopped before any message. */
function stopAt(l: Ladder): string | null {
  const m = l.messages.find((x) => x.n === l.stop?.afterMessage);
  return m ? `${m.from}:${messageName(m.exchange, m.kind)}` : null;
}

/**
 * One row per fixture: `path | sender:message the exchange stopped after (or -) | kind | cause |
 * details`, details being `notify=…; expected=…; retransmits=n; role=…` where the document says.
 */
interface Want {
  readonly path: string;
  readonly at: string | null;
  readonly kind: string;
  readonly cause: string;
  readonly details: Readonly<Record<string, string>>;
}

function want(row: string): Want {
  const [path = '', at = '-', kind = '', cause = '', details = ''] = row.split(' | ');
  const pairs = details
    .split('; ')
    .filter((d) => d !== '')
    .map((d) => [d.slice(0, d.indexOf('=')), d.slice(d.indexOf('=') + 1)] as const);
  return { path, at: at === '-' ? null : at, kind, cause, details: Object.fromEntries(pairs) };
}

// Comments: the source document's account.
const STOPS: readonly string[] = [
  // ---- Cisco IOS debug crypto isakmp
  // Initiator re-sends aggressive mode message 1; no answer.
  'cisco_ios/debug_crypto_isakmp/aggressive-mode | initiator:AM1 | no-reply | no-reply | expected=AM2 from the responder; retransmits=1; role=initiator',
  // dev-032 (seed 004): R1 receives MM5, finds no key in the profile's keyrings and aborts: no MM6.
  'cisco_ios/debug_crypto_isakmp/key-not-in-profile-keyrings | initiator:MM5 | error | keyring.no-key-in-profile | expected=MM6 from the responder',
  // MM1 retransmitted three times, then "Death by retransmission P1".
  'cisco_ios/debug_crypto_isakmp/messy-mm1-retransmit | initiator:MM1 | no-reply | no-reply | expected=MM2 from the responder; retransmits=3; role=initiator',
  // The responder accepts no offer of MM1 and answers with a notify instead of MM2.
  'cisco_ios/debug_crypto_isakmp/phase1-policy-not-acceptable | responder:INFORMATIONAL | notify | ike.policy-no-match | notify=NO_PROPOSAL_CHOSEN; expected=MM2 from the responder; role=responder',
  // dev-034 (seed 004): phase 1 done; the responder refuses QM1 (profile mismatch) with PROPOSAL_NOT_CHOSEN.
  'cisco_ios/debug_crypto_isakmp/profile-did-not-match | responder:INFORMATIONAL | notify | ipsec.profile-mismatch | notify=NO_PROPOSAL_CHOSEN; expected=QM2 from the responder; role=responder',
  // dev-033 (seed 004): MM5 received; "reserved not zero on ID payload": different keys.
  'cisco_ios/debug_crypto_isakmp/reserved-not-zero | initiator:MM5 | error | psk.malformed | expected=MM6 from the responder; role=responder',
  // ---- Cisco IOS debug crypto ikev2 (seed 002, dev-012 … dev-027)
  'cisco_ios/debug_crypto_ikev2/auth-method-mismatch | responder:IKE_AUTH response | notify | auth.method-mismatch | notify=AUTHENTICATION_FAILED; role=responder',
  // dev-026: IKE_AUTH RESPONSE carries NOTIFY(NO_PROPOSAL_CHOSEN) (then the initiator deletes).
  'cisco_ios/debug_crypto_ikev2/auth-response-no-proposal-chosen | responder:IKE_AUTH response | notify | ipsec.proposal-no-match | notify=NO_PROPOSAL_CHOSEN; role=initiator',
  // dev-024 / dev-023: the FlexVPN server fails authorization while answering IKE_AUTH.
  'cisco_ios/debug_crypto_ikev2/authz-aaa-clone | initiator:IKE_AUTH request | error | authz.failed | expected=IKE_AUTH response from the responder',
  'cisco_ios/debug_crypto_ikev2/authz-alloc-ip | initiator:IKE_AUTH request | error | authz.failed | expected=IKE_AUTH response from the responder',
  // dev-017: certificate chain validation failed; AUTHENTICATION_FAILED sent.
  'cisco_ios/debug_crypto_ikev2/cert-chain-failed | responder:IKE_AUTH response | notify | cert.chain-invalid | notify=AUTHENTICATION_FAILED',
  'cisco_ios/debug_crypto_ikev2/cert-expired | responder:IKE_AUTH response | notify | cert.expired | notify=AUTHENTICATION_FAILED',
  'cisco_ios/debug_crypto_ikev2/crl-socket-select | responder:IKE_AUTH response | notify | cert.revocation-failed | notify=AUTHENTICATION_FAILED',
  // dev-022: EAP identity refused by the server during IKE_AUTH.
  'cisco_ios/debug_crypto_ikev2/eap-ip-identity | initiator:IKE_AUTH request | error | eap.failed',
  // dev-025: no ESP proposal matched; IKE_AUTH response with NOTIFY(NO_PROPOSAL_CHOSEN).
  'cisco_ios/debug_crypto_ikev2/esp-no-matching-policy | responder:IKE_AUTH response | notify | ipsec.proposal-no-match | notify=NO_PROPOSAL_CHOSEN; role=responder',
  // dev-013: IKE_SA_INIT went through, IKE_AUTH request retransmitted (fragments lost).
  'cisco_ios/debug_crypto_ikev2/ike-auth-retransmit | initiator:IKE_AUTH request | no-reply | no-reply | expected=IKE_AUTH response from the responder; retransmits=1; role=initiator',
  // dev-012: IKE_SA_INIT request retransmitted, no response.
  'cisco_ios/debug_crypto_ikev2/ike-sa-init-retransmit | initiator:IKE_SA_INIT request | no-reply | no-reply | expected=IKE_SA_INIT response from the responder; retransmits=2; role=initiator',
  // dev-019: no IKEv2 profile for the peer identity; authentication failure notify.
  'cisco_ios/debug_crypto_ikev2/profile-not-found | responder:IKE_AUTH response | notify | cert.identity-mismatch | notify=AUTHENTICATION_FAILED',
  // dev-021: the initiator has no key for the peer: "Failed to initiate sa", nothing sent.
  'cisco_ios/debug_crypto_ikev2/psk-key-not-found | - | error | psk.not-found | expected=IKE_SA_INIT request from the initiator; role=initiator',
  // dev-014: the responder finds no matching policy for the IKE_SA_INIT proposals.
  'cisco_ios/debug_crypto_ikev2/sa-init-no-matching-policy | initiator:IKE_SA_INIT request | error | ike.policy-no-match',
  // dev-015: the initiator receives IKE_SA_INIT RESPONSE with NOTIFY(NO_PROPOSAL_CHOSEN).
  'cisco_ios/debug_crypto_ikev2/sa-init-no-proposal-chosen-received | responder:IKE_SA_INIT response | notify | ike.policy-no-match | notify=NO_PROPOSAL_CHOSEN; role=initiator',
  // dev-027: no IPsec policy for the received TS; TS unacceptable notify.
  'cisco_ios/debug_crypto_ikev2/ts-unacceptable-gre-vs-vti | responder:IKE_AUTH response | notify | ipsec.no-policy-for-ts | notify=TS_UNACCEPTABLE',
  // ---- Cisco ASA debug crypto ikev1 (seed 001)
  // dev-003: MM5 sent, INVALID_COOKIE comes back instead of MM6.
  'cisco_asa/debug_crypto_ikev1/dev-003-invalid-cookie | responder:INFORMATIONAL | notify | ike.invalid-cookie | notify=INVALID_COOKIE; expected=MM6 from the responder; role=initiator',
  // dev-005 (MM_WAIT_MSG2): MM1 answered by NO_PROPOSAL_CHOSEN.
  'cisco_asa/debug_crypto_ikev1/dev-005-no-proposal-chosen | responder:INFORMATIONAL | notify | ike.policy-no-match | notify=NO_PROPOSAL_CHOSEN; expected=MM2 from the responder; role=initiator',
  // dev-006 (MM_WAIT_MSG6): MM5 answered by PAYLOAD_MALFORMED, a key mismatch.
  'cisco_asa/debug_crypto_ikev1/dev-006-payload-malformed | responder:INFORMATIONAL | notify | psk.malformed | notify=PAYLOAD_MALFORMED; expected=MM6 from the responder; role=initiator',
  // dev-007: phase 2 torn down, crypto map policy not found for QM1's proxies.
  'cisco_asa/debug_crypto_ikev1/dev-007-crypto-map-policy-not-found | initiator:QM1 | error | ipsec.crypto-map-no-policy | expected=QM2 from the responder',
  // dev-008: the responder cannot build MM6: IKE ID against cert SAN.
  'cisco_asa/debug_crypto_ikev1/dev-008-ike-id-vs-cert-san | initiator:MM5 | error | cert.identity-mismatch | expected=MM6 from the responder; role=responder',
  // dev-010: an encrypted main mode packet could not be decrypted.
  'cisco_asa/debug_crypto_ikev1/dev-010-decrypt-failed | initiator:MM5 | error | psk.decrypt-failed',
  // ---- Cisco ASA debug crypto ikev2 / ipsec
  'cisco_asa/debug_crypto_ikev2/ike-sa-init-retransmit | initiator:IKE_SA_INIT request | no-reply | no-reply | retransmits=2; role=initiator',
  'cisco_asa/debug_crypto_ikev2/no-proposal-chosen-responder | responder:IKE_SA_INIT response | notify | ike.policy-no-match | notify=NO_PROPOSAL_CHOSEN; role=responder',
  // dev-001 (seed 000): phase 2 fails, IKE deletes the embryonic inbound SA; no IKE lines to draw.
  'cisco_asa/debug_crypto_ipsec/dev-001-delete-pfkey-embryonic | - | error | ipsec.embryonic-deleted',
  // ---- strongSwan charon
  'strongswan/charon_log/auth-failed-initiator | responder:IKE_AUTH response | notify | auth.failed | notify=AUTHENTICATION_FAILED; role=initiator',
  'strongswan/charon_log/cert-expired | responder:IKE_AUTH response | notify | cert.expired | notify=AUTHENTICATION_FAILED; role=responder',
  'strongswan/charon_log/no-proposal-chosen-sa-init | responder:IKE_SA_INIT response | notify | ike.policy-no-match | notify=NO_PROPOSAL_CHOSEN; expected=IKE_AUTH request from the initiator',
  'strongswan/charon_log/peer-config-mismatch | responder:IKE_AUTH response | notify | peer-id.mismatch | notify=AUTHENTICATION_FAILED; role=responder',
  'strongswan/charon_log/psk-mismatch-responder | responder:IKE_AUTH response | notify | psk.decrypt-failed | notify=AUTHENTICATION_FAILED; role=responder',
  'strongswan/charon_log/responder-no-child-config | responder:IKE_AUTH response | notify | ipsec.ts-unacceptable | notify=TS_UNACCEPTABLE; role=responder',
  'strongswan/charon_log/sa-init-no-response | initiator:IKE_SA_INIT request | no-reply | no-reply | retransmits=5; role=initiator',
  'strongswan/charon_log/ts-unacceptable | responder:IKE_AUTH response | notify | ipsec.ts-unacceptable | notify=TS_UNACCEPTABLE; role=initiator',
  // ---- libreswan pluto
  'strongswan/pluto_log/max-retransmissions | initiator:MM1 | no-reply | no-reply | retransmits=8; role=initiator',
  // The responder sent MR2 (MM4), MM5 carried the wrong ID: INVALID_ID_INFORMATION.
  'strongswan/pluto_log/peer-id-mismatch | responder:INFORMATIONAL | notify | peer-id.mismatch | notify=INVALID_ID_INFORMATION; expected=MM6 from the responder; role=responder',
  // The initiator cannot read MR3 (MM6) and answers PAYLOAD_MALFORMED.
  'strongswan/pluto_log/psk-mismatch | initiator:INFORMATIONAL | notify | psk.decrypt-failed | notify=PAYLOAD_MALFORMED; role=initiator',
  'strongswan/pluto_log/quick-mode-invalid-id | responder:INFORMATIONAL | notify | ipsec.ts-unacceptable | notify=INVALID_ID_INFORMATION; expected=QM2 from the responder; role=initiator',
  // ---- FortiGate
  'fortinet/debug_application_ike/ikev2-auth-child-no-proposal | responder:IKE_AUTH response | notify | ipsec.proposal-no-match | notify=NO_PROPOSAL_CHOSEN; role=initiator',
  'fortinet/debug_application_ike/ikev2-sa-init-timeout | initiator:IKE_SA_INIT request | no-reply | no-reply | retransmits=3; role=initiator',
  'fortinet/debug_application_ike/p1-no-proposal-responder | initiator:MM1 | error | ike.policy-no-match | expected=MM2 from the responder; role=responder',
  'fortinet/debug_application_ike/p2-selectors-mismatch | responder:INFORMATIONAL | notify | ipsec.ts-unacceptable | notify=INVALID_ID_INFORMATION; role=responder',
  // MM6 arrives and cannot be decrypted ("probable pre-shared secret mismatch").
  'fortinet/debug_application_ike/psk-mismatch | responder:MM6 | error | psk.decrypt-failed | role=initiator',
  // ---- Palo Alto ikemgr
  'paloalto/ikemgr_log/ikev2-auth-failed | responder:IKE_AUTH response | notify | auth.failed | notify=AUTHENTICATION_FAILED; role=initiator',
  'paloalto/ikemgr_log/p1-no-proposal | initiator:MM1 | error | ike.policy-no-match | role=responder',
  'paloalto/ikemgr_log/p1-timeout | initiator:MM1 | no-reply | no-reply | retransmits=2; role=initiator',
  'paloalto/ikemgr_log/p2-no-proposal | responder:INFORMATIONAL | notify | ipsec.proposal-no-match | notify=NO_PROPOSAL_CHOSEN; role=initiator',
  'paloalto/ikemgr_log/p2-proxy-id | initiator:QM1 | error | ipsec.ts-unacceptable | role=responder',
  'paloalto/ikemgr_log/psk-mismatch | initiator:MM5 | error | psk.decrypt-failed | role=responder',
];

describe('ladder stop point of every debug fixture', () => {
  it.each(STOPS.map((r) => [want(r).path, want(r)] as const))('%s', (path, w) => {
    const l = ladderOf(path);
    expect(l.complete).toBe(false);
    expect(stopAt(l), ladderToText(l)).toBe(w.at);
    expect(l.stop?.kind).toBe(w.kind);
    expect(l.stop?.cause).toBe(w.cause);
    const { notify, expected, retransmits, role } = w.details;
    if (notify) expect(l.stop?.notify).toBe(notify);
    if (expected) expect(l.stop?.expected).toBe(expected);
    if (role) expect(l.local.role).toBe(role);
    if (retransmits !== undefined) {
      const m = l.messages.find((x) => x.n === l.stop?.afterMessage);
      expect(m?.retransmits).toBe(Number(retransmits));
    }
    expect(l.stop?.lines.length).toBeGreaterThan(0);
  });
});

// [fixture, the messages in order (sender:message)].
const COMPLETE: readonly (readonly [string, readonly string[]])[] = [
  // dev-031 (seed 003): a whole main mode, IKE_I_MM1 … IKE_P1_COMPLETE.
  ['cisco_ios/debug_crypto_isakmp/main-mode-success', mm()],
  ['cisco_asa/debug_crypto_ikev1/seed-001-phase1-completed', mm()],
  ['cisco_ios/debug_crypto_ipsec/quick-mode-success', [...mm(), ...qm()]],
  ['cisco_ios/debug_crypto_ikev2/psk-exchange-success', v2()],
  ['strongswan/charon_log/healthy-ikev2-initiator', v2()],
  ['strongswan/pluto_log/ikev1-up-ok', [...mm(), ...qm()]],
  ['fortinet/debug_application_ike/ikev1-main-quick-ok', [...mm(), ...qm()]],
  ['paloalto/ikemgr_log/p1-p2-success', [...mm(), ...qm()]],
  ['cisco_ios/debug_crypto_isakmp/both-sides-main-mode', mm()],
];

function mm(): string[] {
  return [1, 2, 3, 4, 5, 6].map((n) => `${n % 2 ? 'initiator' : 'responder'}:MM${n}`);
}
function qm(): string[] {
  return ['initiator:QM1', 'responder:QM2', 'initiator:QM3'];
}
function v2(): string[] {
  return [
    'initiator:IKE_SA_INIT request',
    'responder:IKE_SA_INIT response',
    'initiator:IKE_AUTH request',
    'responder:IKE_AUTH response',
  ];
}

// Every fixture of these debug formats has a row above: a new one must say where it stops.
const DEBUG_DIRS = [
  'cisco_ios/debug_crypto_isakmp',
  'cisco_ios/debug_crypto_ikev2',
  'cisco_ios/debug_crypto_ipsec',
  'cisco_asa/debug_crypto_ikev1',
  'cisco_asa/debug_crypto_ikev2',
  'cisco_asa/debug_crypto_ipsec',
  'strongswan/charon_log',
  'strongswan/pluto_log',
  'fortinet/debug_application_ike',
  'paloalto/ikemgr_log',
];

describe('every debug fixture is in the tables', () => {
  const covered = new Set([...STOPS.map((r) => want(r).path), ...COMPLETE.map(([p]) => p)]);
  const all = DEBUG_DIRS.flatMap((dir) =>
    readdirSync(`${FIXTURES}${dir}`)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => `${dir}/${f.replace(/\.txt$/, '')}`),
  );
  it.each(all)('%s', (path) => {
    expect(covered.has(path)).toBe(true);
  });
});

describe('ladder of a complete exchange', () => {
  it.each(COMPLETE)('%s', (path, want) => {
    const l = ladderOf(path);
    expect(l.complete, ladderToText(l)).toBe(true);
    expect(l.stop).toBeUndefined();
    expect(l.messages.map((m) => `${m.from}:${messageName(m.exchange, m.kind)}`)).toEqual(want);
  });

  it('seed 003: every main mode message is in the log, with the state after it', () => {
    const l = ladderOf('cisco_ios/debug_crypto_isakmp/main-mode-success');
    expect(l.messages.map((m) => m.inferred)).toEqual([false, false, false, false, false, false]);
    expect(l.messages.map((m) => m.state)).toEqual([
      'IKE_I_MM1',
      'IKE_I_MM2',
      'IKE_I_MM3',
      'IKE_I_MM4',
      'IKE_I_MM5',
      'UNKNOWN',
    ]);
    expect(l.local).toEqual({ role: 'initiator', logged: true });
    expect(l.peer).toMatchObject({ role: 'responder', address: '172.16.6.2', logged: false });
    expect(l.messages[0]?.lines).toEqual([5]);
  });
});

describe('one side or both', () => {
  it('a responder log: what the initiator sent before the log starts is inferred', () => {
    const l = ladderOf('strongswan/pluto_log/peer-id-mismatch');
    expect(l.messages.map((m) => [m.exchange, m.inferred])).toEqual([
      ['MM1', true],
      ['MM2', false],
      ['MM3', true],
      ['MM4', false],
      ['MM5', true],
      ['INFORMATIONAL', false],
    ]);
  });

  it('two routers interleaved (seed 004): merged by message, both logs marked', () => {
    const l = ladderOf('cisco_ios/debug_crypto_isakmp/both-sides-main-mode');
    expect(l.local).toMatchObject({ role: 'initiator', address: '192.168.0.1', logged: true });
    expect(l.peer).toMatchObject({ role: 'responder', address: '192.168.0.2', logged: true });
    expect(l.messages.map((m) => m.seenBy.length)).toEqual([1, 1, 2, 2, 2, 2]);
    // MM3: sent by R1 (line 59) and received by R2 (line 61), one arrow.
    expect(l.messages[2]?.lines).toEqual(expect.arrayContaining([59, 60, 61, 62]));
  });

  it('two routers, failing (dev-032): the responder side stops after MM5', () => {
    const l = ladderOf('cisco_ios/debug_crypto_isakmp/key-not-in-profile-keyrings');
    expect(l.peer.logged).toBe(true);
    expect(l.messages.map((m) => m.inferred)).toEqual([true, false, false, false, false]);
    expect(l.messages[4]?.seenBy).toEqual(expect.arrayContaining(['initiator', 'responder']));
  });
});

// Two devices in one paste: a strongSwan initiator (lines as in the charon fixtures) and the
// FortiGate it talks to (FortiOS 7.x `diagnose debug application ike -1` responder lines, written
// from the FortiGate fixtures' format); the keys differ, the FortiGate refuses IKE_AUTH.
const TWO_PLATFORMS = `May  2 14:11:06 moon charon-systemd[902]: initiating IKE_SA net-net[1] to 192.0.2.20
May  2 14:11:06 moon charon-systemd[902]: generating IKE_SA_INIT request 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(FRAG_SUP) N(HASH_ALG) N(REDIR_SUP) ]
May  2 14:11:06 moon charon-systemd[902]: sending packet: from 192.0.2.10[500] to 192.0.2.20[500] (464 bytes)
May  2 14:11:06 moon charon-systemd[902]: received packet: from 192.0.2.20[500] to 192.0.2.10[500] (472 bytes)
May  2 14:11:06 moon charon-systemd[902]: parsed IKE_SA_INIT response 0 [ SA KE No N(NATD_S_IP) N(NATD_D_IP) N(MULT_AUTH) ]
May  2 14:11:07 moon charon-systemd[902]: generating IKE_AUTH request 1 [ IDi N(INIT_CONTACT) IDr AUTH SA TSi TSr N(MULT_AUTH) N(EAP_ONLY) N(MSG_ID_SYN_SUP) ]
May  2 14:11:07 moon charon-systemd[902]: sending packet: from 192.0.2.10[4500] to 192.0.2.20[4500] (288 bytes)
May  2 14:11:07 moon charon-systemd[902]: received packet: from 192.0.2.20[4500] to 192.0.2.10[4500] (80 bytes)
May  2 14:11:07 moon charon-systemd[902]: parsed IKE_AUTH response 1 [ N(AUTH_FAILED) ]
May  2 14:11:07 moon charon-systemd[902]: received AUTHENTICATION_FAILED notify error

FGT-SUN # diagnose debug application ike -1
FGT-SUN # diagnose debug enable
ike 0: comes 192.0.2.10:500->192.0.2.20:500,ifindex=5,vrf=0....
ike 0: IKEv2 exchange=SA_INIT id=5e1f2a3b4c5d6e7f/0000000000000000 len=464
ike 0:to-moon:21: responder received SA_INIT msg
ike 0:to-moon:21: sent IKE msg (SA_INIT_RESPONSE): 192.0.2.20:500->192.0.2.10:500, len=472, vrf=0, id=5e1f2a3b4c5d6e7f/8a9b0c1d2e3f4a5b
ike 0: comes 192.0.2.10:4500->192.0.2.20:4500,ifindex=5,vrf=0....
ike 0: IKEv2 exchange=AUTH id=5e1f2a3b4c5d6e7f/8a9b0c1d2e3f4a5b:00000001 len=288
ike 0:to-moon:21: responder received AUTH msg
ike 0:to-moon:21: PSK auth failed: probable pre-shared key mismatch
ike 0:to-moon:21: sent IKE msg (AUTH_RESPONSE): 192.0.2.20:4500->192.0.2.10:4500, len=96, vrf=0, id=5e1f2a3b4c5d6e7f/8a9b0c1d2e3f4a5b:00000001
`;

describe('two platforms in one paste', () => {
  const l = ladderOfText(TWO_PLATFORMS);

  it('draws each message once, seen by both ends', () => {
    expect(l.messages.map((m) => `${m.from}:${messageName(m.exchange, m.kind)}`)).toEqual(v2());
    expect(l.messages.map((m) => [...m.seenBy].sort())).toEqual(
      v2().map(() => ['initiator', 'responder']),
    );
    expect(l.local).toMatchObject({ role: 'initiator', address: '192.0.2.10', logged: true });
    expect(l.peer).toMatchObject({ role: 'responder', address: '192.0.2.20', logged: true });
  });

  it('joins the lines of both logs to the message', () => {
    // IKE_AUTH request: generated and sent by strongSwan (6, 7), received by the FortiGate (18, 19).
    expect(l.messages[2]?.lines).toEqual(expect.arrayContaining([6, 7, 18, 19]));
    expect(l.messages[2]?.messageId).toBeDefined();
  });

  it('stops where the FortiGate refused IKE_AUTH, for the reason its log gives', () => {
    expect(stopAt(l)).toBe('responder:IKE_AUTH response');
    expect(l.stop).toMatchObject({
      kind: 'notify',
      notify: 'AUTHENTICATION_FAILED',
      cause: 'psk.decrypt-failed',
    });
    expect(l.stop?.lines).toEqual(expect.arrayContaining([9, 10, 21, 22]));
  });
});

describe('an SA table alone: the state says where it waits, exactly by role', () => {
  it('initiator in MM_WAIT_MSG2: MM1 sent, no answer', () => {
    const l = ladderOf('cisco_asa/show_crypto_isakmp_sa/mm-wait-msg2-initiator');
    expect(stopAt(l)).toBe('initiator:MM1');
    expect(l.stop).toMatchObject({ kind: 'no-reply', expected: 'MM2 from the responder' });
    expect(l.messages.map((m) => m.inferred)).toEqual([true]);
  });

  it('responder in MM_WAIT_MSG3: it sent MM2 and no MM3 came back', () => {
    // ASA 9.x `show crypto isakmp sa` layout as in the MM_WAIT_MSG2 fixture, on the responder.
    const l = ladderOfText(`ciscoasa# show crypto isakmp sa

IKEv1 SAs:

   Active SA: 1
    Rekey SA: 0 (A tunnel will report 1 Active and 1 Rekey SA during rekey)
Total IKE SA: 1

1   IKE Peer: 198.51.100.7
    Type    : L2L             Role    : responder
    Rekey   : no              State   : MM_WAIT_MSG3

There are no IKEv2 SAs
`);
    expect(l.local.role).toBe('responder');
    expect(l.messages.map((m) => `${m.from}:${m.exchange}`)).toEqual([
      'initiator:MM1',
      'responder:MM2',
    ]);
    expect(stopAt(l)).toBe('responder:MM2');
    expect(l.stop).toMatchObject({ kind: 'no-reply', expected: 'MM3 from the initiator' });
    expect(l.stop?.reason).toContain('MM_WAIT_MSG3');
  });
});

describe('ladderToText', () => {
  it('one line per message, then the stop', () => {
    const text = ladderToText(ladderOf('cisco_asa/debug_crypto_ikev1/dev-005-no-proposal-chosen'));
    expect(text.split('\n').slice(1)).toEqual([
      '1  initiator → responder  MM1  SA (proposals)  [inferred, not in the log]',
      '2  responder → initiator  INFORMATIONAL  HDR, NOTIFY N(NO_PROPOSAL_CHOSEN)',
      'stopped after message 2: The responder answered NO_PROPOSAL_CHOSEN: no IKE proposal matched: encryption, integrity, DH group or lifetime differ. Expected next: MM2 from the responder.',
    ]);
  });
});

describe('never throws', () => {
  it.each(['', 'garbage\n\u0000\u202e', 'ISAKMP:(0): sending packet to'])('%j', (text) => {
    const l = ladderOfText(text);
    expect(l.messages).toEqual([]);
    expect(l.complete).toBe(false);
  });
});
