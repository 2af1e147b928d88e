/**
 * The IKEv1 state dictionary: every state a Cisco device shows or logs while
 * building phase 1 (and, for IOS debugs, quick mode), what it means, and what
 * a device stuck in it points to.
 *
 * Three families:
 * - IOS `show crypto isakmp sa` states (MM_*, AG_*, QM_IDLE). They are the
 *   same for both roles; the debug prints them after "(I)" or "(R)".
 * - IOS `debug crypto isakmp` state-machine states ("Old State = … New State
 *   = …"): IKE_I_MMn on the initiator, IKE_R_MMn on the responder, IKE_QM_* for
 *   quick mode. IOS prints no IKE_R_MM6: the responder goes from IKE_R_MM5
 *   straight to IKE_P1_COMPLETE when it sends message 6.
 * - ASA `show crypto isakmp sa` states. MM_WAIT_MSGn means "waiting for main
 *   mode message n", so n even = initiator, n odd = responder.
 *
 * Main mode recap: messages 1–2 agree the policy, 3–4 exchange the
 * Diffie-Hellman values and nonces, 5–6 exchange identity and hash (encrypted).
 */
import { id } from '../ids.ts';
import type { StateEntry } from '../schema.ts';
import { SOURCES } from '../sources.ts';

const IOS_SHOW =
  '`show crypto isakmp sa` (state column); also at the end of `debug crypto isakmp` packet lines';
const IOS_DEBUG = '`debug crypto isakmp` ("Old State = … New State = …")';
const ASA_SHOW = '`show crypto isakmp sa` (State, next to Role)';

