/**
 * Secrets in FortiGate, Junos, PAN-OS, strongSwan and libreswan configuration. Written from the
 * FortiOS CLI reference, the Junos configuration statements, the PAN-OS CLI and XML API
 * references, ipsec.secrets(5) and swanctl.conf(5); the FortiGate samples match the fixtures in
 * `fixtures/config/fortigate`.
 */
import { braceBlock, fortiBlock, type Context } from '../context.ts';
import type { SecretKind } from '../types.ts';
import type { StatementRule } from './rule.ts';

function fortiAaaKey(ctx: Context): SecretKind {
  return /radius|tacacs/.test(fortiBlock(ctx)) ? 'radius-key' : 'other-secret';
}

function swanctlSecret(ctx: Context): SecretKind {
  const block = braceBlock(ctx);
  if (block.startsWith('ike')) return 'pre-shared-key';
  if (block.startsWith('ppk')) return 'key-material';
  return 'password';
}

/** FortiGate `config … / set …` statements. */
export const FORTIGATE_RULES: readonly StatementRule[] = [
  // "set psksecret ENC mK2pV9s0Lq3xYb7TnW1c…", "set psksecret \"Sup3r Secret!\"", "set psksecret-remote ENC …"
  {
    kind: 'pre-shared-key',
    literal: 'psksecret',
    re: /^set\s+psksecret(?:-remote)?\s+(?:ENC\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "set password ENC SH2nlSm9jh…", "set passwd …", XAuth client "set authpasswd ENC …", SNMPv3 "set auth-pwd ENC …"
  {
    kind: 'password',
    literal: 'set',
    re: /^set\s+(?:password|passwd|authpasswd|passphrase|sso-password|auth-pwd|priv-pwd)\s+(?:ENC\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "config user radius" / "set secret ENC …", "set secondary-secret ENC …"; TACACS+ "set key ENC …"
  {
    kind: fortiAaaKey,
    literal: 'set',
    re: /^set\s+(?:secret|secondary-secret|tertiary-secret|key)\s+(?:ENC\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "set ppk-secret ENC …", key chain "set key-string ENC …", "set private-key \"-----BEGIN …"
  {
    kind: 'other-secret',
    literal: 'set',
    re: /^set\s+(?:ppk-secret|key-string|auth-key|md5-key|private-key)\s+(?:ENC\s+(?=\S))?/i,
    scope: 'start',
    value: 'rest',
  },
  // "config system snmp community" / "edit 1" / "set name \"public\"": the name is the community
  {
    kind: 'snmp-community',
    literal: 'name',
    re: /^set\s+name\s+/i,
    scope: 'start',
    value: 'rest',
    when: (ctx) => fortiBlock(ctx) === 'system snmp community',
  },
  // Any other FortiGate field stored encrypted: "set <field> ENC <blob>"
  {
    kind: 'other-secret',
    literal: ' enc ',
    re: /^set\s+[\w-]{1,64}\s+ENC\s+(?=\S)/,
    scope: 'start',
    value: 'rest',
  },
];

/** Junos and PAN-OS statements (hierarchical and `set` forms). */
export const JUNOS_PANOS_RULES: readonly StatementRule[] = [
  // Junos "pre-shared-key ascii-text \"$9$Hk5FCA0IRSyK8X7VwYg4aUj\"; ## SECRET-DATA",
  // "set security ike policy IKE-POL pre-shared-key ascii-text \"$9$…\"", "… hexadecimal-text …"
  {
    kind: 'pre-shared-key',
    literal: 'pre-shared-key',
    re: /(?:^|\s)pre-shared-key\s+(?:ascii-text|hexadecimal-text)\s+/i,
    scope: 'set',
    value: 'junos',
  },
  // PAN-OS "set network ike gateway GW-BRANCH authentication pre-shared-key key -AQ==lR7y…"
  {
    kind: 'pre-shared-key',
    literal: 'pre-shared-key',
    re: /(?:^|\s)pre-shared-key\s+key\s+/i,
    scope: 'set',
    value: 'junos',
  },
  // PAN-OS hierarchical: "pre-shared-key {" / "key -AQ==lR7y…;"
  {
    kind: 'pre-shared-key',
    literal: 'key',
    re: /^key\s+/i,
    scope: 'start',
    value: 'junos',
    when: (ctx) => braceBlock(ctx) === 'pre-shared-key',
  },
  // Junos RADIUS/TACACS+: "secret \"$9$…\"; ## SECRET-DATA", "set system radius-server 10.1.1.5 secret \"$9$…\""
  {
    kind: 'radius-key',
    literal: 'secret',
    re: /(?:^|\s)(?:(?:radius|tacplus)-server\s+\S+\s+)?secret\s+(?![=\s])/i,
    scope: 'set',
    value: 'junos',
  },
  // Junos OSPF/BGP/VRRP: "authentication-key \"$9$…\"; ## SECRET-DATA"
  {
    kind: 'other-secret',
    literal: 'authentication-key',
    re: /(?:^|\s)authentication-key\s+/i,
    scope: 'set',
    value: 'junos',
  },
  // Junos "encrypted-password \"$6$Yz…\"; ## SECRET-DATA"
  {
    kind: 'password',
    literal: 'encrypted-password',
    re: /(?:^|\s)encrypted-password\s+/i,
    scope: 'set',
    value: 'junos',
  },
  // PAN-OS "set mgt-config users admin phash $1$…"
  {
    kind: 'password',
    literal: 'phash',
    re: /(?:^|\s)phash\s+/i,
    scope: 'set',
    value: 'junos',
  },
  // "set snmp community public authorization read-only"
  {
    kind: 'snmp-community',
    literal: 'community',
    re: /^set\s+snmp\s+community\s+/i,
    scope: 'start',
    value: 'junos',
  },
  // Junos hierarchical "snmp {" / "community public {"
  {
    kind: 'snmp-community',
    literal: 'community',
    re: /^community\s+/i,
    scope: 'start',
    value: 'junos',
    when: (ctx) => ctx.braces.includes('snmp'),
  },
  // PAN-OS "set deviceconfig system snmp-setting access-setting version v2c snmp-community-string public"
  {
    kind: 'snmp-community',
    literal: 'snmp-community-string',
    re: /(?:^|\s)snmp-community-string\s+/i,
    scope: 'set',
    value: 'junos',
  },
];

/** strongSwan / libreswan `ipsec.secrets` and `swanctl.conf`. */
export const SWAN_RULES: readonly StatementRule[] = [
  // swanctl.conf "secrets {" / "ike-branch {" / "secret = 0sFpZAZqEN6Ti9sqt4ZP5EWcqx"
  {
    kind: swanctlSecret,
    literal: 'secret',
    re: /^secret\s*=\s*/i,
    scope: 'start',
    value: 'rest',
  },
  // swanctl.conf token section: "pin = 123456"
  { kind: 'password', literal: 'pin', re: /^pin\s*=\s*/i, scope: 'start', value: 'rest' },
  // ipsec.secrets: "moon.strongswan.org sun.strongswan.org : PSK \"secret\"", ": PSK 0sv+NkxY9LLZ…", ": PSK 0x…"
  {
    kind: 'pre-shared-key',
    literal: 'psk',
    re: /(?:^|[ \t]):[ \t]*PSK[ \t]+/i,
    scope: 'anywhere',
    value: 'rest',
  },
  // ipsec.secrets: "carol@strongswan.org : EAP \"Ar3etTnp\"", ": NTLM …"
  {
    kind: 'password',
    literal: ':',
    re: /(?:^|[ \t]):[ \t]*(?:EAP|NTLM)[ \t]+/i,
    scope: 'anywhere',
    value: 'rest',
  },
  // ipsec.secrets with a name before the secret: ": XAUTH john \"rT6q!V2p\"",
  // ": RSA moonKey.pem \"passphrase\"", ": PIN %smartcard1 \"123456\"", ": P12 moon.p12 \"pass\""
  {
    kind: 'password',
    literal: ':',
    re: /(?:^|[ \t]):[ \t]*(?:XAUTH|RSA|ECDSA|BLISS|PKCS8|PKCS12|P12|PIN)[ \t]+/i,
    scope: 'anywhere',
    value: 'rest',
    skip: 1,
  },
];
