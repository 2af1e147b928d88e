/**
 * IKE notify messages as the RFCs spell them, and what an error notify proves. Shared by the
 * strongSwan / libreswan and FortiGate debug parsers (their spellings differ: `NO-PROPOSAL-CHOSEN`,
 * `v2N_NO_PROPOSAL_CHOSEN`, `N(NO_PROP)`).
 */
import type { Signal } from '../../../knowledge/facts.ts';
import type { FactDraft } from '../../parse/table.ts';
import { signal } from '../../parse/table.ts';
import type { IkeVersion, Platform, Role } from '../../../knowledge/schema.ts';

// strongSwan's short payload names in `[ N(NO_PROP) ]` lists.
const SHORT: Readonly<Record<string, string>> = {
  NO_PROP: 'NO_PROPOSAL_CHOSEN',
  AUTH_FAILED: 'AUTHENTICATION_FAILED',
  TS_UNACCEPT: 'TS_UNACCEPTABLE',
  INVAL_KE: 'INVALID_KE_PAYLOAD',
  INVAL_SYN: 'INVALID_SYNTAX',
  INVAL_ID: 'INVALID_ID_INFORMATION',
  INVAL_MID: 'INVALID_MESSAGE_ID',
  INVAL_SPI: 'INVALID_SPI',
  NO_ADD_SAS: 'NO_ADDITIONAL_SAS',
  INT_ADDR_FAIL: 'INTERNAL_ADDRESS_FAILURE',
  FAIL_CP_REQ: 'FAILED_CP_REQUIRED',
  INVAL_PAYLOAD_TYPE: 'INVALID_PAYLOAD_TYPE',
  UNSUPP_CRIT_PAYLOAD: 'UNSUPPORTED_CRITICAL_PAYLOAD',
  TEMP_FAIL: 'TEMPORARY_FAILURE',
  CHILD_SA_NOT_FOUND: 'CHILD_SA_NOT_FOUND',
};

/** The RFC spelling of a notify: `NO-PROPOSAL-CHOSEN`, `v2N_NO_PROPOSAL_CHOSEN`, `NO_PROP` → `NO_PROPOSAL_CHOSEN`. */
export function normaliseNotify(raw: string): string {
  const name = raw
    .replace(/^v[12]N_/, '')
    .replace(/-/g, '_')
    .toUpperCase();
  return SHORT[name] ?? name;
}

/** Error notifies strongSwan lists in `[ N(...) ]` that are worth a fact of their own. */
export const ERROR_SHORT_NAMES: ReadonlySet<string> = new Set([
  'NO_PROP',
  'AUTH_FAILED',
  'TS_UNACCEPT',
  'INVAL_ID',
  'INVAL_SYN',
  'INT_ADDR_FAIL',
  'FAIL_CP_REQ',
]);

/** Facts an error notify proves besides `ike.notify`, given the phase it came in (2 = quick mode / child SA). */
export function notifyMeaning(
  notify: string,
  phase: 1 | 2 | undefined,
  base: {
    readonly platform: Platform;
    readonly ikeVersion?: IkeVersion;
    readonly peer?: string;
    readonly role?: Role;
  },
): FactDraft[] {
  const s = (name: Signal): FactDraft[] => [signal({ signal: name, ...base, notify })];
  switch (notify) {
    case 'NO_PROPOSAL_CHOSEN':
      return s(phase === 2 ? 'ipsec.proposal-no-match' : 'ike.policy-no-match');
    case 'AUTHENTICATION_FAILED':
      return s('auth.failed');
    case 'TS_UNACCEPTABLE':
      return s('ipsec.ts-unacceptable');
    case 'INVALID_ID_INFORMATION':
      // In quick mode the peer refused our proxy identities; in main mode our identity.
      return s(phase === 2 ? 'ipsec.ts-unacceptable' : 'peer-id.mismatch');
    case 'PAYLOAD_MALFORMED':
      return s('psk.malformed');
    case 'INVALID_HASH_INFORMATION':
      return s('psk.decrypt-failed');
    case 'INVALID_COOKIE':
      return s('ike.invalid-cookie');
    case 'INTERNAL_ADDRESS_FAILURE':
    case 'FAILED_CP_REQUIRED':
      return s('authz.failed');
    default:
      return [];
  }
}
