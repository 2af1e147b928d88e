/**
 * The IKEv2 notify dictionary: what each Notify message type means, who sends it,
 * how devices print it and which diagnoses it points to.
 *
 * Codes are the IANA "IKEv2 Notify Message Types" registry (RFC 7296 section 3.10.1;
 * 0–16383 are errors, 16384 and up are status). Two IKEv1/ISAKMP notifies that
 * engineers search for (INVALID_COOKIE, PAYLOAD_MALFORMED) are included with their
 * RFC 2408 codes; their `meaning` says they are IKEv1. Device text is quoted
 * exactly as the seed documents print it (line breaks included; `\u00a0` is the
 * non-breaking space the Cisco Press text puts before payload names).
 */
import { id } from '../ids.ts';
import type { NotifyEntry } from '../schema.ts';
import { SOURCES } from '../sources.ts';

/** IKEv2 notify message types (plus the IKEv1 ones engineers look up). */
export const IKEV2_NOTIFIES: readonly NotifyEntry[] = [
  // ---------------------------------------------------------------- errors
  {
    name: 'UNSUPPORTED_CRITICAL_PAYLOAD',
    code: 1,
    type: 'error',
    meaning:
      'The message carried a payload marked critical that the receiver does not implement, so it refused the whole message. The notify data names the payload type it did not understand.',
    sentWhen:
      'Sent by whichever peer received the unknown critical payload, in the response to that request. Seen between implementations of very different age or with a vendor extension switched on at one end only.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'INVALID_IKE_SPI',
    code: 4,
    type: 'error',
    meaning:
      'A message arrived for an IKE SA the receiver does not know (the SPI pair matches nothing). IKEv2 reuses code 4, which IKEv1 called INVALID-COOKIE. Typical after one peer rebooted or cleared its SAs while the other still uses the old IKE SA.',
    sentWhen:
      'May be sent, unprotected, by the peer that got a message for an unknown IKE SA; many implementations stay silent instead. The other side usually recovers when its dead-peer detection or retransmissions expire and it starts a fresh IKE_SA_INIT.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'INVALID_MAJOR_VERSION',
    code: 5,
    type: 'error',
    meaning:
      'The IKE header carried a major version the receiver does not speak (for example an IKEv2-only device receiving IKEv1, major version 1). The notify data says the highest version the sender supports.',
    sentWhen:
      'Sent by the responder to an IKE_SA_INIT with a version it cannot handle. Many devices simply drop the packet instead, so the initiator only sees retransmissions.',
    diagnoses: [id('ike.version-mismatch')],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'INVALID_SYNTAX',
    code: 7,
    type: 'error',
    meaning:
      'A message that passed the integrity check was badly formed: wrong payload order, a payload that is not allowed in this exchange, bad lengths. Points to an implementation or interoperability bug rather than a configuration error.',
    sentWhen:
      'Sent by the receiver of the malformed request in its response; receiving it usually ends the IKE SA. Capture both sides with packet-level debugging and take it to the vendor.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'INVALID_MESSAGE_ID',
    code: 9,
    type: 'error',
    meaning:
      'A request arrived with a message ID outside the window the receiver expects, so the two peers no longer agree on where the exchange sequence stands (often after a failover or when one side lost state).',
    sentWhen:
      'Sent only in an INFORMATIONAL exchange by the peer that got the out-of-window request; usually the IKE SA is torn down and renegotiated.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'INVALID_SPI',
    code: 11,
    type: 'error',
    meaning:
      'An ESP or AH packet (or a request about a child SA) referred to an SPI the receiver does not have. Classic when one side deleted or rekeyed an IPsec SA and the other keeps sending on the old one.',
    sentWhen:
      'Sent in an INFORMATIONAL exchange by the peer receiving traffic for the unknown SPI, when it has an IKE SA to send it over. Traffic meanwhile only works in one direction.',
    diagnoses: [id('ipsec.one-way-traffic')],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'NO_PROPOSAL_CHOSEN',
    code: 14,
    type: 'error',
    meaning:
      'None of the proposals offered was acceptable. In IKE_SA_INIT it concerns the IKE SA (encryption, integrity, PRF, DH group); in IKE_AUTH or CREATE_CHILD_SA it concerns the child SA (the ESP transform set, or the PFS group on a rekey). IKEv1/ISAKMP has the same name and code 14 (NO-PROPOSAL-CHOSEN in RFC 2408); IOS prints the IKEv1 one as PROPOSAL_NOT_CHOSEN.',
    sentWhen:
      'Sent by the responder. In IKE_SA_INIT the reply holds only this notify; in IKE_AUTH it comes next to the responder’s AUTH payload, so authentication succeeds and then the initiator deletes the IKE SA. Read the exchange it arrived in before deciding which stage is wrong.',
    deviceText: [
      { platform: 'cisco-ios', text: 'Sending no proposal chosen notify' },
      {
        platform: 'cisco-ios',
        text: 'IKEv2 IKE_SA_INIT Exchange RESPONSE\nPayload contents:\n\u00a0NOTIFY(NO_PROPOSAL_CHOSEN)',
      },
      { platform: 'cisco-ios', text: 'VID IDr CERT AUTH NOTIFY(NO_PROPOSAL_CHOSEN)' },
      {
        platform: 'cisco-ios',
        text: '*Oct 7 06:46:39.898: ISAKMP:(1003):Sending NOTIFY PROPOSAL_NOT_CHOSEN\nprotocol 3',
      },
      {
        platform: 'cisco-asa',
        text: 'Received an un-encrypted NO_PROPOSAL_CHOSEN notify message, dropping',
      },
    ],
    diagnoses: [
      id('ike.proposal-mismatch'),
      id('ipsec.transform-mismatch'),
      id('ipsec.pfs-mismatch'),
      id('ipsec.profile-mismatch'),
    ],
    sources: [
      SOURCES.rfc7296,
      SOURCES.rfc2408,
      SOURCES.troubleshootingIpsecVpns,
      SOURCES.asaS2sTroubleshooting,
      SOURCES.multipleKeyrings,
    ],
  },
  {
    name: 'INVALID_KE_PAYLOAD',
    code: 17,
    type: 'error',
    meaning:
      'The key exchange payload uses a Diffie-Hellman group the responder accepts in principle but did not select. The notify data carries the group the responder wants. Normally harmless: the initiator retries IKE_SA_INIT with that group.',
    sentWhen:
      'Sent by the responder to IKE_SA_INIT (or to a CREATE_CHILD_SA with a KE payload). It only matters when it repeats: then no DH group is common (phase 1 proposal mismatch), or on a child SA rekey the PFS groups differ.',
    diagnoses: [id('ike.proposal-mismatch'), id('ipsec.pfs-mismatch')],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'AUTHENTICATION_FAILED',
    code: 24,
    type: 'error',
    meaning:
      'The peer could not verify our AUTH payload, or refused to go on after authentication (identity, certificate, EAP or authorization problem). The notify itself never says why; the reason is only in the logs of the side that sent it.',
    sentWhen:
      'Sent by the responder in the IKE_AUTH response (encrypted) when it rejects the initiator, or by the initiator in a separate INFORMATIONAL exchange when it rejects the responder. On the side that receives it, debug the other peer to learn the cause.',
    deviceText: [
      { platform: 'cisco-ios', text: 'Sending authentication failure notify' },
      {
        platform: 'cisco-ios',
        text: 'Building packet for encryption.\nPayload contents:\n\u00a0NOTIFY(AUTHENTICATION_FAILED)',
      },
    ],
    diagnoses: [
      id('auth.psk-mismatch'),
      id('auth.psk-not-found'),
      id('auth.method-mismatch'),
      id('auth.cert-untrusted'),
      id('auth.cert-expired'),
      id('auth.cert-revocation'),
      id('auth.cert-key-usage'),
      id('auth.cert-identity-mismatch'),
      id('auth.eap-failed'),
      id('auth.peer-id-mismatch'),
      id('auth.authorization-failed'),
    ],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'SINGLE_PAIR_REQUIRED',
    code: 34,
    type: 'error',
    meaning:
      'The responder will only build a child SA for exactly the one pair of addresses in the first traffic selectors (the packet that triggered the tunnel), not for the wider ranges that were proposed.',
    sentWhen:
      'Sent by the responder in IKE_AUTH or CREATE_CHILD_SA when its policy is narrower than the initiator’s selectors and it cannot narrow them to a subnet pair.',
    diagnoses: [id('ipsec.proxy-id-mismatch')],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'NO_ADDITIONAL_SAS',
    code: 35,
    type: 'error',
    meaning:
      'The responder refuses to create any more child SAs on this IKE SA (a limit it enforces). Existing child SAs keep working.',
    sentWhen:
      'Sent by the responder to a CREATE_CHILD_SA request. A fresh IKE SA is needed for further child SAs, or the limit must be raised.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'INTERNAL_ADDRESS_FAILURE',
    code: 36,
    type: 'error',
    meaning:
      'The initiator asked for an inner address in a configuration payload (CFG_REQUEST) and the responder could not give one: pool empty, no pool, or authorization returned no address.',
    sentWhen:
      'Sent by the responder in IKE_AUTH. The IKE SA may still come up, but no child SA is created. On IOS the same situation logs an address allocation failure during authorization.',
    diagnoses: [id('auth.authorization-failed')],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'FAILED_CP_REQUIRED',
    code: 37,
    type: 'error',
    meaning:
      'The responder requires the initiator to ask for configuration (a CFG_REQUEST, e.g. for an inner address) and the initiator did not: a remote-access headend met a site-to-site peer.',
    sentWhen:
      'Sent by the responder in IKE_AUTH. Fix by having the client request mode-config / an address, or by not requiring it on the headend.',
    diagnoses: [id('auth.authorization-failed')],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'TS_UNACCEPTABLE',
    code: 38,
    type: 'error',
    meaning:
      'The traffic selectors (the IKEv2 proxy IDs: address ranges, protocol, ports) match no local policy. Also what IOS sends when the two ends use different tunnel encapsulations (GRE against a plain VTI) or when the responder picked the wrong IKEv2 profile.',
    sentWhen:
      'Sent by the responder in IKE_AUTH or CREATE_CHILD_SA. Authentication has already succeeded; the IKE SA may stay up without any child SA.',
    deviceText: [
      { platform: 'cisco-ios', text: 'Sending TS unacceptable notify' },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SA ID = 1):There was no IPSEC policy found for received TS',
      },
    ],
    diagnoses: [
      id('ipsec.proxy-id-mismatch'),
      id('ipsec.encapsulation-mismatch'),
      id('ipsec.profile-mismatch'),
    ],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'TEMPORARY_FAILURE',
    code: 43,
    type: 'error',
    meaning:
      'The peer cannot handle the request right now (typically both sides rekeying the same SA at once, or a rekey arriving while another exchange is in progress). Not a configuration fault.',
    sentWhen:
      'Sent in response to CREATE_CHILD_SA during a rekey collision. The requester waits a random short time and retries; it only matters if it never stops.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'CHILD_SA_NOT_FOUND',
    code: 44,
    type: 'error',
    meaning:
      'A rekey request names a child SA the responder no longer has (it was deleted or already replaced).',
    sentWhen:
      'Sent by the responder to CREATE_CHILD_SA with a REKEY_SA notify for an unknown SPI. The requester should create a new child SA instead of rekeying.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  // ---------------------------------------------------- IKEv1 (ISAKMP) errors
  {
    name: 'INVALID_COOKIE',
    code: 4,
    type: 'error',
    meaning:
      'IKEv1/ISAKMP notify (RFC 2408 INVALID-COOKIE, code 4; IKEv2 renamed the code INVALID_IKE_SPI). The peer rejected our message because the cookies (SPIs) in its header belong to no ISAKMP SA it knows. On an ASA it is also what appears when the peers disagree on how the ASA identifies itself: the ASA must identify itself by IP address.',
    sentWhen:
      'Sent unencrypted by the peer that received a message for an unknown ISAKMP SA: after a reboot or clear on one side, or when it could not match our identity to an SA. The ASA logs that it dropped it.',
    deviceText: [
      {
        platform: 'cisco-asa',
        text: 'Received an un-encrypted INVALID_COOKIE notify message, dropping',
      },
    ],
    diagnoses: [id('ike.invalid-cookie')],
    sources: [SOURCES.rfc2408, SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'PAYLOAD_MALFORMED',
    code: 16,
    type: 'error',
    meaning:
      'IKEv1/ISAKMP notify (RFC 2408 PAYLOAD-MALFORMED, code 16): the peer could not parse what we sent. In main mode it nearly always means message 5 did not decrypt, because the keys derived from the pre-shared key differ. Also seen when PFS is set on one side only.',
    sentWhen:
      'Sent unencrypted by the responder when MM5 (the first encrypted message) does not decrypt to valid payloads. The initiator sits in MM_WAIT_MSG6 and logs the notify; the responder logs the decryption or sanity-check failure.',
    deviceText: [
      {
        platform: 'cisco-asa',
        text: 'Received an un-encrypted PAYLOAD_MALFORMED notify message, dropping',
      },
      {
        platform: 'cisco-asa',
        text: 'Error, peer has indicated that something is wrong with our message. This could indicate a pre-shared key mismatch.',
      },
      {
        platform: 'cisco-ios',
        text: '*Jul 16 20:21:25.317: ISAKMP: reserved not zero on ID payload!',
      },
    ],
    diagnoses: [id('auth.psk-mismatch'), id('auth.keyring-selection'), id('ipsec.pfs-mismatch')],
    sources: [SOURCES.rfc2408, SOURCES.asaS2sTroubleshooting, SOURCES.multipleKeyrings],
  },
  // ---------------------------------------------------------------- status
  {
    name: 'INITIAL_CONTACT',
    code: 16384,
    type: 'status',
    meaning:
      'The sender says this is the only IKE SA it has with the peer, so the peer may delete any older SAs it still holds for the same identity (they are left over from before a reboot). IKEv1 has its own INITIAL-CONTACT (code 24578 in the IPsec DOI) that IOS debugs show the same way.',
    sentWhen:
      'Sent by the initiator in the first IKE_AUTH request of a new session. Normal and harmless; seeing it repeatedly means the peer keeps starting from scratch.',
    deviceText: [
      { platform: 'cisco-ios', text: 'NOTIFY(INITIAL_CONTACT)' },
      {
        platform: 'cisco-ios',
        text: 'IKEv2:(SESSION ID = 17,SA ID = 1):Processing INITIAL_CONTACT',
      },
      {
        platform: 'cisco-ios',
        text: '*Jun 19 10:04:24.838: ISAKMP:(1011): processing NOTIFY INITIAL_CONTACT',
      },
    ],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns, SOURCES.multipleKeyrings],
  },
  {
    name: 'SET_WINDOW_SIZE',
    code: 16385,
    type: 'status',
    meaning:
      'Announces how many IKE requests the sender can have outstanding at once (the default window is 1).',
    sentWhen: 'Sent by either peer, usually in IKE_AUTH. Informational only.',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(SET_WINDOW_SIZE)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'NAT_DETECTION_SOURCE_IP',
    code: 16388,
    type: 'status',
    meaning:
      'A hash of the SPIs and the address and port the sender believes it sends from. If the receiver computes a different hash from what it actually sees, a NAT sits in the path and both sides move to UDP 4500 (NAT traversal).',
    sentWhen: 'Sent by both peers in IKE_SA_INIT (and in MOBIKE address updates).',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(NAT_DETECTION_SOURCE_IP)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'NAT_DETECTION_DESTINATION_IP',
    code: 16389,
    type: 'status',
    meaning:
      'A hash of the SPIs and the address and port the sender believes the peer has. A mismatch means the receiver is behind NAT; from then on IKE and ESP run over UDP 4500, which the path must let through.',
    sentWhen: 'Sent by both peers in IKE_SA_INIT.',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(NAT_DETECTION_DESTINATION_IP)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'COOKIE',
    code: 16390,
    type: 'status',
    meaning:
      'Anti-DoS cookie: a responder under load refuses to keep state until the initiator proves it can receive at its claimed address by repeating IKE_SA_INIT with this cookie.',
    sentWhen:
      'Sent by the responder instead of a normal IKE_SA_INIT reply when it is busy (many half-open SAs). An initiator that does not understand it never completes IKE_SA_INIT.',
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'USE_TRANSPORT_MODE',
    code: 16391,
    type: 'status',
    meaning:
      'The sender asks for (or, in the response, agrees to) transport mode for the child SA instead of tunnel mode. If the responder does not echo it, tunnel mode is used.',
    sentWhen:
      'Sent by the initiator in IKE_AUTH or CREATE_CHILD_SA; echoed by the responder if accepted.',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(USE_TRANSPORT_MODE)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'HTTP_CERT_LOOKUP_SUPPORTED',
    code: 16392,
    type: 'status',
    meaning:
      'The sender can fetch certificates from a URL, so the peer may send a certificate URL (hash and URL) instead of the whole certificate.',
    sentWhen: 'Sent in IKE_AUTH by peers using certificates. Informational only.',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(HTTP_CERT_LOOKUP_SUPPORTED)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'REKEY_SA',
    code: 16393,
    type: 'status',
    meaning:
      'Marks a CREATE_CHILD_SA request as the rekey of an existing child SA; the notify carries that SA’s SPI.',
    sentWhen:
      'Sent by the peer starting the rekey. Normal; answered with CHILD_SA_NOT_FOUND if that SA is already gone.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'ESP_TFC_PADDING_NOT_SUPPORTED',
    code: 16394,
    type: 'status',
    meaning: 'The sender will not accept traffic-flow-confidentiality padding on this child SA.',
    sentWhen:
      'Sent in IKE_AUTH or CREATE_CHILD_SA. IOS abbreviates it in debug output as ESP_TFC_NO_SUPPORT. Informational only.',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(ESP_TFC_NO_SUPPORT)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'NON_FIRST_FRAGMENTS_ALSO',
    code: 16395,
    type: 'status',
    meaning:
      'The sender will also carry non-first IP fragments on this child SA (they have no ports, so port-based selectors would otherwise drop them).',
    sentWhen:
      'Sent in IKE_AUTH or CREATE_CHILD_SA. IOS abbreviates it in debug output as NON_FIRST_FRAGS. Informational only.',
    deviceText: [{ platform: 'cisco-ios', text: 'NOTIFY(NON_FIRST_FRAGS)' }],
    diagnoses: [],
    sources: [SOURCES.rfc7296, SOURCES.troubleshootingIpsecVpns],
  },
  {
    name: 'MOBIKE_SUPPORTED',
    code: 16396,
    type: 'status',
    meaning:
      'The sender supports MOBIKE (defined in RFC 4555, registered in the IKEv2 notify registry): the IKE SA and its child SAs may move to new addresses without renegotiation. Common from strongSwan and mobile clients.',
    sentWhen:
      'Sent by either peer in IKE_AUTH. Informational only; the peer ignores it if it lacks MOBIKE.',
    diagnoses: [],
    sources: [SOURCES.rfc7296],
  },
  {
    name: 'IKEV2_FRAGMENTATION_SUPPORTED',
    code: 16430,
    type: 'status',
    meaning:
      'The sender can split large IKE messages into IKE-level fragments itself (RFC 7383) instead of relying on IP fragmentation. Both sides must send it for IKE fragmentation to be used.',
    sentWhen:
      'Sent by both peers in IKE_SA_INIT when enabled. If one side lacks it, a large IKE_AUTH (certificate chains) is IP-fragmented, and lost fragments show as IKE_AUTH retransmissions that never get an answer.',
    diagnoses: [id('ip.fragmentation')],
    sources: [SOURCES.rfc7383, SOURCES.troubleshootingIpsecVpns],
  },
];
