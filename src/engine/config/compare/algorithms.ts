/**
 * What the comparison needs to know about the normalised algorithm words of `model.ts`:
 * which ciphers carry their own integrity, how strong a DH group is, and set overlap where an
 * empty list means "not known" rather than "nothing".
 */
import type { Algorithm } from '../model.ts';

/**
 * Combined-mode ciphers: AES-GCM and ChaCha20-Poly1305 encrypt and authenticate, AES-GMAC only
 * authenticates; all three make a separate integrity algorithm meaningless, so devices ignore it
 * (ASA: "GCM\GMAC are authenticated encryption algorithms.esp integrity config is ignored").
 */
export function isCombinedMode(encryption: Algorithm): boolean {
  return (
    encryption.startsWith('aes-gcm') ||
    encryption.startsWith('aes-gmac') ||
    encryption === 'chacha20-poly1305'
  );
}

/** `aes-gmac-256` → `aes-gcm-256`, for telling the GMAC-for-GCM slip (seed 000) apart. */
export function gmacToGcm(encryption: Algorithm): Algorithm | null {
  return encryption.startsWith('aes-gmac-') ? encryption.replace('aes-gmac-', 'aes-gcm-') : null;
}

/** Values both lists hold; when either list is empty (not known) the other list is returned. */
export function overlap<T>(x: readonly T[], y: readonly T[]): readonly T[] {
  if (x.length === 0) return y;
  if (y.length === 0) return x;
  return x.filter((v) => y.includes(v));
}

/** Do two lists share a value (or is either not known)? */
export function meets<T>(x: readonly T[], y: readonly T[]): boolean {
  return x.length === 0 || y.length === 0 || x.some((v) => y.includes(v));
}

// Rough strength order of the IANA DH groups (RFC 3526, 5114, 5903, 7748): weaker first.
const GROUP_ORDER = [1, 2, 22, 5, 23, 24, 14, 25, 15, 19, 26, 16, 20, 31, 17, 21, 18, 32];

/** A sortable strength for a DH group; unknown groups rank in the middle. */
export function groupStrength(group: number): number {
  const i = GROUP_ORDER.indexOf(group);
  return i < 0 ? GROUP_ORDER.indexOf(14) : i;
}

/** Human words for a list of algorithm words: "aes-256 or aes-128", "(not set)". */
export function words(list: readonly (string | number)[]): string {
  return list.length === 0 ? '(not set)' : list.join(' or ');
}

/** "group 14" / "groups 14, 19". */
export function groupWords(groups: readonly number[]): string {
  if (groups.length === 0) return 'the default group';
  return groups.length === 1 ? `group ${groups[0]}` : `groups ${groups.join(', ')}`;
}
