/**
 * IKEv1 messages of the ASA, shared by `debug crypto ikev1` (`[IKEv1]`, `[IKEv1 DEBUG]` lines) and
 * syslog (`%ASA-5-713904:` …): the same text follows the `Group = x, IP = y,` prefix in both.
 * Sources: Cisco "ASA IPsec and IKE debugs (IKEv1 Main Mode)" TechNote 113574; PeteNetLive
 * "Cisco ASA site-to-site VPN troubleshooting"; Cisco ASA syslog message guide (713xxx).
 */
import type { Role } from '../../../knowledge/schema.ts';
import { signal, type FactDraft, type LineRule } from '../../parse/table.ts';
import {
  base,
  exchangeOf,
  NOTIFY_NAMES,
  notifySignals,
  payloadNames,
  payloadSummary,
  WHO,
} from './ikev1_exchange.ts';

/** The IKEv1 message rules behind a tag (`[IKEv1]:` for debugs, `%ASA-5-713904:` for syslog). */
export function ikev1Rules(tag: string, sampleTag: string, prefix: string): LineRule[] {
  const T = String.raw`${tag}${WHO}`;
  const rule = (
    name: string,
    sampleMsg: string,
    re: string,
    emit?: LineRule['emit'],
    weak?: boolean,
  ): LineRule => ({
    name: `${prefix}${name}`,
    sample: `${sampleTag}${sampleMsg}`,
    re: new RegExp(T + re),
    ...(emit ? { emit } : {}),
    ...(weak ? { weak } : {}),
  });
  return [
    rule(
      'new-phase1-initiator',
      'IP = 10.0.0.2, IKE Initiator: New Phase 1, Intf inside, IKE Peer 10.0.0.2  local Proxy Address 192.168.1.0, remote Proxy Address 172.16.1.0, Crypto map (outside_map)',
      String.raw`IKE Initiator: New Phase 1`,
      (_m, { memory }) => {
        for (const k of [...memory.keys()])
          if (k.startsWith('qm:') || k === 'mode' || k === 'phase1') memory.delete(k);
        memory.set('role', 'initiator');
        return null;
      },
    ),
    rule(
      'responder',
      'IP = 10.0.0.1, IKE Responder: New Phase 1',
      String.raw`IKE Responder:`,
      (_m, { memory }) => {
        memory.set('role', 'responder');
        return null;
      },
    ),
    rule(
      'generating-keys',
      'Group = 10.0.0.2, IP = 10.0.0.2, Generating keys for Initiator...',
      String.raw`Generating keys for (Initiator|Responder)`,
      (m, { memory }) => {
        memory.set('role', m[2] === 'Initiator' ? 'initiator' : 'responder');
        return null;
      },
    ),
    rule(
      'ike-decode',
      'IP = 10.0.0.2, IKE_DECODE SENDING Message (msgid=0) with payloads : HDR + SA (1) + VENDOR (13) + NONE (0) total length : 340',
      String.raw`IKE_DECODE (SENDING|RECEIVED) Message \(msgid=([0-9a-fA-F]+)\) with payloads : (HDR(?: \+ [A-Z_]{1,20} \(\d{1,3}\))*)`,
      (m, ctx) => {
        const sent = m[2] === 'SENDING';
        const p = payloadNames(m[4] ?? '');
        const exchange = exchangeOf(p, m[3] ?? '0', sent, ctx);
        const b = base(m, ctx);
        const out: FactDraft[] = [
          signal({
            signal: sent ? 'ike.sent' : 'ike.received',
            ...b,
            exchange,
            value: `msgid=${m[3] ?? ''}`,
            messageId: m[3] ?? '',
            payloads: payloadSummary(m[4] ?? ''),
          }),
        ];
        if (exchange === 'AM1' || exchange === 'AM2')
          out.push(signal({ signal: 'ike.aggressive-mode', ...b, exchange }));
        return out;
      },
    ),
    rule(
      'oakley-acceptable',
      'IP = 10.0.0.2, Oakley proposal is acceptable',
      String.raw`Oakley proposal is acceptable`,
    ),
    rule(
      'unencrypted-notify',
      'Group = 10.0.0.2, IP = 10.0.0.2, Received an un-encrypted INVALID_COOKIE notify message, dropping',
      String.raw`Received an un-encrypted ([A-Z_]{3,40}) notify message`,
      (m, ctx) => notifySignals(m[2] ?? '', m, ctx, 'received'),
    ),
    rule(
      'non-routine-notify',
      'Group = 10.0.0.2, IP = 10.0.0.2, Received non-routine Notify message: No proposal chosen (14)',
      String.raw`Received non-routine Notify message: ([A-Za-z -]{3,40}) \((\d+)\)`,
      (m, ctx) => {
        const text = (m[2] ?? '').trim();
        const notify = NOTIFY_NAMES[text.toLowerCase()] ?? text.toUpperCase().replace(/[ -]/g, '_');
        return notifySignals(notify, m, ctx, 'received');
      },
    ),
    rule(
      'peer-indicated-error',
      'Group = 10.0.0.2, IP = 10.0.0.2, Error, peer has indicated that something is wrong with our message. This could indicate a pre-shared key mismatch.',
      String.raw`Error, peer has indicated that something is wrong with our message`,
      (m, ctx) =>
        signal({
          signal: 'psk.malformed',
          ...base(m, ctx),
          value: 'peer reports our message is wrong',
        }),
    ),
    rule(
      'decrypt-failed',
      'Group = 10.0.0.2, IP = 10.0.0.2, ERROR, had problems decrypting packet, probably due to mismatched pre-shared key. Aborting',
      String.raw`had problems decrypting packet`,
      (m, ctx) => signal({ signal: 'psk.decrypt-failed', ...base(m, ctx) }),
    ),
    rule(
      'invalid-payloads',
      'Group = 10.0.0.2, IP = 10.0.0.2, Received encrypted Oakley Main Mode packet with invalid payloads, MessID = 0',
      String.raw`Received encrypted Oakley (?:Main|Aggressive) Mode packet with invalid payloads`,
      (m, ctx) =>
        signal({
          signal: 'psk.decrypt-failed',
          ...base(m, ctx),
          value: 'encrypted main mode packet with invalid payloads',
        }),
    ),
    rule(
      'qm-fsm-error',
      'Group = 10.0.0.2, IP = 10.0.0.2, QM FSM error (P2 struct &0x00007fda92308b10, mess id 0xc02b7a5d)!',
      String.raw`QM FSM error`,
      (m, ctx) => signal({ signal: 'ipsec.qm-fsm-error', ...base(m, ctx) }),
    ),
    rule(
      'crypto-map-no-policy',
      'Group = 10.0.0.2, IP = 10.0.0.2, Session is being torn down. Reason: crypto map policy not found',
      String.raw`(?:Session is being torn down\. Reason: )?crypto map policy not found`,
      (m, ctx) => signal({ signal: 'ipsec.crypto-map-no-policy', ...base(m, ctx) }),
    ),
    rule(
      'no-matching-crypto-map-entry',
      'Group = 10.0.0.2, IP = 10.0.0.2, Rejecting IPSec tunnel: no matching crypto map entry for remote proxy 172.16.1.0/255.255.255.0/0/0 local proxy 192.168.1.0/255.255.255.0/0/0 on interface outside',
      String.raw`Rejecting IPSec tunnel: no matching crypto map entry for remote proxy (\S+) local proxy (\S+)`,
      (m, ctx) =>
        signal({
          signal: 'ipsec.crypto-map-no-policy',
          ...base(m, ctx),
          value: `remote ${m[2] ?? ''} local ${m[3] ?? ''}`,
        }),
    ),
    rule(
      'torn-down',
      'Group = 10.0.0.2, IP = 10.0.0.2, Session is being torn down. Reason: Lost Service',
      String.raw`Session is being torn down\. Reason: (?!crypto map policy not found)([\w -]{1,60})`,
    ),
    rule(
      'correlator-failed',
      'Group = 10.0.0.2, IP = 10.0.0.2, Removing peer from correlator table failed, no match!',
      String.raw`Removing peer from (?:correlator|peer) table failed`,
    ),
    rule(
      'phase1-completed',
      'Group = 10.0.0.2, IP = 10.0.0.2, PHASE 1 COMPLETED',
      String.raw`PHASE 1 COMPLETED`,
      (m, ctx) => {
        ctx.memory.set('phase1', 'done');
        return signal({ signal: 'phase1.complete', ...base(m, ctx) });
      },
    ),
    rule(
      'phase2-completed',
      'Group = 10.0.0.2, IP = 10.0.0.2, PHASE 2 COMPLETED (msgid=26f952ae)',
      String.raw`PHASE 2 COMPLETED(?: \(msgid=([0-9a-fA-F]+)\))?`,
      (m, ctx) =>
        signal({
          signal: 'phase2.complete',
          ...base(m, ctx),
          ...(m[2] ? { value: `msgid=${m[2]}` } : {}),
        }),
    ),
    rule(
      'duplicate-phase2',
      'Group = 10.0.0.2, IP = 10.0.0.2, Duplicate Phase 2 packet detected.  Retransmitting last packet.',
      String.raw`Duplicate Phase 2 packet detected`,
      (m, ctx) =>
        signal({
          signal: 'ike.received',
          ...base(m, ctx),
          exchange: 'QM1',
          value: 'duplicate phase 2 packet',
        }),
    ),
    rule(
      'duplicate-first',
      'IP = 10.0.0.2, Duplicate first packet detected.  Ignoring packet.',
      String.raw`Duplicate first packet detected`,
      (m, ctx) =>
        signal({
          signal: 'ike.received',
          ...base(m, ctx),
          exchange: 'MM1',
          value: 'duplicate first packet',
        }),
    ),
    rule(
      'no-matching-sa',
      'IP = 10.0.0.2, Received encrypted packet with no matching SA, dropping',
      String.raw`Received encrypted packet with no matching SA`,
    ),
    rule(
      'ipsec-proposals-unacceptable',
      'Group = 10.0.0.2, IP = 10.0.0.2, All IPSec SA proposals found unacceptable!',
      String.raw`All IPSec SA proposals found unacceptable`,
      (m, ctx) => signal({ signal: 'ipsec.proposal-no-match', ...base(m, ctx) }),
    ),
    rule(
      'attribute-unsupported',
      "Group = 10.0.0.2, IP = 10.0.0.2, Phase 2 failure:  Mismatched attribute types for class Group Description:  Rcv'd: Group 5  Cfg'd: Group 2",
      String.raw`(?:Attribute not supported|Unsupported attribute|Phase 2 failure:\s+Mismatched attribute types for class Group Description)`,
      (m, ctx) => signal({ signal: 'ipsec.pfs-unsupported', ...base(m, ctx) }),
    ),
    rule(
      'phase1-mismatch',
      "IP = 10.0.0.2, Phase 1 failure:  Mismatched attribute types for class Encryption Alg:  Rcv'd: AES-CBC  Cfg'd: Triple-DES",
      String.raw`Phase 1 failure:\s+Mismatched attribute types for class ([\w ]{1,40}):`,
      (m, ctx) =>
        signal({ signal: 'ike.policy-no-match', ...base(m, ctx), value: (m[2] ?? '').trim() }),
    ),
    rule(
      'phase2-mismatch',
      "Group = 10.0.0.2, IP = 10.0.0.2, Phase 2 failure:  Mismatched attribute types for class Encapsulation Mode:  Rcv'd: Tunnel  Cfg'd: Transport",
      String.raw`Phase 2 failure:\s+Mismatched attribute types for class (?!Group Description)([\w ]{1,40}):`,
      (m, ctx) =>
        signal({ signal: 'ipsec.proposal-no-match', ...base(m, ctx), value: (m[2] ?? '').trim() }),
    ),
    rule(
      'error-processing-sa-payload',
      'IP = 10.0.0.2, Error processing payload: Payload ID: 1',
      String.raw`Error processing payload: Payload ID: (\d+)`,
      (m, ctx) =>
        m[2] === '1'
          ? signal({ signal: 'ike.policy-no-match', ...base(m, ctx), value: 'SA payload' })
          : null,
    ),
    rule(
      'dpd',
      'Group = 10.0.0.2, IP = 10.0.0.2, Received DPD R-U-THERE-ACK from peer 10.0.0.2',
      String.raw`Received DPD (?:R-U-THERE|ACK|R-U-THERE-ACK|)`,
      (m, ctx) =>
        signal({
          signal: 'ike.received',
          ...base(m, ctx),
          exchange: 'INFORMATIONAL',
          value: 'DPD',
        }),
    ),
    rule(
      'info-exchange-failed',
      'IP = 10.0.0.2, Information Exchange processing failed',
      String.raw`Information Exchange processing failed`,
    ),
    rule(
      'san-compare-failed',
      'Group = 10.0.0.2, IP = 10.0.0.2, Unable to compare IKE ID against peer cert Subject Alt Name',
      String.raw`Unable to compare IKE ID against peer cert`,
      (m, ctx) => signal({ signal: 'cert.identity-mismatch', ...base(m, ctx) }),
    ),
    rule(
      'fsm-error-history',
      'Group = 10.0.0.2, IP = 10.0.0.2, IKE MM Initiator FSM error history (struct &0x00007ffd9e230670)  <state>, <event>:  MM_DONE, EV_ERROR-->MM_WAIT_MSG2, EV_TIMEOUT-->MM_WAIT_MSG2, NullEvent',
      String.raw`IKE (MM|AM|QM) (Initiator|Responder) FSM error history \(struct &0x[0-9a-fA-F]+\)\s*<state>, <event>:\s*(\w+), (\w+)(?:-->(\w+), (\w+))?`,
      (m, ctx) => {
        const role: Role = m[3] === 'Initiator' ? 'initiator' : 'responder';
        const state = m[6] ?? m[4] ?? '';
        const b = { ...base(m, ctx), role };
        const out: FactDraft[] = [signal({ signal: 'ike.state', ...b, state })];
        if (/^(?:EV_TIMEOUT|EV_RETRY)$/.test(m[7] ?? '') && /WAIT_MSG2$/.test(state))
          out.push(signal({ signal: 'ike.gave-up', ...b, exchange: 'MM1' }));
        return out;
      },
    ),
    rule(
      'starting-qm',
      'Group = 10.0.0.2, IP = 10.0.0.2, IKE Initiator starting QM: msg id = 26f952ae',
      String.raw`IKE (?:Initiator|Responder) starting QM`,
    ),
    rule(
      'landed',
      'IP = 10.0.0.2, Connection landed on tunnel_group 10.0.0.2',
      String.raw`Connection landed on tunnel_group (\S+)`,
    ),
    // Every other IKEv1 message with the Group/IP prefix is understood as context.
    rule(
      'generic',
      'Group = 10.0.0.2, IP = 10.0.0.2, processing hash payload',
      String.raw`\S`,
      undefined,
      true,
    ),
  ];
}
