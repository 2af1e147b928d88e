/**
 * Rules for the IKE negotiation stage.
 * Sources: Cisco ASA site-to-site VPN troubleshooting (NO_PROPOSAL_CHOSEN, INVALID_COOKIE, AG_*,
 * MM_WAIT_MSG4); Troubleshooting IPsec VPNs (IKE_SA_INIT no proposal chosen).
 */
import type { Rule } from './types.ts';

const PHASE2 = ['IKE_AUTH', 'CREATE_CHILD_SA', 'QM1', 'QM2', 'QM3'];

/** IKE negotiation rules. */
export const ikeRules: readonly Rule[] = [
  {
    name: 'phase1-policy-no-match',
    diagnosis: 'ike.proposal-mismatch',
    confidence: 'high',
    weight: 50,
    when: [{ signal: 'ike.policy-no-match' }],
    unless: [{ signal: 'ike.policy-no-match', exchange: PHASE2 }],
    why: 'No phase 1 policy / IKE proposal matched: encryption, integrity, PRF, DH group or lifetime differ.',
  },
  {
    name: 'no-proposal-chosen-in-phase1',
    diagnosis: 'ike.proposal-mismatch',
    confidence: 'medium',
    weight: 40,
    when: [{ signal: 'ike.notify', notify: ['NO_PROPOSAL_CHOSEN'] }],
    unless: [
      { signal: 'ipsec.proposal-no-match' },
      { signal: 'ike.notify', notify: ['NO_PROPOSAL_CHOSEN'], exchange: PHASE2 },
      { signal: 'phase1.complete' },
    ],
    why: 'NO_PROPOSAL_CHOSEN before phase 1 completed: the peers share no IKE proposal.',
  },
  {
    name: 'aggressive-mode',
    diagnosis: 'ike.aggressive-mode',
    confidence: 'high',
    weight: 40,
    when: [{ signal: 'ike.aggressive-mode' }],
    why: 'One side negotiates in aggressive mode; the other expects main mode (or refuses aggressive mode).',
  },
  {
    name: 'aggressive-mode-state',
    diagnosis: 'ike.aggressive-mode',
    confidence: 'medium',
    weight: 30,
    when: [
      { test: 'ike-sa-stuck', states: ['AG_INIT_EXCH', 'AG_WAIT_MSG3', 'AG_NO_STATE', 'AG_AUTH'] },
    ],
    why: 'The SA is stuck in an aggressive-mode state.',
  },
  {
    name: 'keying-stalled-initiator',
    diagnosis: 'ike.keying-stalled',
    confidence: 'medium',
    weight: 30,
    when: [{ test: 'ike-sa-stuck', states: ['MM_WAIT_MSG4', 'MM_SA_SETUP', 'IKE_I_MM3'] }],
    why: 'The policy was agreed but the DH / nonce exchange (messages 3 and 4) did not complete.',
  },
  {
    name: 'keying-stalled-responder',
    diagnosis: 'ike.keying-stalled',
    confidence: 'low',
    weight: 20,
    when: [{ test: 'ike-sa-stuck', states: ['MM_WAIT_MSG3'] }],
    why: 'The responder answered message 1 and waits for message 3: the key exchange does not get going.',
  },
  {
    name: 'invalid-cookie',
    diagnosis: 'ike.invalid-cookie',
    confidence: 'high',
    weight: 50,
    when: [{ signal: 'ike.invalid-cookie' }],
    why: 'The peer answers INVALID_COOKIE: it does not recognise the SA our messages belong to (an ASA must identify itself by IP address).',
  },
  {
    name: 'invalid-cookie-notify',
    diagnosis: 'ike.invalid-cookie',
    confidence: 'high',
    weight: 50,
    when: [{ signal: 'ike.notify', notify: ['INVALID_COOKIE', 'INVALID_IKE_SPI'] }],
    why: 'The peer answers INVALID_COOKIE: it does not recognise the SA our messages belong to.',
  },
  {
    name: 'version-unsupported',
    diagnosis: 'ike.version-mismatch',
    confidence: 'high',
    weight: 40,
    when: [{ signal: 'ike.version-unsupported' }],
    why: 'A packet for an IKE version this device does not run was dropped: one peer speaks IKEv1, the other IKEv2.',
  },
  {
    name: 'version-notify',
    diagnosis: 'ike.version-mismatch',
    confidence: 'high',
    weight: 40,
    when: [{ signal: 'ike.notify', notify: ['INVALID_MAJOR_VERSION'] }],
    why: 'The peer refused the IKE major version.',
  },
];
