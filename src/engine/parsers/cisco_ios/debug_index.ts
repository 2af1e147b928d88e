/** IOS / IOS-XE debug and syslog parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { debugCryptoIkev2 } from './debug_crypto_ikev2.ts';
import { debugCryptoIpsec } from './debug_crypto_ipsec.ts';
import { debugCryptoIsakmp } from './debug_crypto_isakmp.ts';
import { debugCryptoKmi } from './debug_crypto_kmi.ts';
import { debugCryptoPki } from './debug_crypto_pki.ts';
import { syslog } from './syslog.ts';

/** Debug and syslog parsers, in registry order: each claims only its own prefix, syslog last. */
export const ciscoIosDebugParsers: readonly Parser[] = [
  debugCryptoIkev2,
  debugCryptoIsakmp,
  debugCryptoIpsec,
  debugCryptoKmi,
  debugCryptoPki,
  syslog,
];
