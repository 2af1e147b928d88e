/**
 * Secrets in Cisco IOS / IOS-XE and ASA configuration (running-config, typed commands, archive
 * log). Written from the Cisco IOS Security Command Reference and the ASA command reference;
 * samples from seeds 001, 002 and 004. Order matters: the first rule that matches a statement
 * decides it, so the specific forms come before the general ones.
 *
 * Kept on purpose: `tunnel key 1234` (a GRE key is an identifier sent in clear in every GRE
 * header, not a secret, and a mismatch of it is a diagnosis), the encryption type digits
 * (`key 6 …`, `secret 9 …`: which type a peer uses matters when comparing two sides) and
 * `*****` (the ASA already masked it).
 */
import type { Context } from '../context.ts';
import type { SecretKind } from '../types.ts';
import type { StatementRule } from './rule.ts';

// Block headers whose `key …` line is the shared secret of an AAA server.
const AAA_HEADER = /^(?:radius server|radius-server|tacacs server|aaa-server|aaa group server)\b/;
// EzVPN server group whose `key …` is the group pre-shared key.
const EZVPN_GROUP = /^crypto isakmp client configuration group\b/;

function keyUnderHeader(ctx: Context): SecretKind | null {
  if (AAA_HEADER.test(ctx.header)) return 'radius-key';
  if (EZVPN_GROUP.test(ctx.header)) return 'pre-shared-key';
  return null;
}

