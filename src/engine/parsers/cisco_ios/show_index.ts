/** IOS / IOS-XE `show` command parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { showCryptoIkev2DiagnoseError } from './show_crypto_ikev2_diagnose_error.ts';
import { showCryptoIkev2Proposal } from './show_crypto_ikev2_proposal.ts';
import { showCryptoIkev2Sa } from './show_crypto_ikev2_sa.ts';
import { showCryptoIpsecProfile } from './show_crypto_ipsec_profile.ts';
import { showCryptoIpsecSa } from './show_crypto_ipsec_sa.ts';
import { showCryptoIpsecTransformSet } from './show_crypto_ipsec_transform_set.ts';
import { showCryptoIsakmpKey } from './show_crypto_isakmp_key.ts';
import { showCryptoIsakmpPolicy } from './show_crypto_isakmp_policy.ts';
import { showCryptoIsakmpSa } from './show_crypto_isakmp_sa.ts';
import { showCryptoMap } from './show_crypto_map.ts';
import { showCryptoSession } from './show_crypto_session.ts';
import { showDmvpn } from './show_dmvpn.ts';
import { showInterfaceTunnel } from './show_interface_tunnel.ts';
import { showIpRoute } from './show_ip_route.ts';

/**
 * Show-command parsers, in registry order: the SA tables with the most distinctive headers first,
 * then the session summaries, configuration displays, interface and routing answers.
 */
export const ciscoIosShowParsers: readonly Parser[] = [
  showCryptoIpsecSa,
  showCryptoIkev2Sa,
  showCryptoIsakmpSa,
  showCryptoSession,
  showDmvpn,
  showCryptoIkev2DiagnoseError,
  showCryptoMap,
  showCryptoIkev2Proposal,
  showCryptoIpsecProfile,
  showCryptoIpsecTransformSet,
  showCryptoIsakmpPolicy,
  showCryptoIsakmpKey,
  showInterfaceTunnel,
  showIpRoute,
];
