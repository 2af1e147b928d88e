/**
 * `debug crypto ikev2` on IOS / IOS-XE: the authentication, certificate, EAP and authorization
 * messages (split from debug_crypto_ikev2.ts, which assembles them).
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press), chapter 14.
 */
import { signal, type LineRule } from '../../parse/table.ts';
import { IKEV2, TAG } from './debug_crypto_ikev2_tag.ts';

/** The IKE_AUTH-stage rules, in table order. */
export const ikev2AuthRules: readonly LineRule[] = [
  // ---- Authentication
  {
    name: 'auth-method-mismatch',
    sample:
      "IKEv2:(SESSION ID = 32,SA ID = 2):: Peer's configured auth method mis-matches with proposed auth method",
    re: /Peer's configured auth method mis-?matches with\s?proposed auth method/,
    emit: () => signal({ signal: 'auth.method-mismatch', ...IKEV2 }),
  },
  {
    name: 'auth-verify-failed',
    sample: "IKEv2:(SESSION ID = 1,SA ID = 1):Verification of peer's authentication data FAILED",
    re: /Verification of peer's authentication data\s?(FAILED|PASSED)/,
    emit: (m) => (m[1] === 'FAILED' ? signal({ signal: 'auth.failed', ...IKEV2 }) : null),
  },
  {
    name: 'signed-auth-verify',
    sample:
      'IKEv2:(SA ID = 1):[Crypto Engine -> IKEv2] Verification of signed authentication data PASSED',
    re: /Verification of signed authentication\s?data (FAILED|PASSED)/,
    emit: (m) =>
      m[1] === 'FAILED' ? signal({ signal: 'auth.failed', ...IKEV2, value: 'signature' }) : null,
  },
  {
    name: 'auth-failure-notify',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Sending authentication failure notify',
    re: new RegExp(String.raw`${TAG}Sending authentication failure notify`),
    emit: () =>
      signal({
        signal: 'ike.notify',
        ...IKEV2,
        notify: 'AUTHENTICATION_FAILED',
        direction: 'sent',
      }),
  },
  {
    name: 'peer-auth-method',
    sample: "IKEv2:(SESSION ID = 1,SA ID = 1):Peer's authentication method is 'RSA'",
    re: /Peer's authentication method is '([\w-]{1,20})'/,
  },
  {
    name: 'psk-not-found',
    sample: 'IKEv2:% key not found.',
    re: /% key not found\.?/,
    emit: (_m, { memory }) => {
      const keyring = memory.get('keyring');
      return signal({ signal: 'psk.not-found', ...IKEV2, ...(keyring ? { value: keyring } : {}) });
    },
  },
  {
    name: 'psk-lookup',
    sample: 'IKEv2:% Getting preshared key from profile keyring key1',
    re: /Getting preshared key from profile keyring ([\w.-]{1,64})/,
    emit: (m, { memory }) => {
      memory.set('keyring', m[1] ?? '');
      return null;
    },
  },
  {
    // The initiator could not start the IKE SA (no key, no profile): nothing was sent.
    name: 'failed-initiate',
    sample: 'IKEv2:Failed to initiate sa',
    re: /Failed to initiate sa/,
    emit: () =>
      signal({ signal: 'ike.state', ...IKEV2, state: 'FAILED_TO_INITIATE', role: 'initiator' }),
  },
  // ---- Certificates
  {
    name: 'chain-validation',
    sample: 'IKEv2:(SA ID = 1):[PKI -> IKEv2] Validation of certificate chain FAILED',
    re: /Validation of certificate chain (FAILED|PASSED)/,
    emit: (m) => (m[1] === 'FAILED' ? signal({ signal: 'cert.chain-invalid', ...IKEV2 }) : null),
  },
  {
    name: 'trustpoints-none',
    sample: 'IKEv2:(SA ID = 1):[PKI -> IKEv2] Retrieved trustpoint(s): NONE',
    re: /Retrieved trustpoint\(s\): ?(NONE|'[^']{0,64}'(?:, ?'[^']{0,64}'){0,8})/,
    emit: (m) => (m[1] === 'NONE' ? signal({ signal: 'cert.no-trustpoint', ...IKEV2 }) : null),
  },
  {
    name: 'cert-hash-invalid',
    sample:
      'IKEv2:% Received cert hash is invalid, using configured trustpoints from profile for signing',
    re: /Received cert hash is invalid, using configured trustpoints from profile\s?for signing/,
    emit: () => signal({ signal: 'cert.no-trustpoint', ...IKEV2, value: 'cert hash invalid' }),
  },
  {
    name: 'retrieving-trustpoints',
    sample:
      'IKEv2:(SA ID = 1):[IKEv2 -> PKI] Retrieving trustpoint(s) from received certificate hash(es)',
    re: /Retrieving trustpoint\(s\) from received\s?certificate hash\(es\)/,
  },
  {
    name: 'cert-validity',
    sample: 'IKEv2:Current time is more than cert validity time',
    re: /Current time is (?:more|less) than cert validity time/,
    emit: () => signal({ signal: 'cert.expired', ...IKEV2 }),
  },
  {
    name: 'cert-payload-failed',
    sample:
      'IKEv2:(SESSION ID = 32,SA ID = 1):Failed to set IKE policy: Failed to build certificate payload',
    re: /Failed to set IKE policy: Failed to build\s?certificate payload/,
  },
  {
    name: 'san-compare',
    sample:
      'IKEv2:(SESSION ID = 1,SA ID = 1):Unable to compare IKE ID against peer cert Subject Alt Name',
    re: /Unable to compare IKE ID against\s?peer cert Subject Alt\s?Name/,
    emit: () => signal({ signal: 'cert.identity-mismatch', ...IKEV2, value: 'Subject Alt Name' }),
  },
  {
    name: 'profile-not-found',
    sample: 'IKEv2:% IKEv2 profile not found',
    re: /IKEv2 profile not found/,
    emit: () =>
      signal({ signal: 'cert.identity-mismatch', ...IKEV2, value: 'IKEv2 profile not found' }),
  },
  {
    name: 'item-not-in-database',
    sample: 'IKEv2:(SESSION ID = 40,SA ID = 1):: Failed to locate an item in the database',
    re: /Failed to locate an item in the database/,
    emit: () =>
      signal({
        signal: 'cert.identity-mismatch',
        ...IKEV2,
        value: 'Failed to locate an item in the database',
      }),
  },
  {
    name: 'searching-policy',
    sample:
      "IKEv2:(SESSION ID = 40,SA ID = 1):Searching policy based on peer's identity 'hostname=flexclient.cisco.com' of type 'DER ASN1 DN'",
    re: /Searching policy based on peer's identity\s?'[^']{0,200}' of type '[\w ]{1,30}'/,
  },
  // ---- EAP and authorization
  {
    name: 'eap-ip-identity',
    sample: 'IKEv2:Cannot use IP address as EAP identity',
    re: /Cannot use IP address as EAP identity/,
    emit: () => signal({ signal: 'eap.failed', ...IKEV2, value: 'IP address as EAP identity' }),
  },
  {
    name: 'eap-failed',
    sample: 'IKEv2:(1): Extensible Authentication Protocol failed',
    re: /Extensible Authentication Protocol failed|EAP authentication failed/,
    emit: () => signal({ signal: 'eap.failed', ...IKEV2 }),
  },
  {
    name: 'authz-failed',
    sample: 'IKEv2:(SESSION ID = 31,SA ID = 1):Fail to alloc IP addr',
    re: /(AAA author not configured in IKEv2 profile|Fail to alloc IP addr|AAA clone request failed(?:, error \d+)?|Error while applying per user attributes)/,
    emit: (m) => signal({ signal: 'authz.failed', ...IKEV2, value: m[1] ?? '' }),
  },
];
