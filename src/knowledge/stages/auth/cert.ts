/**
 * Auth stage, certificates (RSA or ECDSA signatures): the question that tells
 * the certificate checks apart, and the diagnoses for the first two checks —
 * trust chain and validity dates. Revocation, key usage and identity are in
 * cert-checks.ts.
 *
 * The checks run in the order the Cisco Press chapter describes: the responder
 * hints its trusted CAs (CERTREQ) in IKE_SA_INIT; each side signs AUTH with the
 * key of its enrolled certificate; the receiver checks the chain against its
 * trustpoint, the dates, revocation (CRL/OCSP), then the signature itself.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

const certConfirm = {
  'cisco-ios': [
    'show crypto pki trustpoints status',
    'show crypto pki certificates verbose',
    'debug crypto pki validation',
    'debug crypto ikev2',
  ],
  'cisco-asa': ['show crypto ca trustpoints', 'show crypto ca certificates', 'debug crypto ca 255'],
  fortigate: [
    'get vpn certificate local details',
    'get vpn certificate ca details',
    'diagnose debug application ike -1',
  ],
  strongswan: [
    'swanctl --list-certs',
    'swanctl --list-authorities',
    'openssl x509 -in <cert.pem> -noout -text',
  ],
  'juniper-srx': [
    'show security pki local-certificate detail',
    'show security pki ca-certificate detail',
  ],
  paloalto: ['show vpn ike-sa detail gateway <name>', 'less mp-log ikemgr.log'],
} as const;

/** Questions and diagnoses for certificate authentication. */
export const certNodes: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('auth.q.cert'),
    stage: 'auth',
    title: 'Certificates: which check fails?',
    help:
      'Certificate authentication is a chain of checks, and each has its own message. Turn on the IKE debug and the PKI validation debug, bring the tunnel up, and find the first line that reports a failure. ' +
      'Read it on the side that rejects the certificate: the side that receives AUTHENTICATION_FAILED only knows it was refused. ' +
      'On the ASA the reasons appear as syslog messages 717xxx. ' +
      'Note that `Validation of certificate chain FAILED` appears both for an untrusted chain and for a revocation check that could not complete: look at what surrounds it.',
    byRole: {
      initiator:
        'Initiator: in IKE_SA_INIT the responder tells you which CAs it trusts. `Retrieved trustpoint(s): NONE` means you hold no certificate from any of them and will sign with the first trustpoint in your profile anyway.',
      responder:
        'Responder: you validate the initiator’s certificate first; all the failure lines below appear on your side before `Sending authentication failure notify`.',
    },
    commands: {
      'cisco-ios': [
        'debug crypto ikev2',
        'debug crypto pki validation',
        'debug crypto isakmp',
        'show crypto ikev2 diagnose error',
      ],
      'cisco-asa': ['debug crypto ikev1 200', 'debug crypto ca 255', 'show logging | include 7170'],
      fortigate: [
        'diagnose vpn ike log-filter dst-addr4 <peer-ip>',
        'diagnose debug application ike -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --log', 'journalctl -u strongswan -f'],
      'juniper-srx': ['show log kmd', 'show log pkid'],
      paloalto: ['less mp-log ikemgr.log'],
    },
    answers: [
      {
        label: 'The chain does not validate, or no trustpoint matches',
        next: id('auth.cert-untrusted'),
        hint: '`Retrieved trustpoint(s): NONE`, `Received cert hash is invalid`, `Validation of certificate chain FAILED` with no CRL error around it; ASA `%ASA-3-717027: Certificate chain failed validation` on its own.',
      },
      {
        label: '`Current time is more than cert validity time`',
        next: id('auth.cert-expired'),
        hint: 'A certificate outside its validity dates, very often because a clock is wrong (no NTP).',
      },
      {
        label: 'The IKE identity or the certificate matches no profile / certificate map',
        next: id('auth.cert-identity-mismatch'),
        hint: '`IKEv2 profile not found`, `Failed to locate an item in the database`; ASA `Unable to compare IKE ID against peer cert Subject Alt Name`.',
      },
      {
        label: 'The revocation check (CRL or OCSP) does not complete',
        next: id('auth.cert-revocation'),
        hint: '`%PKI-3-SOCKETSELECT: Failed to select the socket.`; `CRL - failed attempts` rising in `show crypto pki counters`.',
      },
      {
        label: 'Key usage or extended key usage is refused',
        next: id('auth.cert-key-usage'),
        hint: '`%ASA-3-717009: Certificate validation failed. Peer certificate key usage is invalid` (often followed by 717027).',
      },
      {
        label: "`Peer's configured auth method mis-matches with proposed auth method`",
        next: id('auth.method-mismatch'),
        hint: 'Or `We requested a certificate, but the peer supplied none`: the peer is not using certificates.',
      },
      {
        label: 'No answer at all to IKE_AUTH: the request is retransmitted until it fails',
        next: id('ip.q.start'),
        hint: 'IKE_SA_INIT completed, then `IKEv2 IKE_AUTH Exchange REQUEST` repeats. Large certificate packets are being fragmented and lost: back to IP connectivity (fragmentation).',
        when: { ikeVersion: 'ikev2' },
      },
      {
        label: 'Certificates pass, then authorization fails',
        next: id('auth.authorization-failed'),
        hint: '`AAA author not configured in IKEv2 profile`, `Fail to alloc IP addr`, `AAA clone request failed`.',
        when: { ikeVersion: 'ikev2' },
      },
      {
        label: 'Every check passes and the IKE SA is up',
        next: id('healthy.phase1-up'),
        hint: '`Validation of certificate chain PASSED`, `Verification of signed authentication data PASSED`; IKEv1 MM_ACTIVE / QM_IDLE.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  // ------------------------------------------------------------ diagnoses
  {
    kind: 'diagnosis',
    id: id('auth.cert-untrusted'),
    stage: 'auth',
    title:
      'The peer’s certificate does not chain to a trusted CA (or this side has no usable certificate)',
    explanation:
      'To accept the peer, this side must hold the CA certificate that issued the peer’s certificate, in a trustpoint the IKE profile is allowed to use. ' +
      'In IKE_SA_INIT the responder lists the CAs it trusts (hashes in CERTREQ); if the initiator holds no certificate from any of them it says `Retrieved trustpoint(s): NONE` and signs with the first trustpoint of its profile anyway, which the responder then cannot validate. ' +
      'The same failure comes from the other direction when this device has authenticated the CA but was never enrolled (no own certificate to sign with), when the profile names no trustpoint, or when an intermediate CA certificate is missing from the chain. ' +
      'The validating side logs `Validation of certificate chain FAILED` and sends AUTHENTICATION_FAILED.',
    byRole: {
      initiator:
        'Initiator: `Received cert hash is invalid, using configured trustpoints from profile for signing` means you have no certificate from a CA the responder trusts.',
      responder:
        'Responder: `Validation of certificate chain FAILED` / `Verify cert failed` means the initiator’s certificate does not chain to any trustpoint in your profile.',
    },
    confirm: certConfirm,
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SA ID = 1):[PKI -> IKEv2] Retrieved trustpoint(s): NONE\nIKEv2:% Received cert hash is invalid, using configured trustpoints from profile\nfor signing',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The CAs the peer asked for (CERTREQ) match none of the local trustpoints.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SA ID = 1):[PKI -> IKEv2] Validation of certificate chain FAILED\nIKEv2:(SESSION ID = 1,SA ID = 1):: Platform errors\nIKEv2:(SESSION ID = 1,SA ID = 1):Verify cert failed',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The presented certificate could not be validated against any configured trustpoint.',
      },
      {
        platform: 'cisco-asa',
        text: '%ASA-3-717027: Certificate chain failed validation. Certificate chain is either invalid or not authorized.',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'On its own: untrusted chain. Right after 717009 it is a key-usage problem instead.',
      },
      {
        platform: 'cisco-ios',
        text: 'Issuing CA authenticated ....... Yes',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'Healthy `show crypto pki trustpoints status`: also look for `Certificate request(s)` and a router certificate under the trustpoint (enrolled).',
      },
    ],
    fix: [
      {
        text: 'Install (authenticate) the CA certificate that issued the peer’s certificate, including any intermediate CA, in a trustpoint.',
        config: {
          'cisco-ios':
            'crypto pki trustpoint TP-CA\n enrollment url http://10.10.30.3:80\n revocation-check crl\n!\ncrypto pki authenticate TP-CA',
          'cisco-asa':
            'crypto ca trustpoint TP-CA\n enrollment terminal\n!\ncrypto ca authenticate TP-CA',
          fortigate: 'execute vpn certificate ca import tftp <ca-cert.cer> <tftp-server-ip>',
          strongswan:
            '# copy the CA certificate to /etc/swanctl/x509ca/ then\nswanctl --load-creds',
          'juniper-srx':
            'set security pki ca-profile CA-PROF ca-identity CA-PROF\n# then: request security pki ca-certificate load ca-profile CA-PROF filename <ca-cert.pem>',
          paloalto:
            '# Device > Certificate Management > Certificates > Import the CA certificate, then reference it in a Certificate Profile used by the IKE gateway',
        },
      },
      {
        text: 'Make sure this device is enrolled (has its own certificate and private key under that trustpoint), not just trusting the CA.',
        config: {
          'cisco-ios': 'crypto pki enroll TP-CA',
          'cisco-asa': 'crypto ca enroll TP-CA',
        },
      },
      {
        text: 'Reference the trustpoint in the IKE profile or tunnel-group, on both sides.',
        config: {
          'cisco-ios':
            'crypto ikev2 profile IKEV2-PROF\n pki trustpoint TP-CA\n!\n! IKEv1\ncrypto isakmp profile PROF-SITE-B\n ca trust-point TP-CA',
          'cisco-asa':
            'tunnel-group 203.0.113.2 ipsec-attributes\n ikev1 trust-point TP-CA\n ikev2 local-authentication certificate TP-CA\n ikev2 remote-authentication certificate',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "to-site-b"\n        set authmethod signature\n        set certificate "site-a-cert"\n        set peer "site-b-peer"\n    next\nend',
          strongswan:
            'connections {\n    site-b {\n        local {\n            auth = pubkey\n            certs = site-a.pem\n        }\n        remote {\n            auth = pubkey\n        }\n    }\n}',
        },
      },
      {
        text: 'Bring the tunnel up and check the debug now reads `Validation of certificate chain PASSED` and the SA is established.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show crypto pki trustpoints status',
        'show crypto ikev2 sa',
        'show crypto isakmp sa',
      ],
      'cisco-asa': ['show crypto ca certificates', 'show crypto isakmp sa'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations'],
      paloalto: ['show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.cert-revocation'),
        howToTell:
          'A revocation check that cannot reach the CDP also produces `Validation of certificate chain FAILED`, but it is followed by `%PKI-3-SOCKETSELECT` or a CRL request in the PKI debug, and `show crypto pki counters` shows CRL fetch failures.',
      },
      {
        id: id('auth.cert-key-usage'),
        howToTell:
          'On the ASA, 717027 right after `717009 … key usage is invalid` means the chain is fine and the key usage is the problem.',
      },
      {
        id: id('auth.cert-expired'),
        howToTell:
          'An expired certificate (or a wrong clock) says so: `Current time is more than cert validity time`.',
      },
      {
        id: id('ip.fragmentation'),
        howToTell:
          'If IKE_AUTH gets no answer at all and is retransmitted, the certificate never arrived; that is a path (fragmentation) problem, not trust.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.asaS2sTroubleshooting],
  },
  {
    kind: 'diagnosis',
    id: id('auth.cert-expired'),
    stage: 'auth',
    title: 'A certificate is outside its validity dates (usually a wrong clock)',
    explanation:
      'The receiver of a certificate checks that the current time lies between its notBefore and notAfter dates. The sender does not check its own certificate: an expired local certificate is still sent, and the peer rejects it. ' +
      'Far more often than a truly expired certificate, the clock is wrong: a router without NTP that booted at its default date sees every certificate as not yet valid, and one with a drifting clock sees it expired. ' +
      'Either way the validating side refuses the certificate and sends AUTHENTICATION_FAILED. The same wrong clock also breaks certificate renewal.',
    confirm: {
      'cisco-ios': [
        'show clock detail',
        'show ntp associations',
        'show crypto pki certificates',
        'debug crypto ikev2',
      ],
      'cisco-asa': ['show clock', 'show ntp associations', 'show crypto ca certificates'],
      fortigate: [
        'execute date',
        'execute time',
        'diagnose sys ntp status',
        'get vpn certificate local details',
      ],
      strongswan: ['timedatectl', 'swanctl --list-certs'],
      'juniper-srx': [
        'show system uptime',
        'show ntp associations',
        'show security pki local-certificate detail',
      ],
      paloalto: ['show clock', 'show ntp'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:Current time is more than cert validity time\nIKEv2:(SESSION ID = 32,SA ID = 1):Failed to set IKE policy: Failed to build\ncertificate payload',
        source: SOURCES.troubleshootingIpsecVpns,
      },
      {
        platform: 'cisco-ios',
        text: "NTP message sent to 10.10.10.1, from interface 'NULL' (0.0.0.0).",
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`debug ntp packet` with no reply coming back: the router is not synchronised (`.INIT.` in `show ntp associations`).',
      },
      {
        platform: 'cisco-ios',
        text: 'start date: 19:03:45 JST Dec 21 2015',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto pki certificates` lists start and end dates; compare them with `show clock` on the side that rejects the certificate.',
      },
    ],
    fix: [
      {
        text: 'Check the clock on both sides first. If it is wrong, synchronise it with NTP (authenticated NTP is recommended on devices that use PKI).',
        config: {
          'cisco-ios': 'ntp server 10.10.10.1\nclock timezone UTC 0',
          'cisco-asa': 'ntp server 10.10.10.1\nclock timezone UTC 0',
          fortigate: 'config system ntp\n    set ntpsync enable\n    set type fortiguard\nend',
          strongswan: 'timedatectl set-ntp true',
          'juniper-srx': 'set system ntp server 10.10.10.1',
          paloalto:
            'set deviceconfig system ntp-servers primary-ntp-server ntp-server-address 10.10.10.1',
        },
      },
      {
        text: 'If the clock is right and the certificate really has expired, renew it from the CA and install the new one.',
        config: {
          'cisco-ios': 'crypto pki enroll TP-CA',
          'cisco-asa': 'crypto ca enroll TP-CA',
        },
      },
      {
        text: 'Only as a stop-gap, and against security best practice: IOS can accept an expired peer certificate through a certificate map on the trustpoint.',
        config: {
          'cisco-ios':
            'crypto pki trustpoint TP-CA\n match certificate CERT-MAP allow expired-certificate',
          'cisco-asa': '! No equivalent: renew the certificate.',
        },
      },
      {
        text: 'Bring the tunnel up and check that the SA is established and the clock stays synchronised (`*` in front of the NTP server).',
      },
    ],
    verify: {
      'cisco-ios': ['show ntp associations', 'show crypto ikev2 sa', 'show crypto isakmp sa'],
      'cisco-asa': ['show ntp associations', 'show crypto isakmp sa'],
      fortigate: ['diagnose sys ntp status', 'diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['timedatectl', 'swanctl --list-sas'],
      'juniper-srx': ['show ntp associations', 'show security ike security-associations'],
      paloalto: ['show ntp', 'show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.cert-untrusted'),
        howToTell:
          'An untrusted chain also ends in `Validation of certificate chain FAILED`, but without the validity-time message, and the clock is right.',
      },
      {
        id: id('auth.cert-revocation'),
        howToTell:
          'A revocation failure shows CRL/OCSP activity (`Requesting CRL`, socket errors), not a time message.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
];
