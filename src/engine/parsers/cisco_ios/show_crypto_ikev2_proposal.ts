/**
 * Cisco IOS / IOS-XE `show crypto ikev2 proposal`, `show crypto ikev2 policy` and
 * `show crypto ikev2 profile`: one `crypto-config` record per proposal / policy / profile, its
 * settings as printed (`Encryption`, `Integrity`, `PRF`, `DH Group`, `Match fvrf`, `Keyring` …).
 */
import { readBlocks, showParser } from './show_common.ts';

// Sample: " IKEv2 proposal: default"
const PROPOSAL_RE = /^\s*IKEv2 proposal\s*:\s*(\S+)\s*$/;
// Sample: " IKEv2 policy : default"
const POLICY_RE = /^\s*IKEv2 policy\s*:\s*(\S+)\s*$/;
// Sample: "IKEv2 profile: default"
const PROFILE_RE = /^\s*IKEv2 profile\s*:\s*(\S+)\s*$/;

/** `show crypto ikev2 proposal` (policy and profile blocks are read by the same parser). */
export const showCryptoIkev2Proposal = showParser({
  id: 'cisco-ios-show-crypto-ikev2-proposal',
  command: 'show crypto ikev2 proposal',
  typed: /^sh(?:o(?:w)?)?\s+cry(?:p(?:t(?:o)?)?)?\s+ikev2\s+(?:prop|pol|prof)/i,
  marker: /^\s*IKEv2 (?:proposal|policy|profile)\s*:/,
  read(lines, out) {
    readBlocks(lines, out, [
      { header: PROPOSAL_RE, object: 'ike-proposal' },
      { header: POLICY_RE, object: 'ikev2-policy' },
      { header: PROFILE_RE, object: 'ikev2-profile' },
    ]);
  },
});
