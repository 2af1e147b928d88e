/** Cisco IOS / IOS-XE parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { debugCryptoIkev2 } from './debug_crypto_ikev2.ts';
import { syslog } from './syslog.ts';

/** Every IOS / IOS-XE parser, in registry order. */
export const ciscoIosParsers: readonly Parser[] = [debugCryptoIkev2, syslog];
