/** Palo Alto PAN-OS parsers, most specific first: show commands, then ikemgr.log and the system log. */
import type { Parser } from '../../parse/types.ts';
import { ikemgrLog } from './ikemgr_log.ts';
import { showVpnFlow } from './show_vpn_flow.ts';
import { showVpnIkeSa } from './show_vpn_ike_sa.ts';
import { showVpnIpsecSa } from './show_vpn_ipsec_sa.ts';
import { showVpnTunnel } from './show_vpn_tunnel.ts';
import { systemLog } from './system_log.ts';

/** Every PAN-OS parser, in registry order. */
export const paloaltoParsers: readonly Parser[] = [
  showVpnIkeSa,
  showVpnIpsecSa,
  showVpnFlow,
  showVpnTunnel,
  ikemgrLog,
  systemLog,
];
