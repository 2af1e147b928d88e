/**
 * Cisco IOS / IOS-XE `debug crypto ikev2` (with and without `packet`).
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press), chapter 14.
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';

// Every message carries a session/SA tag: "IKEv2:(SESSION ID = 1,SA ID = 1):", "IKEv2-PAK:(SA ID = 1):" …
const TAG = String.raw`IKEv2(?:-[A-Z]+)?:(?:\((?:SESSION ID = \d+,)?\s?SA ID = \d+\):)?\s*`;
const ADDR = String.raw`([0-9A-Fa-f.:x]+|[\w.-]+)`;

const rules: readonly LineRule[] = [
  {
    name: 'sending-packet',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Sending Packet [To 10.10.10.1:500/From 10.10.20.3:500/VRF i0:f0]',
    re: new RegExp(String.raw`${TAG}Sending Packet \[To ${ADDR}:(\d+)/From ${ADDR}:(\d+)`),
    emit: (m, { memory }) => {
      memory.set('direction', 'sent');
      memory.set('peer', m[1] ?? '');
      return null;
    },
  },
  {
    name: 'received-packet',
    sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Received Packet [From 10.10.10.1:500/To 10.10.20.3:500/VRF i0:f0]',
    re: new RegExp(String.raw`${TAG}Received Packet \[From ${ADDR}:(\d+)/To ${ADDR}:(\d+)`),
    emit: (m, { memory }) => {
      memory.set('direction', 'received');
      memory.set('peer', m[1] ?? '');
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
      if (sent && kind === 'REQUEST') {
        memory.set('lastRequest', exchange);
        memory.set('lastRequestLine', String(line.no));
      }
      // Whoever sends the IKE_SA_INIT request is the initiator of the IKE SA.
      const role =
        exchange === 'IKE_SA_INIT'
          ? (sent === (kind === 'REQUEST') ? 'initiator' : 'responder')
          : undefined;
      const peer = memory.get('peer');
      return signal({
        signal: sent ? 'ike.sent' : 'ike.received',
        platform: 'cisco-ios',
        ikeVersion: 'ikev2',
        exchange,
        value: kind,
        ...(role ? { role } : {}),
        ...(peer ? { peer } : {}),
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
      return signal({ signal: 'ike.gave-up', platform: 'cisco-ios', ikeVersion: 'ikev2', ...(exchange ? { exchange } : {}) });
    },
  },
  // Structure lines of the packet dump: understood, no fact of their own.
  { name: 'spi-line', sample: 'Initiator SPI : 502A6C10FFD6F8BC - Responder SPI : 0000000000000000 Message id: 0', re: /Initiator SPI : [0-9A-F]+ - Responder SPI : [0-9A-F]+ Message id: \d+/ },
  { name: 'payload-contents', sample: 'Payload contents:', re: /^\s*Payload contents:/ },
  { name: 'payload-list', sample: ' SA KE N VID VID NOTIFY(NAT_DETECTION_SOURCE_IP)', re: /^\s*(?:(?:SA|KE|N|VID|IDi|IDr|CERT|CERTREQ|AUTH|CFG|TSi|TSr|ENCR|DELETE|EAP|NOTIFY\([A-Z_0-9]+\))\s*)+$/ },
  { name: 'proposal', sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):IKE Proposal: 1, SPI size: 0 (initial negotiation),', re: new RegExp(String.raw`${TAG}IKE Proposal: \d+`) },
  { name: 'transforms', sample: 'Num. transforms: 15', re: /^\s*Num\. transforms: \d+/ },
  { name: 'transform-list', sample: '   AES-CBC   AES-CBC   AES-CBC   SHA512', re: /^\s*(?:(?:AES-CBC|AES-GCM|3DES|DES|SHA\d*|MD5\d*|SHA96|DH_GROUP_\d+_[A-Z]+(?:\/Group \d+)?|Group \d+|negotiation\),?)\s*)+$/ },
  { name: 'generic', sample: 'IKEv2:(SESSION ID = 1,SA ID = 1):Insert SA', re: new RegExp(String.raw`^${TAG}\S`), weak: true },
];

/** `debug crypto ikev2` on IOS / IOS-XE. */
export const debugCryptoIkev2 = tableParser({
  id: 'cisco-ios-debug-crypto-ikev2',
  platform: 'cisco-ios',
  command: 'debug crypto ikev2',
  marker: /IKEv2(?:-[A-Z]+)?:\((?:SESSION ID|SA ID)|IKEv2 (?:IKE_SA_INIT|IKE_AUTH) Exchange/,
  rules,
});
