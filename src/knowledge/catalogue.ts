/**
 * The diagnosis catalogue: every stable ID from design/diagnoses.md. Each is a leaf of the
 * tree and the only names the classifier may give. IDs are never renamed or removed:
 * shared links and test corpora refer to them.
 */
export const CATALOGUE = [
  'ip.peer-unreachable',
  'ip.no-interesting-traffic',
  'ip.crypto-map-wrong-interface',
  'ip.fragmentation',
  'ip.peer-address-mismatch',
  'ip.fvrf-unreachable',
  'ip.esp-blocked',
  'ike.proposal-mismatch',
  'ike.aggressive-mode',
  'ike.keying-stalled',
  'ike.invalid-cookie',
  'ike.lifetime-mismatch',
  'ike.version-mismatch',
  'auth.psk-mismatch',
  'auth.psk-not-found',
  'auth.keyring-selection',
  'auth.method-mismatch',
  'auth.cert-untrusted',
  'auth.cert-expired',
  'auth.cert-revocation',
  'auth.cert-key-usage',
  'auth.cert-identity-mismatch',
  'auth.eap-failed',
  'auth.peer-id-mismatch',
  'auth.authorization-failed',
  'ipsec.transform-mismatch',
  'ipsec.pfs-mismatch',
  'ipsec.proxy-id-mismatch',
  'ipsec.profile-mismatch',
  'ipsec.encapsulation-mismatch',
  'ipsec.crypto-map-order',
  'ipsec.integrity-errors',
  'ipsec.tunnel-protection-missing',
  'ipsec.anti-replay',
  'ipsec.one-way-traffic',
  'routing.missing-route',
  'routing.recursive',
  'routing.mtu',
  'routing.gre-key-mismatch',
  'routing.nhrp-mismatch',
  'routing.nat-exemption',
  'healthy.phase1-up',
  'healthy.tunnel-up',
] as const;

/** A diagnosis ID from the catalogue. */
export type DiagnosisId = (typeof CATALOGUE)[number];
