/**
 * FortiOS proposal words to the model's normalised algorithm words.
 *
 * Phase 1 (`config vpn ipsec phase1-interface`, `set proposal`): `CIPHER-HASH` pairs such as
 * `aes256-sha256`, and for IKEv2 the AEAD forms `aes128gcm-prfsha256`, `aes256gcm-prfsha384`,
 * `chacha20poly1305-prfsha256` (FortiOS 6.0.1 CLI reference, "vpn ipsec phase1-interface").
 * Phase 2 (`set proposal` under `phase2-interface`): `CIPHER-HASH` with `null` allowed on either
 * side, and the AEAD words `aes128gcm`, `aes256gcm`, `chacha20poly1305` which carry no hash.
 * Each word is one proposal: FortiOS offers the pairs as written, not their cross product.
 */
import type { Algorithm } from '../model.ts';

const CIPHERS: Readonly<Record<string, Algorithm>> = {
  des: 'des',
  '3des': '3des',
  aes128: 'aes-128',
  aes192: 'aes-192',
  aes256: 'aes-256',
  aes128gcm: 'aes-gcm-128',
  aes256gcm: 'aes-gcm-256',
  chacha20poly1305: 'chacha20-poly1305',
  aria128: 'aria-128',
  aria192: 'aria-192',
  aria256: 'aria-256',
  seed: 'seed',
  null: 'null',
};

const HASHES: Readonly<Record<string, Algorithm>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
  null: 'none',
};

const AEAD = new Set(['aes128gcm', 'aes256gcm', 'chacha20poly1305']);

/** One FortiOS proposal word, read. */
export interface FortiProposal {
  readonly word: string;
  readonly encryption: Algorithm;
  /** `none` for AEAD ciphers and `-null`. */
  readonly integrity: Algorithm;
  /** From `-prfshaNNN` (IKEv2 AEAD only). */
  readonly prf?: Algorithm;
}

/** Reads `aes256-sha256`, `aes256gcm`, `aes128gcm-prfsha256`; null when a part is unknown. */
export function readProposalWord(word: string): FortiProposal | null {
  const lower = word.toLowerCase();
  const dash = lower.indexOf('-');
  const cipher = dash < 0 ? lower : lower.slice(0, dash);
  const rest = dash < 0 ? '' : lower.slice(dash + 1);
  const encryption = CIPHERS[cipher];
  if (encryption === undefined) return null;
  if (AEAD.has(cipher)) {
    if (rest === '') return { word, encryption, integrity: 'none' };
    const prf = rest.startsWith('prf') ? HASHES[rest.slice(3)] : undefined;
    return prf === undefined ? null : { word, encryption, integrity: 'none', prf };
  }
  const integrity = HASHES[rest];
  return integrity === undefined ? null : { word, encryption, integrity };
}

/** DH group words (`14 5`, `21`) as numbers; words that are not numbers are dropped. */
export function readGroups(values: readonly string[]): number[] {
  return values.filter((v) => /^\d{1,3}$/.test(v)).map(Number);
}
