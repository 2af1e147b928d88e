/**
 * The shared fact vocabulary: what every parser emits, whatever the vendor.
 *
 * Parsers translate vendor text into these records; classifier rules read only
 * these, so no rule needs a per-vendor branch. Field names are camelCase and
 * stable once published (they are the `cli parse` output).
 */
import type { IkeVersion, Platform, Role } from './schema.ts';

/**
 * Signals: single events a debug or syslog line proves. The description says
 * what must be true for a parser to emit it.
 */
export const SIGNALS = {
  // ---- IP connectivity ----
  'ike.retransmit': 'This device re-sent an IKE message because no reply came (set `exchange`).',
  'ike.gave-up':
    'This device stopped retrying an IKE exchange (maximum retransmissions, SA deleted).',
  'ike.sent': 'An IKE message left this device (set `exchange`).',
  'ike.received': 'An IKE message arrived from the peer (set `exchange`).',
  'ike.no-sa': 'An SA table was shown and holds no IKE SA at all.',
  'ike.off': 'IKE is not running on the device (`ISAKMP is OFF`).',
  'ipsec.packet-not-ipsec':
    'A packet that should have been protected arrived in clear (`RECVD_PKT_NOT_IPSEC`; set `protocol` when known).',
  'ike.fvrf-no-route': 'The peer is not reachable in the front-door VRF.',
  // ---- IKE negotiation ----
  'ike.state': 'An IKEv1/IKEv2 state was shown or entered (set `state`, and `role` when known).',
  'ike.notify': 'An IKE notify was sent or received (set `notify` and `direction`).',
  'ike.policy-no-match': 'No phase 1 policy / IKEv2 proposal matched the peer’s offer.',
  'ike.aggressive-mode': 'An aggressive-mode exchange was started or is in progress.',
  'ike.invalid-cookie':
    'The peer rejected our messages as belonging to an unknown SA (INVALID_COOKIE).',
  'ike.version-unsupported': 'A packet for an IKE version the device does not run was dropped.',
  'ike.lifetime': 'A lifetime was proposed or configured (set `value`).',
  'phase1.complete': 'Phase 1 (IKE SA) completed.',
  'phase2.complete': 'Phase 2 (IPsec / child SA) completed.',
  // ---- Authentication ----
  'psk.decrypt-failed':
    'A phase 1 message could not be decrypted: the keys derived from the pre-shared key differ.',
  'psk.malformed':
    'The peer reported PAYLOAD_MALFORMED, or an ID payload had non-zero reserved bits.',
  'psk.not-found': 'No pre-shared key is configured for this peer.',
  'keyring.no-key-in-profile':
    'The keyrings of the selected ISAKMP profile hold no key for the peer.',
  'auth.failed': 'Authentication of the peer failed (AUTHENTICATION_FAILED, generic auth failure).',
  'auth.method-mismatch': 'The peers use different authentication methods.',
  'cert.chain-invalid': 'The peer certificate chain did not validate against a trusted CA.',
  'cert.no-trustpoint': 'No trustpoint could be found for the exchange.',
  'cert.expired': 'A certificate is outside its validity dates.',
  'cert.revocation-failed': 'A CRL or OCSP check could not complete.',
  'cert.key-usage': 'The certificate key usage / extended key usage is not acceptable.',
  'cert.identity-mismatch':
    'The IKE identity does not match the certificate, or no profile matches it.',
  'eap.failed': 'EAP authentication failed.',
  'authz.failed': 'Authorization after authentication failed (AAA, address allocation).',
  'peer-id.mismatch': 'The identity the peer presented is not the one configured for it.',
  // ---- IPsec SA ----
  'ipsec.proposal-no-match': 'No phase 2 proposal / transform set matched.',
  'ipsec.ts-unacceptable': 'The traffic selectors / proxy IDs were refused.',
  'ipsec.proxy-unsupported':
    'The responder found no crypto map entry for the proposed proxy identities.',
  'ipsec.crypto-map-no-policy': 'ASA found no crypto map policy for the phase 2 proposal.',
  'ipsec.profile-mismatch': 'The responder selected an ISAKMP profile the crypto map does not use.',
  'ipsec.no-policy-for-ts':
    'No IPsec policy matched the received traffic selectors (tunnel modes differ).',
  'ipsec.embryonic-deleted': 'An inbound SA being built (embryonic) was deleted by IKE before use.',
  'ipsec.qm-fsm-error': 'The quick mode state machine hit an error and tore down.',
  'ipsec.pfs-unsupported': 'A phase 2 attribute (typically the PFS group) was not supported.',
  'ipsec.mac-failed': 'ESP packets failed the integrity check.',
  'ipsec.replay': 'ESP packets failed the anti-replay check.',
  // ---- Routing ----
  'route.missing': 'A route lookup found no route (`% Subnet not in table`).',
  'tunnel.recursive': 'A tunnel was disabled because its destination is routed through itself.',
  'tunnel.down': 'A tunnel interface line protocol went down.',
  'nhrp.failure': 'NHRP registration or resolution failed.',
} as const;

/** A signal name from the vocabulary. */
export type Signal = keyof typeof SIGNALS;

/** Where a fact came from: the format that read it and the 1-based lines of the paste. */
export interface Origin {
  readonly format: string;
  readonly lines: readonly number[];
}

