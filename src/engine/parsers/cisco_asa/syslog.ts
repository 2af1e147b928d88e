/**
 * Cisco ASA / FTD syslog messages about VPN: `%ASA-5-713904: …` (IKEv1), 717xxx (PKI), 750xxx /
 * 751xxx (IKEv2), 752xxx (tunnel manager), 4020xx (IPsec data plane), 602xxx (SA created/deleted).
 * Source: Cisco Secure Firewall ASA Series Syslog Messages; PeteNetLive ASA troubleshooting (seed 001).
 */
import { signal, tableParser, type FactDraft, type LineRule } from '../../parse/table.ts';
import { ADDR, PLATFORM } from './common.ts';
import { ikev1Rules } from './ikev1_messages.ts';

// "%ASA-3-717009: " (FTD prints "%FTD-3-717009: "); group 1 = severity, 2 = message ID.
const ID = (ids: string) => String.raw`%(?:ASA|FTD)-(\d)-(${ids}):\s*`;
const IP_PROTOCOLS: Record<string, number> = {
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  gre: 47,
  esp: 50,
  ah: 51,
  icmp6: 58,
  ospf: 89,
};

// IKEv2 messages: "Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 …" (3 = local, 4 = peer).
const V2 = String.raw`Local:(${ADDR}):\d+ Remote:(${ADDR}):\d+ Username:\s?\S{0,128}\s+(?:IKEv2\s+)?`;

// Reason text of an IKEv2 failure, and what it proves.
interface V2Base {
  readonly platform: typeof PLATFORM;
  readonly ikeVersion: 'ikev2';
  readonly local: string;
  readonly peer: string;
}
function ikev2Failure(reason: string, base: V2Base): FactDraft[] {
  const out: FactDraft[] = [];
  if (/NO_PROPOSAL_CHOSEN|no proposal chosen/i.test(reason))
    out.push(
      signal({
        ...base,
        signal: 'ike.notify',
        notify: 'NO_PROPOSAL_CHOSEN',
        direction: 'received',
      }),
    );
  if (/matching policy|NO_PROPOSAL_CHOSEN|no proposal chosen/i.test(reason))
    out.push(
      signal({
        ...base,
        signal: /child|IPsec/i.test(reason) ? 'ipsec.proposal-no-match' : 'ike.policy-no-match',
        value: reason,
      }),
    );
  else if (/TS[_ ]unacceptable/i.test(reason))
    out.push(signal({ ...base, signal: 'ipsec.ts-unacceptable', value: reason }));
  else if (/auth(?:entication)?[\w ]{0,20}fail|AUTHENTICATION_FAILED/i.test(reason))
    out.push(signal({ ...base, signal: 'auth.failed', value: reason }));
  else if (/retransmi|timed? ?out/i.test(reason))
    out.push(signal({ ...base, signal: 'ike.gave-up', value: reason }));
  return out;
}

