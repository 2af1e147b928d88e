/** Juniper SRX parsers, most specific first: show commands (their blocks are the most specific), then kmd logs. */
import type { Parser } from '../../parse/types.ts';
import { kmdLog } from './kmd_log.ts';
import { showSecurityIkeSecurityAssociations } from './show_security_ike_security_associations.ts';
import { showSecurityIpsecSecurityAssociations } from './show_security_ipsec_security_associations.ts';
import { showSecurityIpsecStatistics } from './show_security_ipsec_statistics.ts';

/** Every Juniper SRX parser, in registry order. */
export const juniperParsers: readonly Parser[] = [
  showSecurityIkeSecurityAssociations,
  showSecurityIpsecSecurityAssociations,
  showSecurityIpsecStatistics,
  kmdLog,
];
