/**
 * The packet lines of IOS `debug crypto ikev2`: packets sent and received with their exchange,
 * SPIs and message ID, retransmissions, and the payload dump that follows them.
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press), chapter 14.
 */
import { signal, type FactDraft, type LineRule } from '../../parse/table.ts';
import { isErrorNotify, notifiesIn, notifyName } from './debug_common.ts';
import { IKEV2, TAG } from './debug_crypto_ikev2_tag.ts';

const ADDR = String.raw`([0-9A-Fa-f.:x]+|[\w.-]+)`;

/** Error notifies in a payload list, with what each proves about the exchange. */
function payloadNotifies(text: string, memory: Map<string, string>): FactDraft[] {
  const direction = memory.get('direction') === 'received' ? 'received' : 'sent';
  // A list with identities or AUTH belongs to IKE_AUTH; otherwise the exchange line before it says.
  const exchange = /\b(?:IDi|IDr|AUTH)\b/.test(text)
    ? 'IKE_AUTH'
    : (memory.get('packetExchange') ?? undefined);
  const peer = memory.get('peer');
  const out: FactDraft[] = [];
  for (const raw of notifiesIn(text)) {
    if (!isErrorNotify(raw)) continue;
    const notify = notifyName(raw);
    const base = {
      ...IKEV2,
      notify,
      direction,
      ...(exchange ? { exchange } : {}),
      ...(peer && direction === 'received' ? { peer } : {}),
    } as const;
    out.push(signal({ signal: 'ike.notify', ...base }));
    if (notify === 'NO_PROPOSAL_CHOSEN')
      out.push(
        signal({
          signal:
            exchange === undefined || exchange === 'IKE_SA_INIT'
              ? 'ike.policy-no-match'
              : 'ipsec.proposal-no-match',
          ...base,
        }),
      );
    else if (notify === 'AUTHENTICATION_FAILED')
      out.push(signal({ signal: 'auth.failed', ...base }));
    else if (notify === 'TS_UNACCEPTABLE')
      out.push(signal({ signal: 'ipsec.ts-unacceptable', ...base }));
  }
  return out;
}

/** Packets sent and received, retransmissions. */
export const packetRules: readonly LineRule[] = [
  {
    name: 'sending-packet',
    sample:
      'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.10.10.1:500/From 10.10.20.3:500/VRF i0:f0]',
    re: new RegExp(String.raw`${TAG}Sending Packet \[To ${ADDR}:(\d+)/From ${ADDR}:(\d+)`),
    emit: (m, { memory }) => {
      memory.set('direction', 'sent');
      memory.set('peer', m[1] ?? '');
      memory.set('local', m[3] ?? '');
      return null;
    },
  },
  {
    name: 'received-packet',
    sample:
      'IKEv2:(SESSION ID = 1,SA ID = 1):Received Packet [From 10.10.10.1:500/To 10.10.20.3:500/VRF i0:f0]',
    re: new RegExp(String.raw`${TAG}Received Packet \[From ${ADDR}:(\d+)/To ${ADDR}:(\d+)`),
    emit: (m, { memory }) => {
      memory.set('direction', 'received');
      memory.set('peer', m[1] ?? '');
      memory.set('local', m[3] ?? '');
      return null;
    },
  },
  {
    name: 'exchange',
    sample: 'IKEv2 IKE_SA_INIT Exchange REQUEST',
    re: /IKEv2 (IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL) Exchange (REQUEST|RESPONSE)/,
    emit: (m, { memory, line }) => {
      const exchange = m[1] ?? '';
      const kind = m[2] ?? '';
      const sent = memory.get('direction') !== 'received';
      memory.set('packetExchange', exchange);
      memory.set('exchange', exchange);
      if (sent && kind === 'REQUEST') {
        memory.set('lastRequest', exchange);
        memory.set('lastRequestLine', String(line.no));
      }
      // Whoever sends the IKE_SA_INIT request is the initiator of the IKE SA.
      const role =
        exchange === 'IKE_SA_INIT'
          ? sent === (kind === 'REQUEST')
            ? 'initiator'
            : 'responder'
          : undefined;
      const peer = memory.get('peer');
      const local = memory.get('local');
      // The SPI line comes just before the exchange line (a blank line may sit between).
      const spiLine = Number(memory.get('spiLine'));
      const ids =
        spiLine > 0 && line.no - spiLine <= 3
          ? { spi: memory.get('spi') ?? '', messageId: memory.get('messageId') ?? '' }
          : {};
      memory.delete('spiLine');
      return signal({
        signal: sent ? 'ike.sent' : 'ike.received',
        platform: 'cisco-ios',
        ikeVersion: 'ikev2',
        exchange,
        value: kind,
        ...(role ? { role } : {}),
        ...(peer ? { peer } : {}),
        ...(local ? { local } : {}),
        ...ids,
      });
    },
  },
  {
    name: 'retransmit',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Retransmitting packet',
    re: new RegExp(String.raw`${TAG}Retransmitting packet`),
    emit: (_m, { memory }) => {
      const exchange = memory.get('lastRequest');
      const peer = memory.get('peer');
      const requestLine = Number(memory.get('lastRequestLine'));
      return signal({
        ...(requestLine > 0 ? { alsoLines: [requestLine] } : {}),
        signal: 'ike.retransmit',
        platform: 'cisco-ios',
        ikeVersion: 'ikev2',
        ...(exchange ? { exchange } : {}),
        ...(peer ? { peer } : {}),
      });
    },
  },
  {
    name: 'max-retransmit',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Maximum number of retransmissions reached',
    re: new RegExp(String.raw`${TAG}Maximum number of retransmissions reached`),
    emit: (_m, { memory }) => {
      const exchange = memory.get('lastRequest');
      return signal({
        signal: 'ike.gave-up',
        platform: 'cisco-ios',
        ikeVersion: 'ikev2',
        ...(exchange ? { exchange } : {}),
      });
    },
  },
];

