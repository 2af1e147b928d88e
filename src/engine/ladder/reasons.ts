/**
 * Why an exchange stopped, in words: one phrase per failure signal and per error notify, and how
 * specific each is (the most specific one explains the stop; `auth.failed` only says that it did).
 */
import type { Signal } from '../../knowledge/facts.ts';

/** A phrase for each failure signal. */
export const SIGNAL_REASONS: Partial<Record<Signal, string>> = {
  'ike.policy-no-match':
    'no IKE proposal matched: encryption, integrity, DH group or lifetime differ',
  'ike.invalid-cookie': 'the peer does not know the SA the messages belong to (INVALID_COOKIE)',
  'ike.version-unsupported': 'the peer does not run this IKE version',
  'psk.decrypt-failed': 'the pre-shared keys differ',
  'psk.malformed': 'the pre-shared keys differ, so the message decrypts to garbage',
  'psk.not-found': 'no pre-shared key is configured for the peer',
  'keyring.no-key-in-profile':
    'the keyrings of the selected ISAKMP profile hold no key for the peer',
  'auth.failed': 'authentication of the peer failed',
  'auth.method-mismatch': 'the peers use different authentication methods',
  'cert.chain-invalid': 'the peer certificate chain did not validate',
  'cert.no-trustpoint': 'no trustpoint is available for the certificate exchange',
  'cert.expired': 'a certificate is outside its validity dates (check the clocks)',
  'cert.revocation-failed': 'the revocation check (CRL / OCSP) of the peer certificate failed',
  'cert.key-usage': 'the peer certificate key usage is not acceptable',
  'cert.identity-mismatch':
    'the IKE identity does not match the certificate or no profile matches it',
  'eap.failed': 'EAP authentication failed',
  'authz.failed':
    'authorization after authentication failed (AAA attributes or address allocation)',
  'peer-id.mismatch': 'the identity the peer presented is not the one configured for it',
  'ipsec.proposal-no-match': 'no IPsec transform / child SA proposal matched',
  'ipsec.ts-unacceptable': 'the traffic selectors (proxy IDs) were refused',
  'ipsec.proxy-unsupported': 'no crypto map entry accepts the proposed proxy identities',
  'ipsec.crypto-map-no-policy': 'no crypto map policy matches the phase 2 proposal',
  'ipsec.profile-mismatch': 'the crypto map entry is bound to another ISAKMP profile',
  'ipsec.no-policy-for-ts':
    'no IPsec policy matches the received traffic selectors (tunnel modes differ)',
  'ipsec.embryonic-deleted': 'IKE deleted the IPsec SA being built: phase 2 did not complete',
  'ipsec.qm-fsm-error': 'the quick mode state machine failed and tore the negotiation down',
  'ipsec.pfs-unsupported': 'a phase 2 attribute, typically the PFS group, is not supported',
};

/** A phrase for each error notify. */
export const NOTIFY_REASONS: Readonly<Record<string, string>> = {
  NO_PROPOSAL_CHOSEN: 'none of the proposals was acceptable',
  AUTHENTICATION_FAILED: 'authentication failed',
  TS_UNACCEPTABLE: 'the traffic selectors were refused',
  INVALID_ID_INFORMATION: 'the identity or proxy IDs were refused',
  PAYLOAD_MALFORMED: 'the message could not be read: usually the pre-shared keys differ',
  INVALID_COOKIE: 'the SA the messages belong to is unknown to the receiver',
  INVALID_KE_PAYLOAD: 'the DH group in KE is not the one the peer wants',
  INTERNAL_ADDRESS_FAILURE: 'no address could be assigned',
  INVALID_SPI: 'the SPI is unknown to the receiver',
};

// Lower is more specific: it names the cause rather than the symptom.
const RANK: Partial<Record<Signal, number>> = {
  'cert.revocation-failed': 0,
  'cert.expired': 0,
  'cert.key-usage': 0,
  'cert.identity-mismatch': 0,
  'keyring.no-key-in-profile': 0,
  'auth.method-mismatch': 0,
  'peer-id.mismatch': 0,
  'psk.not-found': 0,
  'ipsec.profile-mismatch': 0,
  'ipsec.no-policy-for-ts': 0,
  'ipsec.crypto-map-no-policy': 0,
  'ipsec.pfs-unsupported': 0,
  'ipsec.embryonic-deleted': 1,
  'eap.failed': 1,
  'authz.failed': 1,
  'cert.chain-invalid': 1,
  'psk.decrypt-failed': 1,
  'psk.malformed': 1,
  'ike.invalid-cookie': 1,
  'cert.no-trustpoint': 2,
  'ipsec.proxy-unsupported': 2,
  'ipsec.ts-unacceptable': 2,
  'ipsec.proposal-no-match': 2,
  'ike.policy-no-match': 2,
  'ipsec.qm-fsm-error': 3,
  'auth.failed': 4,
};

/** The most specific of some failure signals. */
export function mostSpecific(signals: readonly Signal[]): Signal | undefined {
  let best: Signal | undefined;
  for (const s of signals) if (best === undefined || (RANK[s] ?? 5) < (RANK[best] ?? 5)) best = s;
  return best;
}
