/** IOS / IOS-XE debug and syslog parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { debugCryptoIkev2 } from './debug_crypto_ikev2.ts';
import { syslog } from './syslog.ts';

/** Debug and syslog parsers, in registry order. */
export const ciscoIosDebugParsers: readonly Parser[] = [debugCryptoIkev2, syslog];
