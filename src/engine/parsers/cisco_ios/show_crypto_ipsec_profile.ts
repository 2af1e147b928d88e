/**
 * Cisco IOS / IOS-XE `show crypto ipsec profile`: one `crypto-config` record (`ipsec-profile`) per
 * profile with its settings as printed (IKEv2 Profile, lifetime, PFS, DH group, Transform sets …).
 */
import { readBlocks, showParser, commandRe } from './show_common.ts';

// Sample: "IPSEC profile default"
const PROFILE_RE = /^\s*IPSEC profile\s+(\S+)\s*$/;

/** `show crypto ipsec profile`. */
export const showCryptoIpsecProfile = showParser({
  id: 'cisco-ios-show-crypto-ipsec-profile',
  command: 'show crypto ipsec profile',
  typed: commandRe([
    ['show', 2],
    ['crypto', 3],
    ['ipsec', 3],
    ['profile', 4],
  ]),
  marker: /^\s*IPSEC profile\s+\S/,
  read(lines, out) {
    readBlocks(lines, out, [{ header: PROFILE_RE, object: 'ipsec-profile' }]);
  },
});
