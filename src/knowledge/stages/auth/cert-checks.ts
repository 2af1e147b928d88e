/**
 * Auth stage, certificates, the later checks: revocation (CRL/OCSP), key usage
 * and extended key usage, and the identity compared with the certificate or
 * certificate maps. The certificate question and the first two checks (trust
 * chain, validity dates) are in cert.ts.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Diagnoses for the revocation, key usage and identity checks. */
export const certCheckNodes: readonly KnowledgeNode[] = [
  {
    kind: 'diagnosis',
    id: id('auth.cert-revocation'),
    stage: 'auth',
    title: 'The revocation check (CRL or OCSP) cannot complete',
    explanation:
      'With revocation checking enabled on the trustpoint, the device must download the CRL from the distribution point (CDP) named in the certificate, or ask an OCSP server, before it accepts the peer. ' +
      'If that request gets no answer, validation fails and IKE sends AUTHENTICATION_FAILED even though the certificate is valid. ' +
      'Typical causes: a firewall blocks HTTP (or LDAP) to the CDP, the CDP URL in the certificate is wrong or unreachable from this device (for example only reachable through the tunnel being built, or in another VRF), or the web server hosting the CRL is down. ' +
      'A first attempt can also fail simply because the CRL was not yet downloaded; it then succeeds once the CRL arrives.',
    confirm: {
      'cisco-ios': [
        'show crypto pki counters',
        'show crypto pki crls',
        'debug crypto pki transactions',
        'debug crypto pki validation',
        'debug ip tcp transactions',
      ],
      'cisco-asa': ['show crypto ca crls', 'debug crypto ca 255', 'show crypto ca trustpoints'],
      fortigate: [
        'get vpn certificate crl details',
        'diagnose debug application fnbamd -1',
        'diagnose debug enable',
      ],
      strongswan: ['swanctl --list-certs --type x509_crl', 'swanctl --log'],
      'juniper-srx': ['show security pki crl detail', 'show log pkid'],
      paloalto: ['less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: '%PKI-3-SOCKETSELECT: Failed to select the socket.',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The HTTP request for the CRL got no reply.',
      },
      {
        platform: 'cisco-ios',
        text: 'CRYPTO_PKI: (A0011) Requesting CRL from SCEP',
        source: SOURCES.troubleshootingIpsecVpns,
      },
      {
        platform: 'cisco-ios',
        text: 'CRL - fetch attempts: 49\nCRL - failed attempts: 45',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto pki counters`: most CRL fetches fail.',
      },
      {
        platform: 'cisco-ios',
        text: 'TCP0: timeout #1 - timeout is 4000 ms, seq 3276603876',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`debug ip tcp transactions`: the SYN to the CDP on port 80 is never answered (blocked by a firewall in the document).',
      },
    ],
    fix: [
      {
        text: 'Make the CDP reachable from the device: allow HTTP from the device’s address to the CDP server, check the URL in the certificate (`show crypto pki certificates verbose`), and that the CDP is reachable outside the tunnel (or in the right VRF).',
      },
      {
        text: 'If the CDP cannot be reached in time, let the device accept the certificate when the CRL is unavailable (it still rejects certificates on a CRL it has), or disable the check if your policy allows it.',
        config: {
          'cisco-ios': 'crypto pki trustpoint TP-CA\n revocation-check crl none',
          'cisco-asa': 'crypto ca trustpoint TP-CA\n revocation-check crl none',
          fortigate: 'config vpn certificate setting\n    set strict-crl-check disable\nend',
          strongswan:
            'connections {\n    site-b {\n        remote {\n            revocation = ifuri\n        }\n    }\n}',
          'juniper-srx':
            'set security pki ca-profile CA-PROF revocation-check crl disable on-download-failure',
        },
      },
      {
        text: 'Fetch the CRL once by hand to prove the path works.',
        config: {
          'cisco-ios': 'crypto pki crl request TP-CA',
          'cisco-asa': 'crypto ca crl request TP-CA',
          'juniper-srx': 'request security pki crl load ca-profile CA-PROF filename <crl-file>',
        },
      },
      {
        text: 'Bring the tunnel up again: the validation must pass and `CRL - failed attempts` must stop rising.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto pki counters', 'show crypto pki crls', 'show crypto ikev2 sa'],
      'cisco-asa': ['show crypto ca crls', 'show crypto isakmp sa'],
      fortigate: [
        'get vpn certificate crl details',
        'diagnose vpn ike gateway list name to-site-b',
      ],
      strongswan: ['swanctl --list-certs --type x509_crl', 'swanctl --list-sas'],
      'juniper-srx': ['show security pki crl', 'show security ike security-associations'],
      paloalto: ['show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.cert-untrusted'),
        howToTell:
          'Both log `Validation of certificate chain FAILED`. Only revocation is followed by CRL/OCSP activity and socket or TCP timeouts; an untrusted chain fails immediately with no network activity.',
      },
      {
        id: id('ip.fragmentation'),
        howToTell:
          'Fragmentation leaves IKE_AUTH unanswered (retransmissions). A revocation failure gets an answer: AUTHENTICATION_FAILED, after the validating side tried to reach its CDP.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('auth.cert-key-usage'),
    stage: 'auth',
    title: 'The certificate’s key usage or extended key usage is not accepted for IPsec',
    explanation:
      'Certificates can restrict what their key may be used for: the Key Usage extension (digitalSignature, keyEncipherment, …) and the Extended Key Usage (serverAuth, clientAuth, ipsecIKE, …). ' +
      'For IKE the signature check needs digitalSignature (or nonRepudiation) when Key Usage is present; IOS sets keyEncipherment as well, and setting both is recommended. ' +
      'Some validators are stricter: the ASA by default checks the IPsec key usage and rejects a certificate that a CA template (for example one issued through NDES) gave an unusual usage, logging 717009 and then 717027. ' +
      'With EAP and FlexVPN the server certificate must carry the server-authentication EKU, and Windows clients expect client/server authentication EKUs on their side.',
    confirm: {
      'cisco-ios': ['show crypto pki certificates verbose', 'debug crypto pki validation'],
      'cisco-asa': [
        'show crypto ca certificates',
        'show logging | include 71700',
        'debug crypto ca 255',
      ],
      fortigate: ['get vpn certificate local details'],
      strongswan: [
        'openssl x509 -in <cert.pem> -noout -ext keyUsage,extendedKeyUsage',
        'swanctl --list-certs',
      ],
      'juniper-srx': ['show security pki local-certificate detail'],
      paloalto: ['less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: '%ASA-3-717009: Certificate validation failed. Peer certificate key usage is invalid, serial number: 6B00002B3F8571E2605FA02883000100002C3E, subject name: hostname=Petes-Router-Petes-HQ.petenetlive.com.\n%ASA-3-717027: Certificate chain failed validation. Certificate chain is either invalid or not authorized.',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'A valid certificate from the right CA, refused only because of its key usage.',
      },
      {
        platform: 'cisco-ios',
        text: 'X509v3 Key Usage: A0000000',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto pki certificates verbose`: A0000000 decodes as Digital Signature + Key Encipherment, the usage IOS expects.',
      },
      {
        platform: 'cisco-ios',
        text: 'TLS Web Server Authentication',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The server-authentication EKU a FlexVPN/EAP headend certificate must carry.',
      },
    ],
    fix: [
      {
        text: 'Best fix: have the CA issue a certificate with Key Usage digitalSignature and keyEncipherment (and, where clients require it, the serverAuth / clientAuth EKU), then re-enroll.',
        config: {
          'cisco-ios': 'crypto pki enroll TP-CA',
          'cisco-asa': 'crypto ca enroll TP-CA',
        },
      },
      {
        text: 'If the certificate is otherwise good and you cannot reissue it: on the ASA, stop checking the IPsec key usage on that trustpoint.',
        config: {
          'cisco-ios':
            '! IOS accepts any Key Usage that includes digitalSignature; reissue the certificate instead.',
          'cisco-asa': 'crypto ca trustpoint TP-CA\n ignore-ipsec-keyusage',
        },
      },
      {
        text: 'Bring the tunnel up and check that 717009 no longer appears and the SA is established.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show crypto pki certificates verbose',
        'show crypto ikev2 sa',
        'show crypto isakmp sa',
      ],
      'cisco-asa': ['show logging | include 71700', 'show crypto isakmp sa'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations'],
      paloalto: ['show vpn ike-sa gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.cert-untrusted'),
        howToTell:
          'The ASA logs 717027 (chain failed) in both cases. If 717009 `key usage is invalid` comes first, the chain is trusted and only the usage is refused.',
      },
      {
        id: id('auth.cert-identity-mismatch'),
        howToTell:
          'A good certificate can also be refused because its subject or SAN does not match the IKE ID; that is logged as an ID comparison failure, not a key usage one.',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('auth.cert-identity-mismatch'),
    stage: 'auth',
    title:
      'The IKE identity does not match the certificate, or no certificate map / profile matches it',
    explanation:
      'With certificates the receiver does two identity checks. First it selects its configuration for the peer from the identity it received: an IOS IKEv2 responder matches `match identity` or `match certificate <certificate map>` statements; if nothing matches it cannot find a profile (`IKEv2 profile not found`). ' +
      'Second, it may compare the IKE ID with the certificate itself: an ASA checks that the ID (for example an FQDN) appears in the certificate’s Subject Alternative Name, and fails when it cannot. ' +
      'So a perfectly valid certificate is refused when the peer sends an ID type its certificate does not carry (an FQDN when the SAN holds none, an address when the SAN has only a name), ' +
      'or when the certificate map expects a subject the certificate does not have. Overlapping profiles are the opposite problem: the wrong profile matches and phase 2 fails later.',
    confirm: {
      'cisco-ios': [
        'show running-config | section crypto pki certificate map|crypto ikev2 profile',
        'show crypto pki certificates verbose',
        'debug crypto ikev2',
        'show crypto ikev2 diagnose error',
      ],
      'cisco-asa': [
        'debug crypto ikev1 200',
        'show running-config tunnel-group',
        'show crypto ca certificates',
      ],
      fortigate: ['show user peer', 'diagnose debug application ike -1', 'diagnose debug enable'],
      strongswan: [
        'swanctl --list-conns',
        'openssl x509 -in <peer-cert.pem> -noout -subject -ext subjectAltName',
        'swanctl --log',
      ],
      'juniper-srx': ['show configuration security ike gateway <name>', 'show log kmd'],
      paloalto: ['show vpn gateway name <name>', 'less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-asa',
        text: 'Apr 19 16:36:10 [IKEv1]Group = 123.123.123.123, IP = 123.123.123.123, Unable to compare IKE ID against peer cert Subject Alt Name',
        source: SOURCES.asaS2sTroubleshooting,
        note: 'Preceded by `peer ID type 2 received (FQDN)`: the peer identified itself by FQDN and the ASA could not find it in the certificate’s SAN.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:% IKEv2 profile not found\nIKEv2:(SESSION ID = 40,SA ID = 1):: Failed to locate an item in the database',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'No certificate map (or `match identity`) anchors the peer’s identity to an IKEv2 profile.',
      },
      {
        platform: 'cisco-ios',
        text: 'Error(1): Failed to locate an item in the database',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The same failure as kept by `show crypto ikev2 diagnose error`.',
      },
    ],
    fix: [
      {
        text: 'Compare what the peer sends (ID type and value in the debug) with the certificate’s subject and SAN (`show crypto pki certificates verbose`, `openssl x509 -text`).',
      },
      {
        text: 'Anchor the peer’s certificate to the right profile with a certificate map that matches what the certificate really contains, or send an ID the certificate carries.',
        config: {
          'cisco-ios':
            'crypto pki certificate map CERTMAP-SITE-B 10\n subject-name co hostname=site-b.example.com\n!\ncrypto ikev2 profile IKEV2-PROF\n match certificate CERTMAP-SITE-B\n identity local dn\n authentication local rsa-sig\n authentication remote rsa-sig\n pki trustpoint TP-CA',
          'cisco-asa':
            '! Let the ASA skip the ID-versus-certificate comparison for this peer\ntunnel-group 203.0.113.2 ipsec-attributes\n peer-id-validate nocheck',
          fortigate:
            'config user peer\n    edit "site-b-peer"\n        set ca "CA_Cert_1"\n        set subject "site-b.example.com"\n    next\nend',
          strongswan:
            'connections {\n    site-b {\n        remote {\n            auth = pubkey\n            id = "CN=site-b.example.com"\n        }\n    }\n}',
          'juniper-srx':
            'set security ike gateway GW-SITE-B remote-identity distinguished-name container CN=site-b.example.com',
          paloalto: 'set network ike gateway GW-SITE-B peer-id type fqdn id site-b.example.com',
        },
      },
      {
        text: 'With several IKEv2 profiles, make sure their match statements do not overlap, so each peer matches exactly one profile (the one its tunnel uses).',
      },
      {
        text: 'Bring the tunnel up: the debug must show `Found matching IKEv2 profile` (or, on the ASA, no ID comparison error) and the SA must be established.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ikev2 sa detailed', 'show crypto isakmp sa'],
      'cisco-asa': ['show crypto isakmp sa detail'],
      fortigate: ['diagnose vpn ike gateway list name to-site-b'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa detail gateway GW-SITE-B'],
    },
    lookAlikes: [
      {
        id: id('auth.peer-id-mismatch'),
        howToTell:
          'Without certificates the same kind of failure is a plain identity mismatch (address against FQDN, NAT). With certificates, check the certificate’s subject and SAN as well as the configured ID.',
      },
      {
        id: id('ipsec.profile-mismatch'),
        howToTell:
          'If a profile does match but it is the wrong one (overlapping match statements), authentication succeeds and the failure comes in phase 2: `map_db_check_isakmp_profile profile did not match`, `Sending TS unacceptable notify`.',
      },
      {
        id: id('auth.cert-untrusted'),
        howToTell:
          'An untrusted certificate fails in chain validation (`Validation of certificate chain FAILED`); an identity problem fails before it (no profile) or after it (ID comparison).',
      },
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.troubleshootingIpsecVpns],
  },
];
