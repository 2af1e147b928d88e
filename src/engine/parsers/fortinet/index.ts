/** FortiGate parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { debugApplicationIke } from './debug_application_ike.ts';
import { diagnoseVpnIkeGatewayList } from './diagnose_vpn_ike_gateway_list.ts';
import { diagnoseVpnTunnelList } from './diagnose_vpn_tunnel_list.ts';
import { getVpnIpsecTunnelSummary } from './get_vpn_ipsec_tunnel_summary.ts';

/** Every FortiGate parser, in registry order: show tables first, then the IKE debug. */
export const fortinetParsers: readonly Parser[] = [
  diagnoseVpnTunnelList,
  diagnoseVpnIkeGatewayList,
  getVpnIpsecTunnelSummary,
  debugApplicationIke,
];
