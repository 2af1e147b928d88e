/** Command lists and snippets shared by the IPsec stage files (plain data). */
import type { PlatformCommands, PlatformSnippets } from '../../schema.ts';

/** Commands that list the IPsec SAs and their counters on each platform. */
export const SA_COMMANDS: PlatformCommands = {
  'cisco-ios': ['show crypto ipsec sa', 'show crypto session detail'],
  'cisco-asa': ['show crypto ipsec sa', 'show vpn-sessiondb detail l2l'],
  fortigate: ['diagnose vpn tunnel list', 'get vpn ipsec tunnel summary'],
  strongswan: ['swanctl --list-sas', 'ipsec statusall'],
  'juniper-srx': [
    'show security ipsec security-associations detail',
    'show security ipsec statistics',
  ],
  paloalto: ['show vpn ipsec-sa', 'show vpn flow tunnel-id <id>'],
};

/** Commands that show each side's phase 2 configuration, for a side-by-side comparison. */
export const PHASE2_CONFIG: PlatformCommands = {
  'cisco-ios': [
    'show crypto ipsec transform-set',
    'show crypto ipsec profile',
    'show crypto map',
    'show running-config | section crypto',
  ],
  'cisco-asa': [
    'show running-config crypto ipsec',
    'show running-config crypto map',
    'show running-config crypto dynamic-map',
  ],
  fortigate: ['show vpn ipsec phase2-interface', 'diagnose vpn tunnel list'],
  strongswan: ['swanctl --list-conns', 'ipsec statusall'],
  'juniper-srx': ['show configuration security ipsec | display set'],
  paloalto: ['show config running | match ipsec-crypto-profiles'],
};

/** Clearing the SAs so a corrected phase 2 is negotiated afresh, per platform. */
export const CLEAR_SAS: PlatformSnippets = {
  'cisco-ios': 'clear crypto session remote <peer>',
  'cisco-asa': 'clear crypto ipsec sa peer <peer>',
  fortigate: 'diagnose vpn tunnel flush <phase1 name>',
  strongswan: 'swanctl --terminate --ike <name>\nswanctl --initiate --child <child name>',
  'juniper-srx': 'clear security ipsec security-associations',
  paloalto: 'clear vpn ipsec-sa tunnel <name>',
};
