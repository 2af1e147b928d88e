/**
 * IOS algorithm keywords to the model's normalised words (see `Algorithm` in model.ts).
 * ISAKMP policies, IKEv2 proposals and transform sets each spell the same cipher differently:
 * `encr aes 256`, `encryption aes-cbc-256`, `esp-aes 256`.
 */
import type { Algorithm } from '../model.ts';

/** `group 14`, `group14`, `14` → 14; null when not a group. */
const GROUP = /^(?:group)?(\d{1,2})$/;

/** A Diffie-Hellman group number from an IOS word (`group14`, `14`). */
export function dhGroup(word: string | undefined): number | null {
  const m = GROUP.exec(word ?? '');
  return m ? Number(m[1]) : null;
}

const KEY_SIZES = new Set(['128', '192', '256']);

/** ISAKMP policy `encr` arguments (`aes`, `aes 256`, `3des`) → cipher; null when unknown. */
export function isakmpCipher(args: readonly string[]): Algorithm | null {
  const [name, size] = args;
  if (name === 'des' || name === '3des') return name;
  if (name !== 'aes') return null;
  if (size === undefined) return 'aes-128';
  return KEY_SIZES.has(size) ? `aes-${size}` : null;
}

const HASHES: Record<string, Algorithm> = {
  md5: 'md5',
  sha: 'sha1',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};

/** ISAKMP `hash` or IKEv2 `integrity`/`prf` word → hash; null when unknown. */
export function hashWord(word: string): Algorithm | null {
  return HASHES[word] ?? null;
}

/** IKEv2 `encryption` word: `aes-cbc-256` → `aes-256`, `aes-gcm-256` stays. */
const IKEV2_CIPHER = /^aes-(cbc|gcm)-(128|192|256)$/;

/** IKEv2 proposal `encryption` word → cipher; null when unknown. */
export function ikev2Cipher(word: string): Algorithm | null {
  if (word === 'des' || word === '3des') return word;
  const m = IKEV2_CIPHER.exec(word);
  if (!m) return null;
  return m[1] === 'cbc' ? `aes-${m[2]}` : `aes-gcm-${m[2]}`;
}

const ESP_CIPHERS: Record<string, (size: string) => Algorithm> = {
  'esp-des': () => 'des',
  'esp-3des': () => '3des',
  'esp-aes': (s) => `aes-${s}`,
  'esp-gcm': (s) => `aes-gcm-${s}`,
  'esp-gmac': (s) => `aes-gmac-${s}`,
  'esp-null': () => 'null',
  'esp-seal': () => 'seal',
};

const ESP_HASHES: Record<string, Algorithm> = {
  'esp-md5-hmac': 'md5',
  'esp-sha-hmac': 'sha1',
  'esp-sha256-hmac': 'sha256',
  'esp-sha384-hmac': 'sha384',
  'esp-sha512-hmac': 'sha512',
};

/** A transform set's algorithms. */
export interface Transforms {
  readonly encryption: Algorithm[];
  readonly integrity: Algorithm[];
  /** Transforms the model does not hold (`ah-sha-hmac`, `comp-lzs`) or does not know. */
  readonly other: string[];
}

/** `esp-aes 256 esp-sha-hmac` (lower case, after the set name) → its algorithms. */
export function transforms(words: readonly string[]): Transforms {
  const out: Transforms = { encryption: [], integrity: [], other: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const cipher = ESP_CIPHERS[w];
    if (cipher) {
      const next = words[i + 1] ?? '';
      const sized = KEY_SIZES.has(next);
      if (sized) i++;
      out.encryption.push(cipher(sized ? next : '128'));
    } else if (ESP_HASHES[w]) out.integrity.push(ESP_HASHES[w]);
    else out.other.push(w);
  }
  return out;
}
