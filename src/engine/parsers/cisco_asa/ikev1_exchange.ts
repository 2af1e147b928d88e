/**
 * What an ASA IKEv1 message line says about the exchange: which message (MM1…MM6, AM1…AM3,
 * QM1…QM3, INFORMATIONAL) a packet is from its payloads, message ID and direction, and what a
 * notify proves. Shared by `debug crypto ikev1` and syslog through `ikev1_messages.ts`.
 * Sources: Cisco "ASA IPsec and IKE debugs (IKEv1 Main Mode)" TechNote 113574; PeteNetLive
 * "Cisco ASA site-to-site VPN troubleshooting" (six main mode and three quick mode messages).
 */
import type { IkeVersion, Role } from '../../../knowledge/schema.ts';
import { signal, type FactDraft, type TableContext } from '../../parse/table.ts';
import { ADDR, PLATFORM } from './common.ts';

export const V1: IkeVersion = 'ikev1';
// "Group = 10.0.0.2, " / "Username = bob, " then "IP = 10.0.0.2, " (group 1 = peer).
// Some messages (713257 "Phase 2 failure: …" in syslog) come without the prefix: it is optional.
export const WHO = String.raw`(?:(?:Group = [^,]{1,128}, )?(?:Username = [^,]{1,128}, )?IP = (${ADDR}),\s*(?:ERROR,\s*)?)?`;

export const base = (m: RegExpExecArray, ctx: TableContext) => {
  const role = ctx.memory.get('role') as Role | undefined;
  const peer = m[1];
  return {
    platform: PLATFORM,
    ikeVersion: V1,
    ...(peer ? { peer } : {}),
    ...(role ? { role } : {}),
  };
};

// Payload names of one IKE_DECODE line: "HDR + KE (4) + NONCE (10) + NONE (0)".
export const payloadNames = (list: string): Set<string> =>
  new Set(list.split('+').map((p) => p.trim().split(' ')[0] ?? ''));

/**
 * Names the IKEv1 message from its payloads, its message ID and the direction.
 * Main mode: SA = MM1/MM2, KE+NONCE = MM3/MM4, ID+HASH = MM5/MM6 (odd ones leave the initiator).
 * Aggressive mode: SA+KE+ID = AM1/AM2, HASH alone = AM3. Message ID not 0: quick mode or informational.
 */
export function exchangeOf(
  p: Set<string>,
  msgid: string,
  sent: boolean,
  ctx: TableContext,
): string {
  const { memory } = ctx;
  if ((p.has('NOTIFY') || p.has('DELETE')) && !p.has('SA')) return 'INFORMATIONAL';
  if (!/^0+$/.test(msgid)) {
    if (p.has('SA')) {
      const key = `qm:${msgid}`;
      const seen = memory.get(key);
      memory.set(key, seen === undefined ? (sent ? 'sent' : 'received') : 'both');
      return seen === undefined ? 'QM1' : 'QM2';
    }
    return p.has('HASH') && p.size <= 3 ? 'QM3' : 'INFORMATIONAL';
  }
  let role = memory.get('role');
  if (role === undefined && p.has('SA')) {
    role = sent ? 'initiator' : 'responder';
    memory.set('role', role);
  }
  const mine = role === undefined ? sent : sent === (role === 'initiator');
  // mine: this message is one the initiator sends (odd number).
  if (p.has('SA') && p.has('KE') && p.has('ID')) {
    memory.set('mode', 'aggressive');
    return mine ? 'AM1' : 'AM2';
  }
  if (p.has('SA')) return mine ? 'MM1' : 'MM2';
  if (p.has('KE')) return mine ? 'MM3' : 'MM4';
  if (memory.get('mode') === 'aggressive' && p.has('HASH')) return 'AM3';
  return mine ? 'MM5' : 'MM6';
}

export const NOTIFY_NAMES: Record<string, string> = {
  'no proposal chosen': 'NO_PROPOSAL_CHOSEN',
  'invalid id info': 'INVALID_ID_INFORMATION',
  'invalid spi': 'INVALID_SPI',
  'invalid cookie': 'INVALID_COOKIE',
  'payload malformed': 'PAYLOAD_MALFORMED',
  'invalid payload type': 'INVALID_PAYLOAD_TYPE',
  'authentication failed': 'AUTHENTICATION_FAILED',
  'invalid hash info': 'INVALID_HASH_INFORMATION',
};

/** Signals a received or sent IKEv1 notify proves, besides `ike.notify`. */
export function notifySignals(
  notify: string,
  m: RegExpExecArray,
  ctx: TableContext,
  direction: 'sent' | 'received',
): FactDraft[] {
  const b = base(m, ctx);
  const out: FactDraft[] = [signal({ signal: 'ike.notify', ...b, notify, direction })];
  const phase2 = ctx.memory.get('phase1') === 'done';
  if (notify === 'INVALID_COOKIE') out.push(signal({ signal: 'ike.invalid-cookie', ...b }));
  else if (notify === 'PAYLOAD_MALFORMED' || notify === 'INVALID_PAYLOAD_TYPE')
    out.push(signal({ signal: 'psk.malformed', ...b, notify }));
  else if (notify === 'NO_PROPOSAL_CHOSEN')
    out.push(
      signal({ signal: phase2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match', ...b, notify }),
    );
  else if (notify === 'INVALID_ID_INFORMATION' && phase2)
    out.push(signal({ signal: 'ipsec.proxy-unsupported', ...b, notify }));
  else if (notify === 'AUTHENTICATION_FAILED' || notify === 'INVALID_HASH_INFORMATION')
    out.push(signal({ signal: 'auth.failed', ...b, notify }));
  return out;
}

/** The payload list of an IKE_DECODE line without type numbers: "HDR, SA, VENDOR". */
export const payloadSummary = (list: string): string =>
  list
    .split('+')
    .map((p) => p.trim().split(' ')[0] ?? '')
    .filter((p) => p !== '' && p !== 'NONE')
    .join(', ');
