/**
 * Cisco IOS / IOS-XE `show crypto ikev2 diagnose error`: the exit path table. Each `Error(n): reason`
 * entry becomes the signal its reason proves (value = the reason as printed, with its count); the
 * generic reasons ("Failed to locate an item in the database") are understood but prove nothing.
 */
import type { Signal } from '../../../knowledge/facts.ts';
import { PLATFORM, showParser, textOf, commandRe } from './show_common.ts';

// Sample: "Exit Path Table - status: enable, current entry 4, deleted 0, max allow 50"
const TABLE_RE = /Exit Path Table - status:\s*\w+/;
// Sample: "Error(1): AAA author not configured in IKEv2 profile"
const ERROR_RE = /Error\((\d+)\):\s*(.{1,300}?)\s*$/;
// Sample: "-Traceback= 9D64A28z 8CBE65Ez 8C66C40z 8CA6FF5z 8C746E0z 8C5359Az 8C5A25Ez"
const TRACEBACK_RE = /^\s*-Traceback=\s*\S/;
// A traceback continued on the next line. Sample: "8C59F5Fz 8C97FE2z 8C979DBz 8C6A95Dz 8CC2BC3z"
const TRACEBACK_MORE_RE = /^\s*(?:[0-9A-Fa-f]{4,16}z\s*){1,40}$/;

/** Reasons the table prints, most specific first, and the signal each proves. */
const REASONS: readonly {
  readonly re: RegExp;
  readonly signal: Signal;
  readonly notify?: string;
}[] = [
  {
    re: /TS[ _]unacceptable|traffic selectors? (?:unacceptable|not acceptable)/i,
    signal: 'ipsec.ts-unacceptable',
    notify: 'TS_UNACCEPTABLE',
  },
  { re: /no IPSEC policy found for received TS/i, signal: 'ipsec.no-policy-for-ts' },
  { re: /IPsec|transform|child SA/i, signal: 'ipsec.proposal-no-match' },
  {
    re: /no proposal chosen|NO_PROPOSAL_CHOSEN|matching (?:policy|proposal)|proposal/i,
    signal: 'ike.policy-no-match',
    notify: 'NO_PROPOSAL_CHOSEN',
  },
  {
    re: /AAA author|authoriz|address (?:pool|allocation)|assign (?:an )?address/i,
    signal: 'authz.failed',
  },
  { re: /\bEAP\b/i, signal: 'eap.failed' },
  { re: /trustpoint/i, signal: 'cert.no-trustpoint' },
  { re: /expired|not yet valid|validity/i, signal: 'cert.expired' },
  { re: /\bCRL\b|revocation|OCSP/i, signal: 'cert.revocation-failed' },
  { re: /key usage|\bEKU\b/i, signal: 'cert.key-usage' },
  {
    re: /certificate map|identity.{0,40}certificate|certificate.{0,40}identity/i,
    signal: 'cert.identity-mismatch',
  },
  {
    re: /cert(?:ificate)? (?:chain|validation|verification)|validat\w* (?:the )?(?:peer )?cert/i,
    signal: 'cert.chain-invalid',
  },
  { re: /auth(?:entication)? method/i, signal: 'auth.method-mismatch' },
  { re: /pre-?shared key|\bPSK\b|key not found|no key/i, signal: 'psk.not-found' },
  { re: /peer(?:'s)? id(?:entity)?|identity (?:mismatch|not match)/i, signal: 'peer-id.mismatch' },
  {
    re: /authenticat|AUTHENTICATION_FAILED|verif(?:y|ication) of (?:the )?(?:peer|auth)|signature|requested a certificate, but the peer supplied none/i,
    signal: 'auth.failed',
    notify: 'AUTHENTICATION_FAILED',
  },
  { re: /retransmi/i, signal: 'ike.gave-up' },
  { re: /version/i, signal: 'ike.version-unsupported' },
];

/** `show crypto ikev2 diagnose error`. */
export const showCryptoIkev2DiagnoseError = showParser({
  id: 'cisco-ios-show-crypto-ikev2-diagnose-error',
  command: 'show crypto ikev2 diagnose error',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['ikev2', 5],
    ['diagnose', 4],
    ['error', 3],
  ]),
  marker: /Exit Path Table - status:/,
  read(lines, out) {
    let inTable = false;
    let inTraceback = false;
    for (const line of lines) {
      const text = textOf(line);
      if (text.trim() === '') continue;
      if (TABLE_RE.test(text)) {
        inTable = true;
        out.claim(line.no);
        continue;
      }
      if (!inTable) continue;
      if (TRACEBACK_RE.test(text)) {
        inTraceback = true;
        out.claim(line.no);
        continue;
      }
      if (inTraceback && TRACEBACK_MORE_RE.test(text)) {
        out.claim(line.no);
        continue;
      }
      inTraceback = false;
      const m = ERROR_RE.exec(text);
      if (!m || !/^\s*Error\(/.test(text)) {
        // Prose or another command: the table is over.
        inTable = false;
        continue;
      }
      const reason = m[2] ?? '';
      const hit = REASONS.find((r) => r.re.test(reason));
      if (hit === undefined) {
        out.claim(line.no);
        continue;
      }
      out.add(
        {
          kind: 'signal',
          signal: hit.signal,
          platform: PLATFORM,
          ikeVersion: 'ikev2',
          value: `${reason} (${m[1] ?? '1'})`,
          ...(hit.notify !== undefined &&
          /notify|NO_PROPOSAL|AUTHENTICATION_FAILED|TS_UNACCEPT/i.test(reason)
            ? { notify: hit.notify }
            : {}),
        },
        [line.no],
      );
    }
  },
});
