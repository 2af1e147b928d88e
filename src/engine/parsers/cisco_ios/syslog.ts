/**
 * Cisco IOS / IOS-XE syslog messages about crypto, tunnels, PKI and DMVPN
 * (`%CRYPTO-`, `%TUN-`, `%PKI-`, `%IPSEC-`, `%LINEPROTO-`, `%NHRP-`, `%DMVPN-`).
 * Sources of the sample lines: Troubleshooting IPsec VPNs (Cisco Press, chapter 14); Cisco ASA
 * site-to-site VPN troubleshooting; IPsec multiple keyrings with ISAKMP profiles; Cisco IOS
 * system message guides (CRYPTO, PKI, NHRP, DMVPN facilities).
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { withWrappedTails } from './debug_common.ts';

const P = { platform: 'cisco-ios' } as const;
const IP = String.raw`([0-9A-Fa-f.:x]{2,45})`;

const rules: readonly LineRule[] = [
  {
    // The crypto map expects protected traffic from this source but a clear packet arrived.
    name: 'recvd-pkt-not-ipsec',
    sample:
      "*Mar 1 00:21:42.811: %CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /192.168.2.3, src_addr= 192.168.1.2, prot= 1",
    re: /%CRYPTO-4-RECVD_PKT_NOT_IPSEC:[^%]{0,300}?(?:src_addr\s?=\s?([\w.:]+))?(?:,\s?prot\s?=\s?(\d+))?\s*$/,
    emit: (m) =>
      signal({
        signal: 'ipsec.packet-not-ipsec',
        ...P,
        ...(m[1] ? { peer: m[1] } : {}),
        ...(m[2] ? { protocol: Number(m[2]) } : {}),
      }),
  },
  {
    name: 'mac-verify-failed',
    sample:
      '%CRYPTO-4-RECVD_PKT_MAC_ERR: decrypt: mac verify failed for connection id=2001 sequence number=5',
    re: /%CRYPTO-4-RECVD_PKT_MAC_ERR:(?: ?decrypt: mac verify failed(?: for connection id=(\d+))?)?/,
    emit: (m) =>
      signal({
        signal: 'ipsec.mac-failed',
        ...P,
        ...(m[1] ? { value: `connection id=${m[1]}` } : {}),
      }),
  },
  {
    name: 'replay-check-failed',
    sample:
      '%CRYPTO-4-PKT_REPLAY_ERR: decrypt: replay check failed connection id=771, sequence number=1193',
    re: /%CRYPTO-4-PKT_REPLAY_ERR:(?: ?decrypt: replay check failed)?(?:\s{0,12}connection id=(\d+|#))?/,
    emit: (m) =>
      signal({
        signal: 'ipsec.replay',
        ...P,
        ...(m[1] && m[1] !== '#' ? { value: `connection id=${m[1]}` } : {}),
      }),
  },
  {
    name: 'ipsec-replay-error',
    sample:
      '%IPSEC-3-REPLAY_ERROR: IPSec SA receives anti-replay error, DP Handle 6, src_addr 10.10.10.1, dest_addr 10.10.10.2, SPI 0x1a2b3c4d',
    re: /%IPSEC-3-REPLAY_ERROR:(?:[^%]{0,120}?src_addr ([\d.,:A-Fa-f]{2,45}),)?/,
    emit: (m) => signal({ signal: 'ipsec.replay', ...P, ...(m[1] ? { peer: m[1] } : {}) }),
  },
  {
    // Tails IOS puts on the next line of the replay messages.
    name: 'replay-tail',
    sample: '        connection id=771, sequence number=1193',
    re: /^\s*(?:connection id=(?:\d+|#), sequence\s?number=(?:\d+|#)|number=#|src_addr [\d.,:A-Fa-f]+, dest_addr [\d.:A-Fa-f]+(?:, SPI 0x[0-9a-fA-F]+)?)\s*$/,
  },
  {
    name: 'invalid-spi',
    sample:
      "%CRYPTO-4-RECVD_PKT_INV_SPI: decaps: rec'd IPSEC packet has invalid spi for destaddr=10.1.1.1, prot=50, spi=0x5C1A2B3C(1545219900), srcaddr=10.1.1.2",
    re: /%CRYPTO-4-RECVD_PKT_INV_SPI:(?:[^%]{0,200}?srcaddr=([\w.:]+))?/,
  },
  {
    // A decrypted packet does not match the negotiated proxies.
    name: 'inv-identity-acl',
    sample: '%CRYPTO-4-RECVD_PKT_INV_IDENTITY_ACL: ipsec check access: identity not allowed by ACL',
    re: /%CRYPTO-4-RECVD_PKT_INV_IDENTITY(?:_ACL)?:/,
    emit: () =>
      signal({ signal: 'ipsec.ts-unacceptable', ...P, value: 'identity not allowed by ACL' }),
  },
  {
    name: 'ikmp-no-sa',
    sample:
      '%CRYPTO-4-IKMP_NO_SA: IKE message from 10.1.1.2 has no SA and is not an initialization offer',
    re: new RegExp(String.raw`%CRYPTO-4-IKMP_NO_SA:(?: IKE message from ${IP})?`),
    emit: (m) =>
      signal({
        signal: 'ike.received',
        ...P,
        ikeVersion: 'ikev1',
        value: 'IKMP_NO_SA',
        ...(m[1] ? { peer: m[1] } : {}),
      }),
  },
  {
    // Sanity check failed: the classic sign of differing pre-shared keys (IOS 15.3T tech note).
    name: 'ikmp-bad-message',
    sample:
      '%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from 192.168.0.2 failed its sanity check or is malformed',
    re: new RegExp(
      String.raw`%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from ${IP}\s?failed its sanity check`,
    ),
    emit: (m) => signal({ signal: 'psk.malformed', ...P, ikeVersion: 'ikev1', peer: m[1] ?? '' }),
  },
  {
    name: 'ikmp-not-encrypted',
    sample:
      "%CRYPTO-6-IKMP_NOT_ENCRYPTED: IKE packet from 10.1.1.2 was not encrypted and it should've been.",
    re: new RegExp(String.raw`%CRYPTO-6-IKMP_NOT_ENCRYPTED:(?: IKE packet from ${IP})?`),
    emit: (m) =>
      signal({
        signal: 'psk.decrypt-failed',
        ...P,
        ikeVersion: 'ikev1',
        ...(m[1] ? { peer: m[1] } : {}),
      }),
  },
  {
    name: 'ikmp-mode-failure',
    sample: '%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Quick mode failed with peer at 10.1.1.2',
    re: new RegExp(
      String.raw`%CRYPTO-6-IKMP_MODE_FAILURE: Processing of (Main|Aggressive|Quick|Informational) mode failed with peer at ${IP}`,
    ),
    emit: (m) => {
      const peer = m[2] ?? '';
      if (m[1] === 'Quick')
        return signal({ signal: 'ipsec.qm-fsm-error', ...P, ikeVersion: 'ikev1', peer });
      if (m[1] === 'Aggressive')
        return signal({
          signal: 'ike.aggressive-mode',
          ...P,
          ikeVersion: 'ikev1',
          peer,
          value: 'failed',
        });
      return null;
    },
  },
  {
    name: 'ikmp-ag-mode-disabled',
    sample:
      '%CRYPTO-5-IKMP_AG_MODE_DISABLED: Unable to initiate or respond to Aggressive Mode while disabled',
    re: /%CRYPTO-5-IKMP_AG_MODE_DISABLED:/,
    emit: () =>
      signal({ signal: 'ike.aggressive-mode', ...P, ikeVersion: 'ikev1', value: 'disabled' }),
  },
  {
    name: 'ikmp-no-proposal',
    sample:
      '%CRYPTO-6-IKMP_SA_NOT_OFFERED: Remote peer 10.1.1.2 responded with attribute [encryption] not offered or changed',
    re: new RegExp(
      String.raw`%CRYPTO-\d-(IKMP_NO_PROPOSAL\w*|IKMP_SA_NOT_OFFERED|IKMP_NO_POLICY\w*):(?:[^%]{0,60}?(?:peer|from) ${IP})?`,
    ),
    emit: (m) =>
      signal({
        signal: 'ike.policy-no-match',
        ...P,
        ikeVersion: 'ikev1',
        value: m[1] ?? '',
        ...(m[2] ? { peer: m[2] } : {}),
      }),
  },
  {
    name: 'ikmp-sa-not-auth',
    sample:
      '%CRYPTO-6-IKMP_SA_NOT_AUTH: Cannot accept Quick Mode exchange from 10.1.1.2 if SA is not authenticated!',
    re: /%CRYPTO-6-IKMP_SA_NOT_AUTH:/,
    emit: () =>
      signal({ signal: 'auth.failed', ...P, ikeVersion: 'ikev1', value: 'IKMP_SA_NOT_AUTH' }),
  },
  {
    // No RSA key pair: rsa-sig authentication cannot run.
    name: 'ikmp-query-key',
    sample: '%CRYPTO-3-IKMP_QUERY_KEY: Querying key pair failed.',
    re: /%CRYPTO-3-IKMP_QUERY_KEY:/,
    emit: () =>
      signal({ signal: 'auth.failed', ...P, ikeVersion: 'ikev1', value: 'IKMP_QUERY_KEY' }),
  },
  {
    name: 'isakmp-on-off',
    sample: '%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is OFF',
    re: /%CRYPTO-6-ISAKMP_ON_OFF: ISAKMP is (ON|OFF)/,
    emit: (m) => (m[1] === 'OFF' ? signal({ signal: 'ike.off', ...P }) : null),
  },
  {
    name: 'session-status',
    sample:
      '%CRYPTO-5-SESSION_STATUS: Crypto tunnel is UP  .  Peer 10.1.1.2:500       Id: 10.1.1.2',
    re: /%CRYPTO-5-SESSION_STATUS: Crypto tunnel is (UP|DOWN)\b(?:[ .]{0,12}Peer ([0-9A-Fa-f.:x]{2,45}?)(?::\d{1,5})?(?=\s|$))?/,
    emit: (m) => {
      const peer = m[2];
      return m[1] === 'UP'
        ? signal({
            signal: 'phase1.complete',
            ...P,
            ...(peer ? { peer } : {}),
            value: 'SESSION_STATUS UP',
          })
        : signal({
            signal: 'ike.state',
            ...P,
            state: 'DOWN',
            ...(peer ? { peer } : {}),
            value: 'SESSION_STATUS',
          });
    },
  },
  // ---- Tunnels
  {
    name: 'tun-recurdown',
    sample: '%TUN-5-RECURDOWN: Tunnel0 temporarily disabled due to recursive routing',
    re: /%TUN-5-RECURDOWN: ?([\w/.-]{1,40}) temporarily disabled due to recursive\s?routing/,
    emit: (m) => signal({ signal: 'tunnel.recursive', ...P, value: m[1] ?? '' }),
  },
  {
    // Only tunnel interfaces are evidence; DVTI Virtual-Access interfaces go down as they are cloned.
    name: 'lineproto-updown',
    sample: '%LINEPROTO-5-UPDOWN: Line protocol on Interface Tunnel0, changed state to down',
    re: /%LINEPROTO-5-UPDOWN: Line protocol on Interface ([\w/.:-]{1,60}), changed state\s?to\s?(up|down)/,
    emit: (m) =>
      m[2] === 'down' && /^Tunnel/i.test(m[1] ?? '')
        ? signal({ signal: 'tunnel.down', ...P, value: m[1] ?? '' })
        : null,
  },
  {
    name: 'link-updown',
    sample: '%LINK-3-UPDOWN: Interface Tunnel0, changed state to down',
    re: /%LINK-\d-UPDOWN: Interface ([\w/.:-]{1,60}), changed state\s?to\s?(up|down|administratively down)/,
  },
  // ---- PKI
  {
    name: 'pki-socket-select',
    sample: '%PKI-3-SOCKETSELECT: Failed to select the socket.',
    re: /%PKI-3-SOCKETSELECT:/,
    emit: () => signal({ signal: 'cert.revocation-failed', ...P, value: 'SOCKETSELECT' }),
  },
  {
    name: 'pki-crl-fetch-fail',
    sample: '%PKI-3-CRL_FETCH_FAIL: CRL fetch for trustpoint TP-CA failed',
    re: /%PKI-\d-(CRL_FETCH_FAIL|CRL_DOWNLOAD_FAIL\w*|OCSP_\w*FAIL\w*|CRL_LDAP\w*|CRL_HTTP\w*FAIL\w*)\b/,
    emit: (m) => signal({ signal: 'cert.revocation-failed', ...P, value: m[1] ?? '' }),
  },
  {
    name: 'pki-cert-expired',
    sample:
      '%PKI-3-CERTIFICATE_INVALID_EXPIRED: Certificate chain validation has failed. The certificate (SN: 3A) has expired.',
    re: /%PKI-\d-(CERTIFICATE_INVALID_EXPIRED|CERTIFICATE_INVALID_NOT_YET_VALID|CERT_EXPIRED|NON_AUTHORITATIVE_CLOCK)\b/,
    emit: (m) => signal({ signal: 'cert.expired', ...P, value: m[1] ?? '' }),
  },
  {
    name: 'pki-cert-revoked',
    sample:
      '%PKI-3-CERTIFICATE_REVOKED: Certificate chain validation has failed. The certificate (SN: 3A) is revoked',
    re: /%PKI-\d-CERTIFICATE_REVOKED\b/,
    emit: () => signal({ signal: 'cert.chain-invalid', ...P, value: 'revoked' }),
  },
  {
    name: 'pki-cert-invalid',
    sample: '%PKI-3-CERTIFICATE_INVALID: Certificate chain validation has failed.',
    re: /%PKI-\d-(CERTIFICATE_INVALID(?:_UNAUTHORIZED)?|CERT_CHAIN_INVALID\w*|UNABLE_TO_VALIDATE\w*)\b(?!_EXPIRED|_NOT_YET)/,
    emit: (m) => signal({ signal: 'cert.chain-invalid', ...P, value: m[1] ?? '' }),
  },
  {
    name: 'pki-key-usage',
    sample: '%PKI-3-CERTIFICATE_INVALID_KEY_USAGE: Certificate key usage is not valid',
    re: /%PKI-\d-\w*KEY_USAGE\w*:/,
    emit: () => signal({ signal: 'cert.key-usage', ...P }),
  },
  // ---- NHRP / DMVPN
  {
    // Next hop server lost: the spoke is not registered.
    name: 'nhs-down',
    sample:
      '%DMVPN-5-NHRP_NHS_DOWN: Tunnel0: Next Hop Server : (Tunnel: 10.0.0.1 NBMA: 192.0.2.1 ) for (Tunnel: 10.0.0.2 NBMA: 198.51.100.2) is DOWN, Reason: External(NHRP: no error)',
    re: /%DMVPN-\d-NHRP_NHS_DOWN: ?([\w/.-]{1,40})?/,
    emit: (m) =>
      signal({
        signal: 'nhrp.failure',
        ...P,
        value: `NHS DOWN${m[1] ? ` ${m[1].replace(/:$/, '')}` : ''}`,
      }),
  },
  {
    name: 'nhrp-error',
    sample:
      '%NHRP-3-PAKREPLY: Receive Registration Reply packet with error - unique address registered already(14)',
    re: /%(?:NHRP|DMVPN)-[0-4]-([A-Z][A-Z0-9_]{1,40}):/,
    emit: (m) => signal({ signal: 'nhrp.failure', ...P, value: m[1] ?? '' }),
  },
  // Any other message of these facilities: understood, no evidence (informational ones, truncated ones).
  {
    name: 'generic',
    sample: '%CRYPTO-6-GDOI_ON_OFF: GDOI is ON',
    re: /%(?:CRYPTO|TUN|PKI|IPSEC|LINEPROTO|LINK|NHRP|DMVPN|IKEV2)-\d-[A-Z][A-Z0-9_]{1,40}:/,
    weak: true,
  },
];

/** IOS / IOS-XE crypto syslog messages. */
export const syslog = withWrappedTails(
  tableParser({
    id: 'cisco-ios-syslog',
    platform: 'cisco-ios',
    command: 'show logging',
    marker: /%(?:CRYPTO|TUN|PKI|IPSEC|LINEPROTO|NHRP|DMVPN)-\d-/,
    rules,
  }),
);
