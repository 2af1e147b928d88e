/**
 * Cisco IOS / IOS-XE syslog messages about crypto, tunnels and PKI
 * (`%CRYPTO-`, `%TUN-`, `%PKI-`, `%IPSEC-`, `%LINEPROTO-`).
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';

const rules: readonly LineRule[] = [
  {
    // The crypto map expects protected traffic from this source but a clear packet arrived.
    name: 'recvd-pkt-not-ipsec',
    sample:
      "*Mar 1 00:21:42.811: %CRYPTO-4-RECVD_PKT_NOT_IPSEC: Rec'd packet not an IPSEC packet. (ip) vrf/dest_addr= /192.168.2.3, src_addr= 192.168.1.2, prot= 1",
    re: /%CRYPTO-4-RECVD_PKT_NOT_IPSEC:.*?(?:src_addr\s*=\s*([\w.:]+))?(?:,\s*prot\s*=\s*(\d+))?\s*$/,
    emit: (m) =>
      signal({
        signal: 'ipsec.packet-not-ipsec',
        platform: 'cisco-ios',
        ...(m[1] ? { peer: m[1] } : {}),
        ...(m[2] ? { protocol: Number(m[2]) } : {}),
      }),
  },
];

/** IOS / IOS-XE crypto syslog messages. */
export const syslog = tableParser({
  id: 'cisco-ios-syslog',
  platform: 'cisco-ios',
  command: 'show logging',
  marker: /%(?:CRYPTO|TUN|PKI|IPSEC|LINEPROTO|NHRP|DMVPN)-\d-/,
  rules,
});
