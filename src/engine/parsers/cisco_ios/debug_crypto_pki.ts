/**
 * Cisco IOS / IOS-XE `debug crypto pki transactions|validation|messages` (`CRYPTO_PKI:` lines):
 * certificate chain validation, trustpoint selection, expiry and CRL/OCSP revocation checks.
 * Sources of the sample lines: Troubleshooting IPsec VPNs (Cisco Press, chapter 14) "CRL download
 * failure"; Cisco IOS PKI debug output as printed by 15.x / IOS-XE 16.x.
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { echoRule, withWrappedTails } from './debug_common.ts';

const P = { platform: 'cisco-ios' } as const;
// "CRYPTO_PKI: ", "CRYPTO_PKI : ", "CRYPTO_PKI: (A0011) " — the optional session handle.
const TAG = String.raw`CRYPTO_PKI ?: ?(?:\([0-9A-F]{1,8}\) ?)?`;

const rules: readonly LineRule[] = [
  echoRule(String.raw`pki`, 'R1#debug crypto pki transactions'),
  {
    name: 'expired',
    sample: 'CRYPTO_PKI: (9000B) Certificate validation failed: certificate has expired',
    re: new RegExp(
      String.raw`${TAG}.{0,80}?(?:certificate (?:has )?expired|certificate is expired|not yet valid|validity period (?:has )?(?:expired|ended)|Current time is (?:more|less) than cert validity time)`,
      'i',
    ),
    emit: (m) =>
      signal({ signal: 'cert.expired', ...P, value: m[0].replace(/^CRYPTO_PKI ?: ?/, '') }),
  },
  {
    name: 'revoked',
    sample: 'CRYPTO_PKI: (9000B) Certificate revoked',
    re: new RegExp(
      String.raw`${TAG}.{0,60}?\b(?:certificate (?:is |has been )?revoked|status = REVOKED)`,
      'i',
    ),
    emit: () => signal({ signal: 'cert.chain-invalid', ...P, value: 'revoked' }),
  },
  {
    name: 'revocation-failed',
    sample: 'CRYPTO_PKI: (A0011) CRL fetch failed',
    re: new RegExp(
      String.raw`${TAG}.{0,60}?(?:CRL (?:fetch|download|retrieval|request) (?:has )?fail|failed to (?:fetch|retrieve|download|get) (?:the )?CRL|unable to (?:fetch|retrieve|download|get) (?:the )?CRL|CRL (?:is )?not available|OCSP [\w ]{0,30}fail|no CRL available|revocation check (?:has )?failed)`,
      'i',
    ),
    emit: () => signal({ signal: 'cert.revocation-failed', ...P }),
  },
  {
    name: 'chain-failed',
    sample: 'CRYPTO_PKI: (9000B) Certificate validation failed',
    re: new RegExp(
      String.raw`${TAG}.{0,60}?(?:Certificate (?:chain )?validation (?:has )?failed(?![^\n]{0,80}?(?:expired|not yet valid|revoked))|Validation of certificate chain FAILED|unable to (?:build|verify) (?:a )?(?:valid )?(?:certificate )?chain|issuer not found|No trusted CA|signature (?:verification|check) failed)`,
      'i',
    ),
    emit: () => signal({ signal: 'cert.chain-invalid', ...P }),
  },
  {
    name: 'no-trustpoint',
    sample: 'CRYPTO_PKI: (9000B) No suitable trustpoints found',
    re: new RegExp(
      String.raw`${TAG}.{0,40}?(?:No suitable trustpoints?|no trustpoint (?:found|configured)|trustpoint [\w.-]+ not found)`,
      'i',
    ),
    emit: () => signal({ signal: 'cert.no-trustpoint', ...P }),
  },
  {
    name: 'key-usage',
    sample: 'CRYPTO_PKI: Certificate key usage is not valid',
    re: new RegExp(
      String.raw`${TAG}.{0,60}?(?:extended )?key usage (?:is )?(?:not (?:valid|acceptable|allowed)|invalid|mismatch)`,
      'i',
    ),
    emit: () => signal({ signal: 'cert.key-usage', ...P }),
  },
  {
    name: 'crl-request',
    sample: 'CRYPTO_PKI: (A0011) Requesting CRL from SCEP',
    re: new RegExp(
      String.raw`${TAG}(?:Requesting CRL|http connection opened|Sending HTTP message|Reply HTTP header|Revocation check is not configured|Certificate validated|Certificate is verified)`,
    ),
  },
  // HTTP exchange lines of a CRL fetch (the header the CDP answered with).
  {
    name: 'http-header',
    sample: 'HTTP/1.0',
    re: /^\s*(?:HTTP\/1\.[01](?: \d{3}\b[\w ]{0,40})?|Host: [\w.:-]+|Content-Type: [\w/.+-]+|Content-Length: \d+)\s*$/,
  },
  {
    name: 'generic',
    sample: 'CRYPTO_PKI: locked trustpoint pki, refcount is 2',
    re: new RegExp(String.raw`^${TAG}\S`),
    weak: true,
  },
];

/** `debug crypto pki` on IOS / IOS-XE. */
export const debugCryptoPki = withWrappedTails(
  tableParser({
    id: 'cisco-ios-debug-crypto-pki',
    platform: 'cisco-ios',
    command: 'debug crypto pki transactions',
    marker: /CRYPTO_PKI ?:/,
    rules,
  }),
);