const rules: readonly LineRule[] = [
  // ---- IKEv1 (713xxx, 715xxx): the same messages as `debug crypto ikev1` ----
  ...ikev1Rules(String.raw`%(?:ASA|FTD)-\d-71[35]\d{3}:\s*`, '%ASA-5-713904: ', 'ikev1-'),
  // ---- PKI (717xxx) ----
  {
    name: 'cert-validation-failed',
    sample:
      '%ASA-3-717009: Certificate validation failed. Peer certificate key usage is invalid, serial number: 6B00002B3F8571E2605FA02883000100002C3E, subject name: hostname=Petes-Router-Petes-HQ.petenetlive.com.',
    re: new RegExp(ID('717009') + String.raw`Certificate validation failed\.\s*([^,]{0,200})`),
    emit: (m) => {
      const reason = (m[3] ?? '').trim();
      const s = /key usage/i.test(reason)
        ? 'cert.key-usage'
        : /expired|not yet valid|validity/i.test(reason)
          ? 'cert.expired'
          : /revoked|revocation|CRL|OCSP/i.test(reason)
            ? 'cert.revocation-failed'
            : 'cert.chain-invalid';
      return signal({ signal: s, platform: PLATFORM, value: reason });
    },
  },
  {
    name: 'cert-chain-failed',
    sample:
      '%ASA-3-717027: Certificate chain failed validation. Certificate chain is either invalid or not authorized.',
    re: new RegExp(ID('717027') + String.raw`Certificate chain failed validation`),
    emit: () => signal({ signal: 'cert.chain-invalid', platform: PLATFORM }),
  },
  {
    name: 'cert-no-trustpoint',
    sample: '%ASA-3-717039: Local CA Server internal error detected: No trustpoint found',
    re: new RegExp(
      ID(String.raw`717\d{3}`) +
        String.raw`[^\n]{0,200}?(?:No trustpoint|trustpoint not found|Failed to find a trustpoint)`,
    ),
    emit: () => signal({ signal: 'cert.no-trustpoint', platform: PLATFORM }),
  },
  // ---- IKEv2 (750xxx, 751xxx) ----
  {
    name: 'ikev2-init-received',
    sample:
      '%ASA-5-750002: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:Unknown IKEv2 Received a IKE_INIT_SA request',
    re: new RegExp(ID('750002') + V2 + String.raw`Received an? IKE_INIT_SA request`),
    emit: (m) =>
      signal({
        signal: 'ike.received',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        role: 'responder',
        local: m[3] ?? '',
        peer: m[4] ?? '',
        exchange: 'IKE_SA_INIT',
        value: 'REQUEST',
      }),
  },
  {
    name: 'ikev2-negotiation-aborted',
    sample:
      '%ASA-4-750003: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 Negotiation aborted due to ERROR: Failed to find a matching policy',
    re: new RegExp(
      ID('750003') + V2 + String.raw`Negotiation aborted due to ERROR:\s*([^\n]{1,200})`,
    ),
    emit: (m) =>
      ikev2Failure((m[5] ?? '').trim(), {
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        local: m[3] ?? '',
        peer: m[4] ?? '',
      }),
  },
  {
    name: 'ikev2-sa-up',
    sample:
      '%ASA-5-750006: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 SA UP. Reason: New Connection Established',
    re: new RegExp(ID('750006') + V2 + String.raw`SA UP`),
    emit: (m) =>
      signal({
        signal: 'phase1.complete',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        local: m[3] ?? '',
        peer: m[4] ?? '',
      }),
  },
  {
    name: 'ikev2-sa-down',
    sample:
      '%ASA-5-750007: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 SA DOWN. Reason: peer timeout',
    re: new RegExp(ID('750007') + V2 + String.raw`SA DOWN\.?\s*(?:Reason:\s*([^\n]{1,200}))?`),
    emit: (m) => [
      signal({
        signal: 'ike.state',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        local: m[3] ?? '',
        peer: m[4] ?? '',
        state: 'DOWN',
        ...(m[5] ? { value: m[5].trim() } : {}),
      }),
      ...ikev2Failure((m[5] ?? '').trim(), {
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        local: m[3] ?? '',
        peer: m[4] ?? '',
      }).filter((f) => f.kind === 'signal' && f.signal !== 'ike.gave-up'),
    ],
  },
  {
    name: 'ikev2-child-failed',
    sample:
      '%ASA-4-750014: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 Received INVALID_SELECTORS Notification from peer. Peer received a packet with invalid selectors',
    re: new RegExp(
      ID(String.raw`75\d{4}`) + V2 + String.raw`Received ([A-Z_]{4,40}) Notif(?:y|ication)`,
    ),
    emit: (m) => {
      const notify = m[5] ?? '';
      const base = {
        platform: PLATFORM,
        ikeVersion: 'ikev2' as const,
        local: m[3] ?? '',
        peer: m[4] ?? '',
      };
      return [
        signal({ ...base, signal: 'ike.notify', notify, direction: 'received' }),
        ...ikev2Failure(notify, base).filter(
          (f) => f.kind === 'signal' && f.signal !== 'ike.notify',
        ),
      ];
    },
  },
  {
    name: 'ikev2-auth-failed',
    sample:
      '%ASA-3-751006: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 Certificate authentication failed. Error: Peer certificate validation failed',
    re: new RegExp(ID('751006') + V2 + String.raw`Certificate authentication failed`),
    emit: (m) =>
      signal({
        signal: 'auth.failed',
        platform: PLATFORM,
        ikeVersion: 'ikev2',
        local: m[3] ?? '',
        peer: m[4] ?? '',
      }),
  },
  {
    name: 'ikev2-generic',
    sample:
      '%ASA-5-750001: Local:10.0.0.1:500 Remote:10.0.0.2:500 Username:10.0.0.2 IKEv2 Received request to establish an IPsec tunnel; local traffic selector = Address Range: 192.168.1.0-192.168.1.255 Protocol: 0 Port Range: 0-65535 ; remote traffic selector = Address Range: 172.16.1.0-172.16.1.255 Protocol: 0 Port Range: 0-65535',
    re: new RegExp(ID(String.raw`75[01]\d{3}`)),
    weak: true,
  },
  // ---- Tunnel manager (752xxx) ----
  {
    name: 'tunnel-manager-failed',
    sample:
      '%ASA-3-752015: Tunnel Manager has failed to establish an L2L SA.  All configured IKE versions failed to establish the tunnel. Map Tag= outside_map.  Map Sequence Number = 10.',
    re: new RegExp(ID('752015') + String.raw`Tunnel Manager has failed to establish an L2L SA`),
    emit: () =>
      signal({
        signal: 'ike.gave-up',
        platform: PLATFORM,
        value: 'all configured IKE versions failed',
      }),
  },
  {
    name: 'tunnel-manager',
    sample:
      '%ASA-5-752003: Tunnel Manager dispatching a KEY_ACQUIRE message to IKEv1.  Map Tag = outside_map.  Map Sequence Number = 10.',
    re: new RegExp(ID(String.raw`752\d{3}`)),
    weak: true,
  },
  // ---- IPsec data plane (4020xx) ----
  {
    name: 'packet-not-match-sa',
    sample:
      "%ASA-4-402116: IPSEC: Received an ESP packet (SPI= 0x9B4E3BF6, sequence number= 0x1) from 10.0.0.2 (user= 10.0.0.2) to 10.0.0.1.  The decapsulated inner packet doesn't match the negotiated policy in the SA.  The packet specifies its destination as 192.168.1.10, its source as 172.16.9.5, and its protocol as 1.  The SA specifies its local proxy as 192.168.1.0/255.255.255.0/0/0 and its remote_proxy as 172.16.1.0/255.255.255.0/0/0.",
    re: new RegExp(
      ID('402116') +
        String.raw`IPSEC: Received an? (\w+) packet \(SPI= ?(0x[0-9A-Fa-f]+)[^)]{0,60}\) from (${ADDR})`,
    ),
    emit: (m) =>
      signal({
        signal: 'ipsec.ts-unacceptable',
        platform: PLATFORM,
        peer: m[5] ?? '',
        value: `402116 inner packet does not match the SA selectors (SPI ${m[4] ?? ''})`,
      }),
  },
  {
    name: 'packet-not-ipsec',
    sample: '%ASA-4-402117: IPSEC: Received a non-IPsec (ICMP) packet from 10.0.0.2 to 10.0.0.1.',
    re: new RegExp(
      ID('402117') +
        String.raw`IPSEC: Received a non-IPsec \((\w+)\) packet from (${ADDR}) to (${ADDR})`,
    ),
    emit: (m) => {
      const name = (m[3] ?? '').toLowerCase();
      const protocol = /^\d+$/.test(name) ? Number(name) : IP_PROTOCOLS[name];
      return signal({
        signal: 'ipsec.packet-not-ipsec',
        platform: PLATFORM,
        peer: m[4] ?? '',
        local: (m[5] ?? '').replace(/\.$/, ''),
        ...(protocol !== undefined ? { protocol } : {}),
      });
    },
  },
  {
    name: 'anti-replay',
    sample:
      '%ASA-4-402119: IPSEC: Received an ESP packet (SPI= 0x2A1B3C4D, sequence number= 0x1F) from 10.0.0.2 (user= 10.0.0.2) to 10.0.0.1 that failed anti-replay checking.',
    re: new RegExp(
      ID('402119') +
        String.raw`IPSEC: Received an? \w+ packet \(SPI= ?(0x[0-9A-Fa-f]+)[^)]{0,60}\) from (${ADDR})`,
    ),
    emit: (m) =>
      signal({
        signal: 'ipsec.replay',
        platform: PLATFORM,
        peer: m[4] ?? '',
        value: `SPI ${m[3] ?? ''}`,
      }),
  },
  {
    name: 'auth-failed-packet',
    sample:
      '%ASA-4-402120: IPSEC: Received an ESP packet (SPI= 0x2A1B3C4D, sequence number= 0x20) from 10.0.0.2 (user= 10.0.0.2) to 10.0.0.1 that failed authentication.',
    re: new RegExp(
      ID('402120') +
        String.raw`IPSEC: Received an? \w+ packet \(SPI= ?(0x[0-9A-Fa-f]+)[^)]{0,60}\) from (${ADDR})`,
    ),
    emit: (m) =>
      signal({
        signal: 'ipsec.mac-failed',
        platform: PLATFORM,
        peer: m[4] ?? '',
        value: `SPI ${m[3] ?? ''}`,
      }),
  },
  {
    name: 'sa-created',
    sample:
      '%ASA-6-602303: IPSEC: An outbound LAN-to-LAN SA (SPI= 0x8D5C4F1A) between 10.0.0.1 and 10.0.0.2 (user= 10.0.0.2) has been created.',
    re: new RegExp(
      ID('602303') +
        String.raw`IPSEC: An? (inbound|outbound) [\w-]{1,20} SA \(SPI= ?(0x[0-9A-Fa-f]+)\) between (${ADDR}) and (${ADDR})`,
    ),
    emit: (m) =>
      signal({
        signal: 'phase2.complete',
        platform: PLATFORM,
        local: m[5] ?? '',
        peer: m[6] ?? '',
        value: `${m[3] ?? ''} SPI ${m[4] ?? ''}`,
      }),
  },
  {
    name: 'ipsec-data-plane',
    sample:
      '%ASA-4-402114: IPSEC: Received an ESP packet (SPI= 0x1234ABCD, sequence number= 0x1) from 10.0.0.2 to 10.0.0.1 with an invalid SPI.',
    re: new RegExp(ID(String.raw`402\d{3}|602\d{3}|702\d{3}`)),
    weak: true,
  },
];

/** ASA / FTD VPN syslog. */
export const syslog = tableParser({
  id: 'cisco-asa-syslog',
  platform: 'cisco-asa',
  command: 'show logging',
  marker: /%(?:ASA|FTD)-\d-(?:402|602|702|71[357]|75[012])\d{3}:/,
  rules,
});
