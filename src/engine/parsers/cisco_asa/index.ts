/** Cisco ASA (and FTD, which prints the same) parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { debugCryptoIkev1 } from './debug_crypto_ikev1.ts';
import { debugCryptoIkev2 } from './debug_crypto_ikev2.ts';
import { debugCryptoIpsec } from './debug_crypto_ipsec.ts';
import { showAspTableVpnContext } from './show_asp_table_vpn_context.ts';
import { showCryptoIpsecSa } from './show_crypto_ipsec_sa.ts';
import { showCryptoIsakmpSa } from './show_crypto_isakmp_sa.ts';
import { showRunningConfigCrypto } from './show_running_config_crypto.ts';
import { showVpnSessiondb } from './show_vpn_sessiondb.ts';
import { showVpnSessiondbL2l } from './show_vpn_sessiondb_l2l.ts';
import { syslog } from './syslog.ts';

/** Every ASA parser, in registry order: show commands (block layouts), then syslog, then debugs. */
export const ciscoAsaParsers: readonly Parser[] = [
  showCryptoIpsecSa,
  showCryptoIsakmpSa,
  showVpnSessiondbL2l,
  showVpnSessiondb,
  showAspTableVpnContext,
  showRunningConfigCrypto,
  syslog,
  debugCryptoIkev1,
  debugCryptoIkev2,
  debugCryptoIpsec,
];
