/**
 * Does a text look like an IOS / IOS-XE configuration? Counts lines that only IOS writes and
 * subtracts lines that only an ASA writes (the two share `crypto map`, `ip address` and, on old
 * ASA releases, `crypto isakmp policy`).
 */

/** Starts of lines found in IOS configurations and not in ASA ones. */
const IOS_MARKERS: readonly RegExp[] = [
  // crypto isakmp policy 10
  /^crypto isakmp policy \d/,
  // crypto ikev2 proposal PROP / crypto ikev2 keyring KR / crypto ikev2 profile PROF
  /^crypto ikev2 (?:proposal|keyring|profile) \S/,
  // crypto keyring KR vrf INTERNET
  /^crypto keyring \S/,
  // crypto map CMAP 10 ipsec-isakmp
  /^crypto map \S{1,64} \d{1,5} ipsec-isakmp/,
  // crypto isakmp key cisco123 address 203.0.113.2
  /^crypto isakmp key \S/,
  // ip access-list extended VPN-ACL
  /^ip access-list (?:extended|standard) \S/,
  // interface Tunnel0
  /^interface Tunnel\d/i,
  // tunnel mode ipsec ipv4
  /^tunnel mode /,
  // tunnel protection ipsec profile IPSEC-PROF
  /^tunnel protection ipsec profile /,
  // ip address 192.0.2.1 255.255.255.0 (an ASA writes this too; the ASA markers outweigh it)
  /^ip address \d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3} \d{1,3}\./,
  // ip route 0.0.0.0 0.0.0.0 198.51.100.1
  /^ip route /,
  // ip nat inside / ip nat inside source list NAT interface Gi0/0 overload
  /^ip nat (?:inside|outside)/,
  // ip vrf forwarding INTERNET / vrf forwarding INTERNET
  /^(?:ip )?vrf forwarding \S/,
];

/** Starts of lines only an ASA writes. */
const ASA_MARKERS: readonly RegExp[] = [
  // nameif outside
  /^nameif \S/,
  // security-level 100
  /^security-level \d/,
  // tunnel-group 203.0.113.2 type ipsec-l2l
  /^tunnel-group \S/,
  // crypto ikev1 policy 10 / crypto ikev1 enable outside
  /^crypto ikev1 /,
  // crypto map CMAP interface outside
  /^crypto map \S{1,64} interface \S/,
  // ASA Version 9.16(4)
  /^ASA Version /,
];

/** Score: IOS-only lines minus twice the ASA-only lines, never below 0. */
export function sniffIos(text: string): number {
  let score = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.trimStart();
    if (t.length < 8) continue;
    if (IOS_MARKERS.some((r) => r.test(t))) score += 1;
    else if (ASA_MARKERS.some((r) => r.test(t))) score -= 2;
  }
  return Math.max(0, score);
}