/** IKEv1 states per platform and role. */
export const IKEV1_STATES: readonly StateEntry[] = [
  // ---- IOS: show crypto isakmp sa ----
  {
    name: 'MM_NO_STATE',
    platforms: ['cisco-ios'],
    seenIn: IOS_SHOW,
    meaning:
      'The ISAKMP SA has been created but nothing has been agreed yet: main mode message 1 is out (initiator) or in (responder), and no acceptable message 2 has followed. A failed SA is also left in this state, with status DELETED, until it is purged.',
    byRole: {
      initiator:
        'Message 1 went out and no usable message 2 came back. If it persists: the peer is unreachable (nothing received) or refused every policy (a NO_PROPOSAL_CHOSEN notify is received).',
      responder:
        'Message 1 arrived; staying here means none of our policies matched the offer, and a NO_PROPOSAL_CHOSEN notify goes back.',
    },
    diagnoses: [
      id('ip.peer-unreachable'),
      id('ip.peer-address-mismatch'),
      id('ike.proposal-mismatch'),
      id('ike.version-mismatch'),
    ],
    sources: [SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    name: 'MM_SA_SETUP',
    platforms: ['cisco-ios'],
    seenIn: IOS_SHOW,
    meaning:
      'A phase 1 policy has been agreed (messages 1 and 2 done); the Diffie-Hellman public values and nonces (messages 3 and 4) have not both been exchanged yet.',
    byRole: {
      initiator: 'Message 3 went out; message 4 is awaited. Stuck here: the key exchange stalls.',
      responder:
        'Message 2 went out; message 3 is awaited. Stuck here: either the initiator never got message 2 (return path) or the key exchange stalls.',
    },
    diagnoses: [id('ike.keying-stalled'), id('ip.peer-unreachable')],
    sources: [SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    name: 'MM_KEY_EXCH',
    platforms: ['cisco-ios'],
    seenIn: IOS_SHOW,
    meaning:
      'The Diffie-Hellman exchange is done and both sides have computed the keys (SKEYID), but the SA is not authenticated yet: identity and hash (messages 5 and 6) are pending.',
    byRole: {
      initiator:
        'Message 5 went out; message 6 is awaited. Stuck here: the peer cannot decrypt or verify message 5 (pre-shared key, keyring, identity), or UDP 4500 is blocked after NAT detection.',
      responder:
        'Message 4 went out; message 5 is awaited or cannot be decrypted ("reserved not zero on ID payload!" when the keys differ).',
    },
    diagnoses: [
      id('auth.psk-mismatch'),
      id('auth.keyring-selection'),
      id('auth.peer-id-mismatch'),
      id('ike.invalid-cookie'),
      id('ip.peer-unreachable'),
    ],
    sources: [SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    name: 'MM_KEY_AUTH',
    platforms: ['cisco-ios'],
    seenIn: '`show crypto isakmp sa` (rarely: it lasts an instant)',
    meaning:
      'Main mode is complete and the peer is authenticated. The SA moves on to QM_IDLE at once, so the state is seldom caught.',
    diagnoses: [],
    sources: [SOURCES.rfc2409],
  },
  {
    name: 'AG_NO_STATE',
    platforms: ['cisco-ios'],
    seenIn: IOS_SHOW,
    meaning:
      'An ISAKMP SA has been created for an aggressive-mode exchange, and nothing has been agreed yet. Any AG_ state means phase 1 is being tried in aggressive mode.',
    diagnoses: [id('ike.aggressive-mode'), id('ip.peer-unreachable')],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'AG_INIT_EXCH',
    platforms: ['cisco-ios', 'cisco-asa'],
    seenIn: '`show crypto isakmp sa` (IOS state column; ASA State)',
    meaning:
      'An aggressive-mode exchange is under way: the first messages (proposal, key exchange, nonce and identity in one go) have been exchanged, but the SA is not authenticated yet.',
    diagnoses: [id('ike.aggressive-mode')],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'AG_AUTH',
    platforms: ['cisco-ios'],
    seenIn: IOS_SHOW,
    meaning:
      'Aggressive mode is complete and the SA authenticated; it moves on to QM_IDLE at once. It works, but the tunnel uses aggressive mode.',
    diagnoses: [id('ike.aggressive-mode')],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'QM_IDLE',
    platforms: ['cisco-ios'],
    seenIn: '`show crypto isakmp sa` (with status ACTIVE); `debug crypto isakmp` packet lines',
    meaning:
      'Phase 1 is COMPLETE: the ISAKMP SA is authenticated and idle, ready to run quick mode (phase 2) exchanges. It is not a phase 2 state and says nothing about the IPsec SAs. ' +
      'In the debug, "set new node … to QM_IDLE" only creates an exchange record under the SA (it appears even before main mode starts) and does not mean phase 1 is up.',
    diagnoses: [],
    sources: [SOURCES.multipleKeyrings, SOURCES.rfc2409],
  },
  // ---- IOS: debug crypto isakmp state machine ----
  {
    name: 'IKE_READY',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'No exchange in progress. Appears as the Old State when a new negotiation starts ("Old State = IKE_READY New State = IKE_I_MM1").',
    diagnoses: [],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_I_MM1',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Initiator: main mode has started and message 1 (the proposals) is being sent.',
    byRole: {
      initiator:
        'Never followed by IKE_I_MM2: no acceptable message 2 came back (peer unreachable, or no policy matched).',
      responder: 'Not a responder state; the responder uses IKE_R_MM1.',
    },
    diagnoses: [id('ip.peer-unreachable'), id('ike.proposal-mismatch')],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_I_MM2',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Initiator: message 2 received; the accepted proposal is checked ("atts are acceptable") and the pre-shared key for the peer looked up.',
    diagnoses: [],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_I_MM3',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Initiator: message 3 (Diffie-Hellman public value and nonce) has been sent.',
    byRole: {
      initiator: 'Never followed by IKE_I_MM4: message 4 does not arrive, the key exchange stalls.',
    },
    diagnoses: [id('ike.keying-stalled')],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_I_MM4',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Initiator: message 4 received; the peer’s public value and nonce are processed and the keys computed ("SKEYID state generated").',
    diagnoses: [],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_I_MM5',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Initiator: message 5 (identity and hash, encrypted) has been sent.',
    byRole: {
      initiator:
        'Never followed by message 6: the peer could not decrypt or accept our identity and hash (pre-shared key, keyring, identity), or UDP 4500 is blocked after NAT detection.',
    },
    diagnoses: [
      id('auth.psk-mismatch'),
      id('auth.peer-id-mismatch'),
      id('ike.invalid-cookie'),
      id('ip.peer-unreachable'),
    ],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_I_MM6',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Initiator: message 6 received; the peer’s identity and hash are verified ("SA has been authenticated with …"). Success leads to IKE_P1_COMPLETE (some releases print UNKNOWN in between).',
    diagnoses: [],
    sources: [SOURCES.multipleKeyrings, SOURCES.phase1Success],
  },
  {
    name: 'IKE_R_MM1',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Responder: message 1 received; the offered transforms are checked against the local policies.',
    byRole: { responder: 'Never followed by IKE_R_MM2: no local policy matched the offer.' },
    diagnoses: [id('ike.proposal-mismatch')],
    sources: [SOURCES.rfc2409],
  },
  {
    name: 'IKE_R_MM2',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Responder: message 2 (the accepted proposal) has been sent; message 3 is awaited.',
    byRole: {
      responder:
        'Never followed by IKE_R_MM3: message 3 does not arrive, either because the initiator never got message 2 or because the key exchange stalls.',
    },
    diagnoses: [id('ike.keying-stalled'), id('ip.peer-unreachable')],
    sources: [SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_R_MM3',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Responder: message 3 received; the initiator’s public value and nonce are processed, the pre-shared key looked up by address and the keys computed, then message 4 is sent.',
    diagnoses: [],
    sources: [SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_R_MM4',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Responder: message 4 has been sent; message 5 is awaited.',
    byRole: {
      responder:
        'Never followed by IKE_R_MM5, or message 5 arrives but cannot be decrypted ("reserved not zero on ID payload!"): the keys differ (pre-shared key, keyring chosen), or UDP 4500 is blocked.',
    },
    diagnoses: [id('auth.psk-mismatch'), id('auth.keyring-selection'), id('ip.peer-unreachable')],
    sources: [SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_R_MM5',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Responder: message 5 received; the initiator’s identity selects the ISAKMP profile and keyring and its hash is verified. Success sends message 6 and goes straight to IKE_P1_COMPLETE.',
    byRole: {
      responder:
        'An error here ("Key not found in keyrings of profile , aborting exchange", "FSM action returned error: 2") means the profile chosen from the identity has no key for the peer.',
    },
    diagnoses: [id('auth.keyring-selection'), id('auth.psk-mismatch'), id('auth.peer-id-mismatch')],
    sources: [SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_P1_COMPLETE',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Main mode finished: phase 1 is complete and authenticated (`show crypto isakmp sa` then shows QM_IDLE). Quick mode follows.',
    diagnoses: [],
    sources: [SOURCES.phase1Success, SOURCES.multipleKeyrings],
  },
  {
    name: 'IKE_DEST_SA',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'The ISAKMP SA is being deleted (after a failure, a delete from the peer, a clear command or lifetime expiry). Read the lines before it for the reason.',
    diagnoses: [],
    sources: [SOURCES.rfc2408],
  },
  {
    name: 'IKE_QM_READY',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Quick mode: a new phase 2 exchange starts under a complete phase 1 SA.',
    diagnoses: [],
    sources: [SOURCES.rfc2409],
  },
  {
    name: 'IKE_QM_I_QM1',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Quick mode initiator: message 1 (IPsec proposal, proxy identities, nonce, and a key exchange payload when PFS is set) has been sent.',
    byRole: {
      initiator:
        'Never followed by phase 2 completion: the responder refused the proposal, the proxy identities or the PFS setting.',
    },
    diagnoses: [
      id('ipsec.transform-mismatch'),
      id('ipsec.proxy-id-mismatch'),
      id('ipsec.pfs-mismatch'),
    ],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'IKE_QM_SPI_STARVE',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Quick mode responder: the proposal was accepted and an SPI is being obtained for the inbound SA.',
    diagnoses: [],
    sources: [SOURCES.rfc2409],
  },
  {
    name: 'IKE_QM_IPSEC_INSTALL_AWAIT',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Quick mode responder: waiting for the IPsec SAs to be installed before answering.',
    diagnoses: [],
    sources: [SOURCES.rfc2409],
  },
  {
    name: 'IKE_QM_R_QM2',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning:
      'Quick mode responder: message 2 has been sent; the initiator’s message 3 (acknowledgement) is awaited.',
    diagnoses: [],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'IKE_QM_PHASE2_COMPLETE',
    platforms: ['cisco-ios'],
    seenIn: IOS_DEBUG,
    meaning: 'Quick mode finished: the IPsec SAs for this pair of proxy identities are up.',
    diagnoses: [],
    sources: [SOURCES.rfc2409],
  },
  // ---- ASA: show crypto isakmp sa ----
  {
    name: 'MM_WAIT_MSG2',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning: 'Main mode message 1 has been sent; message 2 from the responder is awaited.',
    byRole: {
      initiator:
        'No reply to message 1: no connectivity to the peer, a wrong peer address in the crypto map or tunnel-group, or no matching phase 1 policy (then a NO_PROPOSAL_CHOSEN notify is received).',
      responder: 'Not a responder state: a responder waits for odd-numbered messages.',
    },
    diagnoses: [
      id('ip.peer-unreachable'),
      id('ip.peer-address-mismatch'),
      id('ike.proposal-mismatch'),
      id('ike.version-mismatch'),
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'MM_WAIT_MSG3',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning:
      'A phase 1 policy has been agreed and message 2 sent; the initiator’s keying information (message 3) is awaited.',
    byRole: {
      responder:
        'Seen with different vendors or ASA software versions, a router with firewall functions in the path, or PFS enabled on the peer only (a VMware Edge). Check the initiator: still in MM_WAIT_MSG2 means our message 2 is lost on the way back.',
      initiator: 'Not an initiator state: an initiator waits for even-numbered messages.',
    },
    diagnoses: [id('ike.keying-stalled'), id('ip.peer-unreachable')],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'MM_WAIT_MSG4',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning:
      'A phase 1 policy has been agreed and message 3 sent; the responder’s keying information (message 4) is awaited.',
    byRole: {
      initiator:
        'Seen with different vendors or ASA software versions, or a router with firewall functions in the path.',
      responder: 'Not a responder state.',
    },
    diagnoses: [id('ike.keying-stalled')],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'MM_WAIT_MSG5',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning:
      'Keys have been computed and message 4 sent; the initiator’s identity and hash (message 5) are awaited.',
    byRole: {
      responder:
        'Message 5 does not arrive or cannot be decrypted: pre-shared keys differ, or UDP 4500 is blocked after NAT detection.',
      initiator: 'Not an initiator state.',
    },
    diagnoses: [id('auth.psk-mismatch'), id('ip.peer-unreachable')],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'MM_WAIT_MSG6',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning: 'Message 5 (identity and hash) has been sent; the responder’s message 6 is awaited.',
    byRole: {
      initiator:
        'Usually the pre-shared keys differ (the peer answers PAYLOAD_MALFORMED). Also: UDP 4500 blocked by a firewall in between, the peer rejecting the SA with INVALID_COOKIE, or PFS on one side only (the SA appears and disappears, repeatedly torn down).',
      responder: 'Not a responder state.',
    },
    diagnoses: [
      id('auth.psk-mismatch'),
      id('ike.invalid-cookie'),
      id('ipsec.pfs-mismatch'),
      id('ip.peer-unreachable'),
    ],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'MM_BLD_MSG6',
    platforms: ['cisco-asa'],
    seenIn: '`debug crypto ikev1` ("IKE MM Responder FSM error history")',
    meaning:
      'Responder: building message 6, after checking the initiator’s identity and certificate. In an FSM error history it shows the failure happened during that check (e.g. EV_COMPARE_IDS after "Unable to compare IKE ID against peer cert Subject Alt Name").',
    diagnoses: [id('auth.cert-identity-mismatch'), id('auth.peer-id-mismatch')],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'MM_ACTIVE',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning:
      'Phase 1 completed in main mode and is active. The Role field tells which side brought the tunnel up. Look at phase 2 next.',
    diagnoses: [],
    sources: [SOURCES.asaS2sTroubleshooting],
  },
  {
    name: 'AG_WAIT_MSG2',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning: 'Aggressive mode: the first message has been sent; the responder’s reply is awaited.',
    byRole: {
      initiator:
        'This ASA initiates in aggressive mode and the peer does not answer (or does not do aggressive mode).',
    },
    diagnoses: [id('ike.aggressive-mode'), id('ip.peer-unreachable')],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'AG_WAIT_MSG3',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning:
      'Aggressive mode: the reply has been sent; the initiator’s final, authenticating message is awaited.',
    byRole: {
      responder:
        'The peer started aggressive mode and did not complete it (often a key or identity problem).',
    },
    diagnoses: [id('ike.aggressive-mode'), id('auth.psk-mismatch')],
    sources: [SOURCES.asaS2sTroubleshooting, SOURCES.rfc2409],
  },
  {
    name: 'AM_ACTIVE',
    platforms: ['cisco-asa'],
    seenIn: ASA_SHOW,
    meaning:
      'Phase 1 completed in aggressive mode and is active. Normal for remote-access clients; for a site-to-site tunnel it works, but the tunnel runs in aggressive mode.',
    diagnoses: [],
    sources: [SOURCES.rfc2409],
  },
];
