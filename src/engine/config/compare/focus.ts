/**
 * Citing only the lines that matter. The model keeps every line of an element (a crypto map
 * entry with its `set peer`, `set pfs`, `set transform-set` …) but not which line holds which
 * value; when the input text is known, a finding about PFS cites only the lines that mention PFS.
 * Without the text, or when no line mentions the topic, the element's lines are cited whole
 * (PFS left out: the defining line, where `set pfs` would go).
 */
import type { Lines } from '../model.ts';
import type { Side } from './types.ts';

/** Topics a finding can be about, each a test of one configuration line. */
export const TOPIC = {
  // "crypto map outside_map 1 set pfs group14", " set pfs group14", "set pfs enable", "set dhgrp 14",
  // "esp=aes256-sha256-modp2048!", "esp_proposals = aes256gcm16-modp2048"
  pfs: /\bpfs\b|\bdhgrp\b|^\s*esp(?:_proposals)?\s*=/i,
  // "crypto map outside_map 1 set peer 192.0.2.1", " set peer 192.0.2.1", "set remote-gw 192.0.2.1",
  // "right=192.0.2.1", "remote_addrs = 192.0.2.1", " tunnel destination 192.168.0.2"
  peer: /\bset peer\b|\bremote-gw\b|^\s*right\s*=|\bremote_addrs\b|\btunnel destination\b/i,
  // " set transform-set TS", "crypto map M 1 set ikev2 ipsec-proposal P", "esp=aes256gcm16!",
  // " set ikev1 transform-set ESP-3DES-SHA" (a FortiGate phase2's `set proposal` is the proposal's
  // own line, and the phase1's `set proposal` is about IKE)
  esp: /\btransform-set\b|\bipsec-proposal\b|^\s*esp(?:_proposals)?\s*=/i,
  // "set proposal aes256-sha256", "set dhgrp 14", "ike=aes256-sha256-modp2048!", " encryption aes-256",
  // " hash sha", " group 14", " authentication pre-share", " lifetime 86400", "crypto ikev1 policy 10"
  ike: /\bproposals?\b|\bdhgrp\b|^\s*ike\s*=|\bencr|\bhash\b|\bintegrity\b|\bprf\b|\bgroup\b|\bauthentication\b|\blifetime\b|\bkeylife\b|\bcrypto (?:isakmp|ikev[12]) (?:policy|proposal)\b/i,
  // " lifetime 86400", "crypto map M 1 set security-association lifetime seconds 28800",
  // "set keylifeseconds 3600", "lifetime=1h", "ikelifetime=8h", "rekey_time = 4h"
  lifetime: /lifetime|\bkeylife|\blife_time\b|\brekey_time\b/i,
  // " match address VPN-ACL", "set src-subnet 10.1.1.0 255.255.255.0", "leftsubnet=10.1.1.0/24",
  // "local_ts = 10.1.1.0/24"
  selectors:
    /\bmatch address\b|\b(?:src|dst)-(?:subnet|addr)|\b(?:left|right)subnet\b|\b(?:local|remote)_ts\b/i,
  // "crypto map outside_map 1 set ikev1 transform-set T", "set ike-version 2", "keyexchange=ikev2",
  // "version = 2", " set ikev2-profile P"
  version: /\bikev[12]\b|\bike-version\b|\bkeyexchange\b|^\s*version\s*=/i,
  // "crypto map outside_map interface outside", " crypto map MAP"
  applied: /\bcrypto map \S+ interface\b|^\s*crypto map \S+\s*$/i,
  // " tunnel mode ipsec ipv4", " tunnel mode gre ip"
  tunnelMode: /\btunnel mode\b/i,
  // " tunnel key 2"
  tunnelKey: /\btunnel key\b/i,
} as const;

/** The text of line `n` of a side's input, or '' when unknown. */
export function lineText(side: Side, n: number): string {
  return side.text?.[n - 1] ?? '';
}

/**
 * The lines of an element that concern `topic`. Without the input text, all its lines; when none
 * mentions the topic, the defining (first) line.
 */
export function cite(side: Side, lines: Lines, topic?: RegExp): number[] {
  if (!topic || !side.text) return [...lines];
  const hits = lines.filter((n) => topic.test(lineText(side, n)));
  if (hits.length > 0) return hits;
  return lines.length > 0 ? [lines[0] ?? 0] : [];
}

/** Like `cite`, but nothing when no line mentions the topic (for values that may be absent). */
export function citeOnly(side: Side, lines: Lines, topic: RegExp): number[] {
  if (!side.text) return [...lines];
  return lines.filter((n) => topic.test(lineText(side, n)));
}