/** An event one or a few lines prove. */
export interface SignalFact extends Origin {
  readonly kind: 'signal';
  readonly signal: Signal;
  readonly platform?: Platform;
  readonly ikeVersion?: IkeVersion;
  /** This device's role in the exchange, when the line proves it. */
  readonly role?: Role;
  readonly peer?: string;
  readonly local?: string;
  /** IKE exchange or message: `IKE_SA_INIT`, `IKE_AUTH`, `CREATE_CHILD_SA`, `INFORMATIONAL`, `MM1`…`MM6`, `AM1`…`AM3`, `QM1`…`QM3`. */
  readonly exchange?: string;
  /** Notify type as the RFCs spell it: `NO_PROPOSAL_CHOSEN`, `AUTHENTICATION_FAILED`, … */
  readonly notify?: string;
  readonly direction?: 'sent' | 'received';
  /** State name exactly as the device prints it, e.g. `MM_WAIT_MSG2`, `IKE_I_MM1`, `READY`. */
  readonly state?: string;
  /** IP protocol number, e.g. 47 for GRE. */
  readonly protocol?: number;
  /** Free value: a lifetime, an error code, an interface name. */
  readonly value?: string;
  /** IKE message ID as printed (`0`, `1`, `c0ea3190`); IKEv1 main and aggressive mode use 0. */
  readonly messageId?: string;
  /** Initiator and responder SPIs (IKEv2) or cookies (IKEv1) as `initiator/responder`, hex as printed. */
  readonly spi?: string;
  /** The payloads of the message, as the device lists them (`SA KE No N(NATD_S_IP)`, `HDR, SA, VENDOR`). */
  readonly payloads?: string;
  /** For `ike.retransmit`: how many retransmissions the line reports (0: it repeats one already reported). */
  readonly count?: number;
}

/** One IKE (phase 1) SA from an SA table. */
export interface IkeSaFact extends Origin {
  readonly kind: 'ike-sa';
  readonly platform: Platform;
  readonly ikeVersion?: IkeVersion;
  readonly peer?: string;
  readonly local?: string;
  /** State as printed: `QM_IDLE`, `MM_WAIT_MSG2`, `MM_ACTIVE`, `READY`, `ESTABLISHED`, `DELETED` … */
  readonly state?: string;
  /** Status column where the platform has one: `ACTIVE`, `DELETED`, `STDBY` … */
  readonly status?: string;
  readonly role?: Role;
  readonly connectionId?: string;
  readonly name?: string;
  readonly encryption?: string;
  readonly integrity?: string;
  readonly prf?: string;
  readonly dhGroup?: string;
  readonly authentication?: string;
  readonly lifetime?: string;
  readonly natT?: boolean;
  readonly spiInitiator?: string;
  readonly spiResponder?: string;
  readonly vrf?: string;
}

/** One IPsec (phase 2 / child) SA, or one pair of SAs for a flow, from an SA table. */
export interface IpsecSaFact extends Origin {
  readonly kind: 'ipsec-sa';
  readonly platform: Platform;
  readonly peer?: string;
  readonly local?: string;
  readonly interface?: string;
  readonly cryptoMap?: string;
  readonly name?: string;
  readonly localSelector?: string;
  readonly remoteSelector?: string;
  readonly encaps?: number;
  readonly encrypt?: number;
  readonly digest?: number;
  readonly decaps?: number;
  readonly decrypt?: number;
  readonly verify?: number;
  readonly compressed?: number;
  readonly sendErrors?: number;
  readonly recvErrors?: number;
  readonly verifyFailed?: number;
  readonly replayFailed?: number;
  readonly spiIn?: string;
  readonly spiOut?: string;
  readonly transform?: string;
  readonly pfs?: string;
  readonly mode?: string;
  readonly natT?: boolean;
  readonly status?: string;
  /** Count of SAs installed, where the platform prints it (FortiGate `sa=`). */
  readonly saCount?: number;
  readonly lifetime?: string;
}

/** One VPN session summary (`show crypto session`, `show vpn-sessiondb`, tunnel summaries). */
export interface SessionFact extends Origin {
  readonly kind: 'session';
  readonly platform: Platform;
  readonly peer?: string;
  readonly name?: string;
  readonly interface?: string;
  /** As printed: `UP-ACTIVE`, `UP-IDLE`, `UP-NO-IKE`, `DOWN`, `DOWN-NEGOTIATING`, `up`, `down` … */
  readonly status?: string;
  readonly ikeVersion?: IkeVersion;
  readonly bytesIn?: number;
  readonly bytesOut?: number;
  readonly localSelector?: string;
  readonly remoteSelector?: string;
}

/** A tunnel interface (`show interface tunnel`). */
export interface TunnelFact extends Origin {
  readonly kind: 'tunnel';
  readonly platform: Platform;
  readonly name: string;
  readonly lineProtocol?: 'up' | 'down';
  readonly mode?: string;
  readonly key?: string;
  readonly source?: string;
  readonly destination?: string;
  readonly protection?: string;
}

/** A route lookup answer (`show ip route`). */
export interface RouteFact extends Origin {
  readonly kind: 'route';
  readonly platform: Platform;
  readonly prefix?: string;
  readonly found: boolean;
  readonly vrf?: string;
}

/** The device the output came from, when a prompt or hostname shows it. */
export interface DeviceFact extends Origin {
  readonly kind: 'device';
  readonly platform: Platform;
  readonly hostname?: string;
}

/** Configured crypto settings read from show output (policies, proposals, maps). */
export interface CryptoConfigFact extends Origin {
  readonly kind: 'crypto-config';
  readonly platform: Platform;
  /** What the record describes: `ike-policy`, `ike-proposal`, `transform-set`, `crypto-map`, `ipsec-profile`, `ikev2-profile`, `keyring` … */
  readonly object: string;
  readonly name?: string;
  readonly settings: Readonly<Record<string, string>>;
}

/** Any fact a parser can emit. */
export type Fact =
  | SignalFact
  | IkeSaFact
  | IpsecSaFact
  | SessionFact
  | TunnelFact
  | RouteFact
  | DeviceFact
  | CryptoConfigFact;

/** The `kind` of a fact. */
export type FactKind = Fact['kind'];
