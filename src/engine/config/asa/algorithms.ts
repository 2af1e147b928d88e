/**
 * ASA algorithm keywords mapped to the model's normalised words (see `ALGORITHMS` in model.ts).
 * Source: Cisco ASA command reference, `crypto ikev1 policy`, `crypto ikev2 policy`,
 * `crypto ipsec ikev1 transform-set`, `protocol esp` (ipsec-proposal).
 */
import type { Algorithm } from '../model.ts';

type Table = Readonly<Record<string, Algorithm>>;

/** `crypto ikev1|ikev2 policy` → `encryption aes-256`. Plain `aes` is AES-128. */
export const IKE_ENCRYPTION: Table = {
  des: 'des',
  '3des': '3des',
  aes: 'aes-128',
  'aes-192': 'aes-192',
  'aes-256': 'aes-256',
  'aes-gcm': 'aes-gcm-128',
  'aes-gcm-192': 'aes-gcm-192',
  'aes-gcm-256': 'aes-gcm-256',
  null: 'null',
};

/** IKEv1 `hash`, IKEv2 `integrity` and `prf`: `sha` is SHA-1; IKEv2 `integrity null` goes with GCM. */
export const IKE_HASH: Table = {
  md5: 'md5',
  sha: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  null: 'none',
};

/** IKEv1 `authentication`. `crack` (challenge/response for RA clients) is kept as written. */
export const IKE_AUTHENTICATION: Table = {
  'pre-share': 'pre-share',
  'rsa-sig': 'rsa-sig',
  crack: 'crack',
};

/** Transform-set encryption transforms (`crypto ipsec ikev1 transform-set T esp-aes-256 esp-sha-hmac`). */
export const ESP_TRANSFORM_ENCRYPTION: Table = {
  'esp-des': 'des',
  'esp-3des': '3des',
  'esp-aes': 'aes-128',
  'esp-aes-192': 'aes-192',
  'esp-aes-256': 'aes-256',
  'esp-null': 'null',
};

/** Transform-set integrity transforms; `esp-none` is ESP without authentication. */
export const ESP_TRANSFORM_INTEGRITY: Table = {
  'esp-md5-hmac': 'md5',
  'esp-sha-hmac': 'sha1',
  'esp-sha256-hmac': 'sha256',
  'esp-sha384-hmac': 'sha384',
  'esp-sha512-hmac': 'sha512',
  'esp-none': 'none',
};

/** IKEv2 ipsec-proposal `protocol esp encryption …`; GCM has the 16-octet ICV, GMAC encrypts nothing. */
export const PROPOSAL_ENCRYPTION: Table = {
  des: 'des',
  '3des': '3des',
  aes: 'aes-128',
  'aes-192': 'aes-192',
  'aes-256': 'aes-256',
  'aes-gcm': 'aes-gcm-128',
  'aes-gcm-192': 'aes-gcm-192',
  'aes-gcm-256': 'aes-gcm-256',
  'aes-gmac': 'aes-gmac-128',
  'aes-gmac-192': 'aes-gmac-192',
  'aes-gmac-256': 'aes-gmac-256',
  null: 'null',
};

/** IKEv2 ipsec-proposal `protocol esp integrity …`. */
export const PROPOSAL_INTEGRITY: Table = {
  md5: 'md5',
  'sha-1': 'sha1',
  'sha-256': 'sha256',
  'sha-384': 'sha384',
  'sha-512': 'sha512',
  null: 'none',
};

/** Is this a combined-mode cipher (GCM/GMAC), for which ESP integrity is not negotiated? */
export function isAead(algorithm: Algorithm): boolean {
  return algorithm.startsWith('aes-gcm') || algorithm.startsWith('aes-gmac');
}

/** Words read through a table: the known ones up to the first unknown, and the rest. */
export interface Read {
  readonly values: Algorithm[];
  readonly rest: readonly string[];
}

/** Reads known keywords until the first unknown word (an annotation, a typo, a newer keyword). */
export function readAlgorithms(words: readonly string[], table: Table): Read {
  const values: Algorithm[] = [];
  for (let i = 0; i < words.length; i++) {
    const key = (words[i] ?? '').toLowerCase();
    const v = Object.hasOwn(table, key) ? table[key] : undefined;
    if (v === undefined) return { values, rest: words.slice(i) };
    if (!values.includes(v)) values.push(v);
  }
  return { values, rest: [] };
}

/** DH group numbers from `group 14 19` / `set pfs group14`, and the words after the list. */
export function readGroups(words: readonly string[]): {
  groups: number[];
  rest: readonly string[];
} {
  const groups: number[] = [];
  for (let i = 0; i < words.length; i++) {
    // "14" or "group14"
    const m = /^(?:group)?(\d{1,2})$/i.exec(words[i] ?? '');
    if (!m) return { groups, rest: words.slice(i) };
    groups.push(Number(m[1]));
  }
  return { groups, rest: [] };
}
