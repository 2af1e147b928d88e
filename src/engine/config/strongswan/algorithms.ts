/**
 * strongSwan proposal strings (`ike=`, `esp=` in ipsec.conf; `proposals`, `esp_proposals` in
 * swanctl.conf) to the model's algorithm words.
 *
 * A proposal is dash-separated keywords (`aes256-sha256-modp2048`, `aes128gcm16-prfsha256-ecp256`);
 * several keywords of one kind in one proposal are alternatives (`aes128-aes256-sha256-modp2048`).
 * Proposals are separated by commas; in ipsec.conf a trailing `!` makes the list strict (without it
 * the daemon also accepts its built-in defaults). Keywords from the strongSwan documentation,
 * "IKEv2 Cipher Suites" and "IKEv1 Cipher Suites".
 */
import type { Algorithm } from '../model.ts';

/** One proposal, read. Empty lists mean "not in the proposal". */
export interface SwanProposal {
  /** The proposal as written, without `!`. */
  readonly text: string;
  readonly encryption: Algorithm[];
  readonly integrity: Algorithm[];
  readonly prf: Algorithm[];
  readonly dhGroups: number[];
  /** True when an AEAD cipher (GCM, CCM, ChaCha20-Poly1305) is in it. */
  readonly aead: boolean;
  /** Keywords not recognised, and recognised ones the model has no standard word for. */
  readonly unknown: string[];
  readonly nonStandard: string[];
}

const CIPHERS: Readonly<Record<string, Algorithm>> = {
  aes: 'aes-128',
  aes128: 'aes-128',
  aes192: 'aes-192',
  aes256: 'aes-256',
  '3des': '3des',
  des: 'des',
  null: 'null',
  chacha20poly1305: 'chacha20-poly1305',
  aes128gmac: 'aes-gmac-128',
  aes192gmac: 'aes-gmac-192',
  aes256gmac: 'aes-gmac-256',
};

const INTEGRITY: Readonly<Record<string, Algorithm>> = {
  md5: 'md5',
  sha: 'sha1',
  sha1: 'sha1',
  sha256: 'sha256',
  sha2_256: 'sha256',
  sha384: 'sha384',
  sha2_384: 'sha384',
  sha512: 'sha512',
  sha2_512: 'sha512',
  aesxcbc: 'aes-xcbc',
};

const PRF: Readonly<Record<string, Algorithm>> = {
  prfmd5: 'md5',
  prfsha1: 'sha1',
  prfsha256: 'sha256',
  prfsha384: 'sha384',
  prfsha512: 'sha512',
  prfaesxcbc: 'aes-xcbc',
};

/** Key exchange keywords → IANA group numbers (RFC 3526, 5903, 6954, 8031). */
export const DH_GROUPS: Readonly<Record<string, number>> = {
  modp768: 1,
  modp1024: 2,
  modp1536: 5,
  modp2048: 14,
  modp3072: 15,
  modp4096: 16,
  modp6144: 17,
  modp8192: 18,
  ecp256: 19,
  ecp384: 20,
  ecp521: 21,
  modp1024s160: 22,
  modp2048s224: 23,
  modp2048s256: 24,
  ecp192: 25,
  ecp224: 26,
  ecp224bp: 27,
  ecp256bp: 28,
  ecp384bp: 29,
  ecp512bp: 30,
  curve25519: 31,
  x25519: 31,
  curve448: 32,
  x448: 32,
};

/** Keywords that carry nothing the model compares. */
const IGNORED = new Set(['esn', 'noesn']);

// "aes256gcm16", "aes128gcm", "aes192ccm12", "aes128gcm128" — AES-GCM/CCM with an ICV length
const AES_AEAD = /^aes(128|192|256)?(gcm|ccm)(8|12|16|64|96|128)?$/;
// "aes128ctr", "aes256ctr"
const AES_CTR = /^aes(128|192|256)?ctr$/;

/** An AES GCM/CCM keyword as a model word; only GCM with a 16-octet ICV is a standard word. */
function aesAead(m: RegExpExecArray): { word: Algorithm; standard: boolean } {
  const bits = m[1] ?? '128';
  const icv = m[3] ?? '16';
  const octets = icv === '8' || icv === '64' ? '8' : icv === '12' || icv === '96' ? '12' : '16';
  if (m[2] === 'gcm' && octets === '16') return { word: `aes-gcm-${bits}`, standard: true };
  return { word: `aes-${m[2] ?? 'gcm'}${octets}-${bits}`, standard: false };
}

/** Reads one proposal (`aes256-sha256-modp2048`); never throws. */
export function readSwanProposal(text: string): SwanProposal {
  const out: SwanProposal = {
    text,
    encryption: [],
    integrity: [],
    prf: [],
    dhGroups: [],
    aead: false,
    unknown: [],
    nonStandard: [],
  };
  let aead = false;
  for (const raw of text.toLowerCase().split('-')) {
    const word = raw.trim();
    if (word === '' || IGNORED.has(word)) continue;
    const cipher = CIPHERS[word];
    const aeadMatch = AES_AEAD.exec(word);
    if (cipher !== undefined) {
      out.encryption.push(cipher);
      if (word === 'chacha20poly1305') aead = true;
    } else if (aeadMatch) {
      const { word: w, standard } = aesAead(aeadMatch);
      out.encryption.push(w);
      if (!standard) out.nonStandard.push(word);
      aead = true;
    } else if (AES_CTR.test(word)) {
      out.encryption.push(`aes-ctr-${AES_CTR.exec(word)?.[1] ?? '128'}`);
      out.nonStandard.push(word);
    } else if (INTEGRITY[word] !== undefined) out.integrity.push(INTEGRITY[word]);
    else if (PRF[word] !== undefined) out.prf.push(PRF[word]);
    else if (DH_GROUPS[word] !== undefined) out.dhGroups.push(DH_GROUPS[word]);
    else out.unknown.push(word);
  }
  return { ...out, aead };
}

/** A comma-separated proposal list; `strict` when it ends with `!`. */
export function readProposalList(value: string): { proposals: SwanProposal[]; strict: boolean } {
  const trimmed = value.trim();
  const strict = trimmed.endsWith('!');
  const body = strict ? trimmed.slice(0, -1) : trimmed;
  const proposals = body
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map(readSwanProposal);
  return { proposals, strict };
}
