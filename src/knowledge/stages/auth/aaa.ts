/**
 * Auth stage, EAP and authorization (IKEv2): the EAP question and the two AAA
 * diagnoses. EAP runs inside IKE_AUTH between the client and a RADIUS server
 * relayed by the headend; authorization (local policy or RADIUS) runs after
 * authentication, and an IKE SA is only created if both succeed.
 */
import { id } from '../../ids.ts';
import type { KnowledgeNode } from '../../schema.ts';
import { SOURCES } from '../../sources.ts';

/** Questions and diagnoses for EAP and AAA authorization. */
export const aaaNodes: readonly KnowledgeNode[] = [
  {
    kind: 'question',
    id: id('auth.q.eap'),
    stage: 'auth',
    title: 'EAP: where does it stop?',
    help:
      'With EAP the initiator leaves the AUTH payload out of its first IKE_AUTH request; the headend proves itself with its certificate and then relays EAP messages between the client and the RADIUS server until RADIUS accepts or rejects. ' +
      'So check three things in order: the identity the client offers, the headend’s reachability to RADIUS (`test aaa`), and the RADIUS server’s own log (a wrong EAP type or password is only visible there). ' +
      'After EAP succeeds, authorization runs (address assignment, per-user attributes) and can still fail the session.',
    byRole: {
      initiator:
        'Client (initiator): it must trust the headend’s certificate first; if it rejects the server certificate the EAP exchange never starts.',
      responder:
        'Headend (responder): your IKEv2 and RADIUS debugs show the EAP identity, the Access-Request and the RADIUS answer (Access-Challenge, Access-Accept or Access-Reject).',
    },
    commands: {
      'cisco-ios': [
        'debug crypto ikev2',
        'debug radius authentication',
        'test aaa group <radius-group> <user> <password> new-code',
        'show aaa servers',
      ],
      'cisco-asa': [
        'debug crypto ikev2 protocol 127',
        'debug radius',
        'test aaa-server authentication <server-group> host <radius-ip> username <user> password <password>',
      ],
      fortigate: [
        'diagnose debug application ike -1',
        'diagnose debug application fnbamd -1',
        'diagnose debug enable',
        'diagnose test authserver radius <server> pap <user> <password>',
      ],
      strongswan: ['swanctl --log', 'journalctl -u strongswan -f'],
      'juniper-srx': ['show log kmd', 'show configuration access radius-server'],
      paloalto: [
        'less mp-log ikemgr.log',
        'test authentication authentication-profile <profile> username <user> password',
      ],
    },
    answers: [
      {
        label:
          '`Cannot use IP address as EAP identity` / `Extensible Authentication Protocol failed`',
        next: id('auth.eap-failed'),
        hint: 'The client sent an IP address (or DN) as its identity; Windows clients do this by default.',
      },
      {
        label: 'RADIUS does not answer, or answers Access-Reject',
        next: id('auth.eap-failed'),
        hint: '`test aaa` fails or times out; no `Access-Accept` in `debug radius`.',
      },
      {
        label: 'The client rejects the headend’s certificate',
        next: id('auth.cert-key-usage'),
        hint: 'The headend certificate lacks the server-authentication EKU (`TLS Web Server Authentication`), or its name does not match.',
      },
      {
        label: 'EAP succeeds, then authorization fails',
        next: id('auth.authorization-failed'),
        hint: '`AAA author not configured in IKEv2 profile`, `Fail to alloc IP addr`, `AAA clone request failed`.',
      },
      {
        label: 'EAP and authorization succeed; the IKE SA is up',
        next: id('healthy.phase1-up'),
        hint: '`Session with IKE ID PAIR (…) is UP`; IKEv2 SA READY.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('auth.eap-failed'),
    stage: 'auth',
    title: 'EAP authentication fails (identity, RADIUS reachability or credentials)',
    explanation:
      'With EAP the headend does not decide: it relays the client’s EAP messages to RADIUS inside RADIUS EAP-Message attributes and waits for Access-Accept or Access-Reject. ' +
      'Three things break it. (1) The identity: an IOS headend refuses an IP address (or DN) as EAP identity, and Windows clients send their IP address by default; `authentication remote eap query-identity` makes the headend ask the client for a proper EAP identity instead. ' +
      '(2) RADIUS reachability: the server must be reachable from the headend, both must share the same RADIUS secret, and it must answer within the EAP timeout. ' +
      '(3) The credentials or EAP type: a wrong password, unknown user or an EAP method the server does not allow is only visible in the RADIUS server’s log; the headend just sees a reject.',
    byRole: {
      initiator:
        'Client: it sees the exchange aborted after its EAP response; the reason is on the headend or the RADIUS server.',
      responder:
        'Headend: `debug crypto ikev2` shows the EAP identity and the authenticator’s answer; `debug radius` shows whether RADIUS answered.',
    },
    confirm: {
      'cisco-ios': [
        'debug crypto ikev2',
        'debug radius authentication',
        'test aaa group <radius-group> <user> <password> new-code',
        'show running-config | section radius|crypto ikev2 profile',
      ],
      'cisco-asa': [
        'debug radius',
        'test aaa-server authentication <server-group> host <radius-ip> username <user> password <password>',
      ],
      fortigate: [
        'diagnose test authserver radius <server> pap <user> <password>',
        'diagnose debug application fnbamd -1',
      ],
      strongswan: ['swanctl --log', 'journalctl -u strongswan -f'],
      'juniper-srx': ['show configuration access radius-server', 'show log kmd'],
      paloalto: ['test authentication authentication-profile <profile> username <user> password'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'IKEv2:Cannot use IP address as EAP identity\nIKEv2:Received response from authenticator\nIKEv2:(1): Authenticator sent NULL EAP message\nIKEv2:(1): Extensible Authentication Protocol failed\nIKEv2:(1): Auth exchange failed\nIKEv2:(1): Abort exchange',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'FlexVPN server: the client used its IP address as identity.',
      },
      {
        platform: 'cisco-ios',
        text: 'RADIUS: Received from id 1812/1 10.10.20.1:1812, Access-Accept, len 44',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'What a working `test aaa` looks like. No reply, or Access-Reject, points at RADIUS.',
      },
    ],
    fix: [
      {
        text: 'Make the headend ask for the EAP identity instead of using the IKE identity (needed for Windows and any client that identifies by address).',
        config: {
          'cisco-ios':
            'crypto ikev2 profile FLEX-PROF\n authentication remote eap query-identity\n authentication local rsa-sig\n pki trustpoint TP-CA\n aaa authentication eap RADIUS-LIST',
          'cisco-asa':
            '! The ASA uses IKEv2 EAP only with AnyConnect clients; point their tunnel-group at RADIUS\ntunnel-group RA-EAP general-attributes\n authentication-server-group RADIUS-GRP',
          strongswan:
            'connections {\n    rw-eap {\n        remote {\n            auth = eap-radius\n            eap_id = %any\n        }\n    }\n}',
        },
      },
      {
        text: 'Check RADIUS from the headend with a real test account; fix reachability and the shared secret until it answers Access-Accept.',
        config: {
          'cisco-ios':
            'aaa new-model\naaa group server radius RADIUS-GRP\n server-private 10.10.20.1 auth-port 1812 acct-port 1813 key <radius-secret>\naaa authentication login RADIUS-LIST group RADIUS-GRP\n!\n! then: test aaa group RADIUS-GRP <user> <password> new-code',
          'cisco-asa':
            'aaa-server RADIUS-GRP protocol radius\naaa-server RADIUS-GRP (outside) host 10.10.20.1\n key <radius-secret>',
          fortigate:
            'config user radius\n    edit "RADIUS-SRV"\n        set server "10.10.20.1"\n        set secret <radius-secret>\n    next\nend',
          'juniper-srx': 'set access radius-server 10.10.20.1 secret "<radius-secret>"',
        },
      },
      {
        text: 'If RADIUS answers Access-Reject, read the RADIUS server’s log: wrong password, unknown user or an EAP type the server does not allow. If EAP needs longer, raise the timeout (`authentication remote eap timeout <seconds>` on IOS).',
      },
      {
        text: 'Connect the client again: the headend debug must show the EAP success and the IKEv2 SA must reach READY.',
      },
    ],
    verify: {
      'cisco-ios': ['show crypto ikev2 sa detailed', 'show crypto session detail'],
      'cisco-asa': ['show vpn-sessiondb anyconnect'],
      fortigate: ['diagnose vpn ike gateway list'],
      strongswan: ['swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa'],
    },
    lookAlikes: [
      {
        id: id('auth.method-mismatch'),
        howToTell:
          'If only one side is configured for EAP, the debug reports an authentication method mismatch instead of EAP and RADIUS messages.',
      },
      {
        id: id('auth.cert-key-usage'),
        howToTell:
          'If the client aborts before any EAP message is relayed, it probably refused the headend certificate (missing server-authentication EKU).',
      },
      {
        id: id('auth.authorization-failed'),
        howToTell:
          'If RADIUS sends Access-Accept and the session still fails, authentication worked; the failure is in authorization (address pool, attributes).',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns],
  },
  {
    kind: 'diagnosis',
    id: id('auth.authorization-failed'),
    stage: 'auth',
    title: 'Authorization fails after a successful authentication',
    explanation:
      'In IKEv2 authorization runs after authentication, inside IKE_AUTH: the headend looks up the peer’s policy (locally in an IKEv2 authorization policy, or from RADIUS) using the peer’s identity or a part of it (name mangler), ' +
      'and answers the peer’s configuration request (address, DNS, routes) from it. The IKE SA is only created if this succeeds too. It fails when: ' +
      'the peer asks for attributes but no authorization is configured in the IKEv2 profile (`AAA author not configured in IKEv2 profile`); ' +
      'the peer asks for an address and none can be allocated (empty or missing pool: `Fail to alloc IP addr`, sent to the peer as INTERNAL_ADDRESS_FAILURE); ' +
      'or per-user attributes push interface commands that the CLI rejects (a typo such as `ip ccess-group`, or commands in the wrong order such as an address before `vrf forwarding`), so cloning the virtual-access interface fails (`AAA clone request failed`). ' +
      'Attributes returned by RADIUS during PSK or EAP authentication are only applied if the authorization is configured with `cached`.',
    byRole: {
      initiator:
        'Initiator (client or spoke): you see the IKE_AUTH exchange fail, or INTERNAL_ADDRESS_FAILURE / FAILED_CP_REQUIRED; the cause is logged on the headend.',
      responder:
        'Headend (responder): authentication lines end in PASSED, then the AAA authorization lines show the failure.',
    },
    confirm: {
      'cisco-ios': [
        'show crypto ikev2 diagnose error',
        'show crypto ikev2 authorization policy',
        'show ip local pool',
        'debug crypto ikev2',
        'debug aaa authorization',
        'debug vtemplate cloning',
      ],
      'cisco-asa': [
        'show ip local pool <pool-name>',
        'show running-config group-policy',
        'show running-config tunnel-group',
      ],
      fortigate: ['show vpn ipsec phase1-interface <name>', 'diagnose vpn ike gateway list'],
      strongswan: ['swanctl --list-pools --leases', 'swanctl --log'],
      'juniper-srx': ['show network-access address-assignment pool', 'show log kmd'],
      paloalto: ['less mp-log ikemgr.log'],
    },
    evidence: [
      {
        platform: 'cisco-ios',
        text: 'Error(1): AAA author not configured in IKEv2 profile',
        source: SOURCES.troubleshootingIpsecVpns,
        note: '`show crypto ikev2 diagnose error`: attributes were requested but the profile has no `aaa authorization`.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:Error constructing config reply\nIKEv2:(SESSION ID = 31,SA ID = 1):Error in retrieving config mode data to send\nIKEv2:(SESSION ID = 31,SA ID = 1):Fail to alloc IP addr',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The peer asked for an address and the pool could not supply one.',
      },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:AAA clone request failed, error 7\nIKEv2:(SESSION ID = 0,SA ID = 1):Error while applying per user attributes',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'A per-user attribute carried a command the CLI rejects.',
      },
      {
        platform: 'cisco-ios',
        text: 'attribute type interface-config "ip ccess-group service1 in" protocol ip',
        source: SOURCES.troubleshootingIpsecVpns,
        note: 'The culprit in the document: `access-group` misspelt in the AAA attribute list.',
      },
    ],
    fix: [
      {
        text: 'Configure authorization in the IKEv2 profile, pointing at a method list and an IKEv2 authorization policy (local) or RADIUS.',
        config: {
          'cisco-ios':
            'aaa new-model\naaa authorization network FLEX-AUTHOR local\n!\ncrypto ikev2 authorization policy FLEX-POL\n pool FLEX-POOL\n route set interface\n!\ncrypto ikev2 profile FLEX-PROF\n aaa authorization group psk list FLEX-AUTHOR FLEX-POL\n! with RADIUS attributes from PSK/EAP authentication:\n! aaa authorization user eap cached',
          'cisco-asa':
            'group-policy GP-SITE internal\ngroup-policy GP-SITE attributes\n address-pools value FLEX-POOL\ntunnel-group 203.0.113.2 general-attributes\n default-group-policy GP-SITE',
          strongswan:
            'pools {\n    rw-pool {\n        addrs = 172.16.1.0/24\n    }\n}\nconnections {\n    rw {\n        pools = rw-pool\n    }\n}',
        },
      },
      {
        text: 'Make sure the address pool exists and has free addresses.',
        config: {
          'cisco-ios': 'ip local pool FLEX-POOL 172.16.1.10 172.16.1.250',
          'cisco-asa': 'ip local pool FLEX-POOL 172.16.1.10-172.16.1.250 mask 255.255.255.0',
          fortigate:
            'config vpn ipsec phase1-interface\n    edit "dialup"\n        set mode-cfg enable\n        set ipv4-start-ip 172.16.1.10\n        set ipv4-end-ip 172.16.1.250\n        set ipv4-netmask 255.255.255.0\n    next\nend',
          'juniper-srx':
            'set access address-assignment pool FLEX-POOL family inet network 172.16.1.0/24\nset access address-assignment pool FLEX-POOL family inet range R1 low 172.16.1.10 high 172.16.1.250',
        },
      },
      {
        text: 'Check every per-user interface command (AAA attribute lists, RADIUS `interface-config` attributes) by typing it on a test interface first, and keep the order you would use by hand (`vrf forwarding` before any address).',
      },
      {
        text: 'Connect again: the debug must show `Received AAA authorisation response` followed by `Received valid config mode data`, and the IKEv2 SA must reach READY.',
      },
    ],
    verify: {
      'cisco-ios': [
        'show crypto ikev2 sa detailed',
        'show ip local pool',
        'show crypto ikev2 diagnose error',
      ],
      'cisco-asa': ['show ip local pool FLEX-POOL', 'show vpn-sessiondb detail'],
      fortigate: ['diagnose vpn ike gateway list'],
      strongswan: ['swanctl --list-pools --leases', 'swanctl --list-sas'],
      'juniper-srx': ['show security ike security-associations detail'],
      paloalto: ['show vpn ike-sa'],
    },
    lookAlikes: [
      {
        id: id('auth.eap-failed'),
        howToTell:
          'If RADIUS rejects the user, authentication failed and authorization never ran. Authorization failures come after the `PASSED` lines of authentication.',
      },
      {
        id: id('routing.missing-route'),
        howToTell:
          'If authorization succeeds but the routes it pushes are not installed, the session comes up and traffic has nowhere to go: check `show crypto ikev2 authorization policy` and the routing table, not AAA.',
      },
    ],
    sources: [SOURCES.troubleshootingIpsecVpns, SOURCES.rfc7296],
  },
];