/** Cisco IOS and ASA statements that carry a secret, most specific first. */
export const CISCO_RULES: readonly StatementRule[] = [
  // "crypto isakmp key P@ssword123 address 0.0.0.0 0.0.0.0" (seed 001),
  // "crypto isakmp key 6 FLgBaJHXdYY_AcHZZMgQ_RhTDJXHUBAAB hostname peer.example.com",
  // PIX/ASA 7: "isakmp key cisco123 address 10.1.1.1 netmask 255.255.255.255"
  {
    kind: 'pre-shared-key',
    literal: 'isakmp key',
    re: /^(?:crypto\s+)?isakmp\s+key\s+(?:[0678]\s+(?!address\s|hostname\s)(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // IKEv1 keyring: "pre-shared-key address 192.168.0.2 key cisco" (seed 004),
  // "pre-shared-key address 192.168.0.0 255.255.255.0 key cisco" (seed 004 line 435),
  // "pre-shared-key hostname r2.example.com key 6 XXXX"
  {
    kind: 'pre-shared-key',
    literal: 'pre-shared-key',
    re: /^pre-shared-key\s+(?:address|hostname)\s+(?:ipv6\s+)?\S+\s+(?:\S+\s+)?key\s+(?:(?:[067]|hex)\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // IKEv2 keyring "pre-shared-key cisco" (seed 002), "pre-shared-key hex 636973636f" (seed 002),
  // "pre-shared-key local 6 XXXX"; ASA 8.2 tunnel-group "pre-shared-key cisco";
  // ASA "ikev1 pre-shared-key cisco", "ikev2 remote-authentication pre-shared-key cisco"
  {
    kind: 'pre-shared-key',
    literal: 'pre-shared-key',
    re: /^(?:ikev1\s+|ikev2\s+(?:local|remote)-authentication\s+)?pre-shared-key\s+(?!\{\s*$|(?:address|hostname|ascii-text|hexadecimal-text|key)\s)(?:(?:local|remote)\s+)?(?:(?:[0678]|hex)\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // IKEv2 profile: "authentication local pre-share key 6 XXXX"
  {
    kind: 'pre-shared-key',
    literal: 'pre-share',
    re: /^authentication\s+(?:local|remote)\s+pre-share\s+key\s+(?:[06]\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // EzVPN client: "group EZ key cisco"
  {
    kind: 'pre-shared-key',
    literal: 'group',
    re: /^group\s+\S+\s+key\s+/i,
    scope: 'start',
    value: 'word',
  },
  // " key 7 0822455D0A16" under "radius server ISE", "tacacs server T", ASA "aaa-server ISE
  // (inside) host 10.1.1.5", or EzVPN "crypto isakmp client configuration group EZ"
  {
    kind: keyUnderHeader,
    literal: 'key',
    re: /^key\s+(?:[0-9]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
    when: (ctx) => keyUnderHeader(ctx) !== null,
  },
  // Anywhere else an explicit type: "key 7 0822455D0A16"
  {
    kind: 'other-secret',
    literal: 'key',
    re: /^key\s+[07]\s+(?=\S)/i,
    scope: 'start',
    value: 'rest',
  },
  // "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", ASA "enable password 8Ry2YjIyt7RRXU24 encrypted"
  {
    kind: 'password',
    literal: 'enable',
    re: /^enable\s+(?:secret|password)\s+(?:level\s+\d{1,2}\s+)?(?:[0-9]\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // "username admin privilege 15 secret 9 $9$nhEmQVczB7dqsO$X.HsgL6x1il0RxkOSSvyQYwucySCt7qFm4v7pqCxkKM",
  // "username cisco password cisco" (EzVPN client), ASA "username admin password X encrypted privilege 15"
  {
    kind: 'password',
    literal: 'username',
    re: /^username\s+\S+\s+(?:(?:privilege\s+\d{1,2}|algorithm-type\s+\w+|view\s+\S+|nopassword)\s+){0,4}(?:secret|password)\s+(?:[0-9]\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // ASA "passwd 2KFQnbNIdI.2KYOU encrypted"
  { kind: 'password', literal: 'passwd', re: /^passwd\s+/i, scope: 'start', value: 'word' },
  // "line vty 0 4" / " password 7 0822455D0A16"; trustpoint " password 0 cisco"
  {
    kind: 'password',
    literal: 'password',
    re: /^password\s+(?:[0-9]\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // ASA "snmp-server host outside 10.1.1.1 community public version 2c"
  {
    kind: 'snmp-community',
    literal: 'community',
    re: /^snmp-server\s+host\s+\S+\s+\S+\s+(?:poll\s+|trap\s+)?community\s+(?:[08]\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // "snmp-server community public RO 10"
  {
    kind: 'snmp-community',
    literal: 'community',
    re: /^snmp-server\s+community\s+(?:[08]\s+(?=\S))?/i,
    scope: 'start',
    value: 'word',
  },
  // IOS positional: "snmp-server host 10.1.1.1 version 2c public", "snmp-server host 10.1.1.1 informs version 2c public"
  {
    kind: 'snmp-community',
    literal: 'snmp-server',
    re: /^snmp-server\s+host\s+(?=[\d:])\S+\s+(?:(?:traps|informs)\s+)?(?:version\s+(?:1|2c|3\s+(?:auth|noauth|priv))\s+)?(?:vrf\s+\S+\s+)?/i,
    scope: 'start',
    value: 'word',
  },
  // "radius-server key 7 0822455D0A16", "tacacs-server key cisco"
  {
    kind: 'radius-key',
    literal: '-server',
    re: /^(?:radius|tacacs)-server\s+key\s+(?:[067]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "radius-server host 10.1.1.5 auth-port 1645 acct-port 1646 key 7 0822455D0A16"
  {
    kind: 'radius-key',
    literal: '-server',
    re: /^(?:radius|tacacs)-server\s+host\s+(?:\S+\s+){1,8}?key\s+(?:[067]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // ASA "aaa-server ISE (inside) host 10.1.1.5 key cisco123"
  {
    kind: 'radius-key',
    literal: 'aaa-server',
    re: /^aaa-server\s+(?:\S+\s+){1,6}?key\s+/i,
    scope: 'start',
    value: 'rest',
  },
  // "ip ospf authentication-key 7 0822455D0A16"
  {
    kind: 'other-secret',
    literal: 'ospf',
    re: /^ip\s+ospf\s+authentication-key\s+(?:[07]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "ip ospf message-digest-key 1 md5 7 0822455D0A16"
  {
    kind: 'other-secret',
    literal: 'ospf',
    re: /^ip\s+ospf\s+message-digest-key\s+\d{1,3}\s+md5\s+(?:[07]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "ntp authentication-key 1 md5 104D000A0618 7" (the trailing 7 is the encryption type)
  {
    kind: 'other-secret',
    literal: 'ntp',
    re: /^ntp\s+authentication-key\s+\d{1,10}\s+[\w-]{1,20}\s+/i,
    scope: 'start',
    value: 'word',
  },
  // key chain: "key-string 7 0822455D0A16" (a bare "key-string" opens a public-key block instead)
  {
    kind: 'other-secret',
    literal: 'key-string',
    re: /^key-string\s+(?:[067]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // BGP "neighbor 10.0.0.2 password 7 0822455D0A16"
  {
    kind: 'other-secret',
    literal: 'password',
    re: /^neighbor\s+\S+\s+password\s+(?:[07]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "ppp chap password 7 0822455D0A16", "ppp pap sent-username R1 password 0 cisco"
  {
    kind: 'password',
    literal: 'ppp',
    re: /^ppp\s+(?:chap|pap\s+sent-username\s+\S+)\s+password\s+(?:[07]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // ASA "ldap-login-password cisco123"
  {
    kind: 'password',
    literal: 'ldap-login-password',
    re: /^ldap-login-password\s+/i,
    scope: 'start',
    value: 'rest',
  },
  // ASA "failover key 8 XXXX", "failover key cisco123"
  {
    kind: 'other-secret',
    literal: 'failover',
    re: /^failover\s+key\s+(?:[08]\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
];