/** The packet dump: SPIs, payload lists, headers, hex. */
export const dumpRules: readonly LineRule[] = [
  // Structure lines of the packet dump: understood, no fact of their own.
  {
    // Printed between "Sending/Received Packet" and the exchange line: remembered for the packet.
    name: 'spi-line',
    sample: 'Initiator SPI : 502A6C10FFD6F8BC - Responder SPI : 0000000000000000 Message id: 0',
    re: /Initiator SPI : ([0-9A-F]+) - Responder SPI : ([0-9A-F]+) Message id: (\d+)/,
    emit: (m, { memory, line }) => {
      memory.set('spi', `${m[1] ?? ''}/${m[2] ?? ''}`);
      memory.set('messageId', m[3] ?? '');
      memory.set('spiLine', String(line.no));
      return null;
    },
  },
  { name: 'payload-contents', sample: 'Payload contents:', re: /^\s*Payload contents:\s*$/ },
  {
    name: 'payload-list',
    sample: ' SA KE N VID VID NOTIFY(NAT_DETECTION_SOURCE_IP)',
    re: /^\s*(?:(?:SA|KE|N|VID|IDi|IDr|CERT|CERTREQ|AUTH|CFG|TSi|TSr|ENCR|DELETE|EAP|NOTIFY\([A-Z_0-9]+\))\s*)+$/,
    emit: (m, ctx) => payloadNotifies(m.input, ctx.memory),
  },
  {
    // Payload list on the same line as its header (collapsed paste): "Payload contents: VID IDr AUTH NOTIFY(...)".
    name: 'payload-contents-inline',
    sample:
      'IKEv2 IKE_AUTH Exchange RESPONSE Payload contents: VID IDr CERT AUTH NOTIFY(NO_PROPOSAL_CHOSEN)',
    re: /Payload contents: {1,4}(?:SA|KE|N|VID|IDi|IDr|CERT|AUTH|CFG|ENCR|DELETE|EAP|NOTIFY)\b/,
    emit: (m, ctx) => payloadNotifies(m.input.slice(m.index), ctx.memory),
  },
  {
    // debug crypto ikev2 packet: one payload header per line.
    name: 'payload-header',
    sample: ' NOTIFY(NAT_DETECTION_SOURCE_IP)  Next payload: NOTIFY, reserved: 0x0, length: 28',
    re: /^\s*(?:SA|KE|N|VID|IDi|IDr|CERT|CERTREQ|AUTH|CFG|TSi|TSr|ENCR|SK|DELETE|EAP|NOTIFY\([A-Z_0-9]+\)) {1,4}Next payload: \w+, reserved: 0x[0-9a-fA-F]+, length: \d+/,
    emit: (m, ctx) => payloadNotifies(m.input, ctx.memory),
  },
  {
    name: 'packet-header',
    sample:
      'IKEv2-PAK:(SESSION ID = 1,SA ID = 1):Next payload: SA, version: 2.0 Exchange type: IKE_SA_INIT, flags: INITIATOR Message id: 0, length: 464',
    re: /Next payload: \w+, version: 2\.0 Exchange type:\s?(IKE_SA_INIT|IKE_AUTH|CREATE_CHILD_SA|INFORMATIONAL), flags: ([A-Z |]{0,40}) ?Message id: \d+, length: \d+/,
    emit: (m, { memory }) => {
      memory.set('packetExchange', m[1] ?? '');
      return null;
    },
  },
  {
    name: 'packet-detail',
    sample: '  Proposal: 1, Protocol id: IKE, SPI size: 0, #trans: 4    last transform: 0x3,',
    re: /^\s*(?:last proposal: 0x[0-9a-f]+, reserved: 0x[0-9a-f]+, length: \d+|Proposal: \d+, Protocol id: \w+, SPI size: \d+, #trans: \d+|(?:last transform: 0x[0-9a-f]+, )?reserved: 0x[0-9a-f]+: length: \d+|last transform: 0x[0-9a-f]+, reserved: 0x[0-9a-f]+: length: \d+|type: \d+, reserved: 0x[0-9a-f]+, id: \S|DH group: \d+, Reserved: 0x[0-9a-f]+|Security protocol id: \w+, spi size: \d+, type: \w+|Num of TSs: \d+|TS type: TS_IPV[46]_ADDR_RANGE|start port: \d+, end port: \d+|start addr: \S+, end addr: \S+|Code: \w+: id: \d+, length: \d+|Type: \w+)/,
  },
  {
    name: 'hex-dump',
    sample: '     45 B7 59 62 46 9A 5A 61 7A 93 FC 63 DC 5E 87 AC',
    re: /^\s*(?:[0-9A-F]{2} ){1,15}[0-9A-F]{2}\s*$/,
  },
  {
    name: 'wire-packet',
    sample: 'IKEv2 Tx packet(on wire):',
    re: /^\s*IKEv2 [TR]x packet\(on wire\):|^\s*REAL Decrypted packet:/,
  },
];
