/**
 * NAT exemption: traffic for the tunnel must leave untranslated, or it no longer matches the
 * crypto ACL (seed 001: a rogue NAT entry; the PIX `nat 0` example). The device's NAT rules are
 * walked in order and the first one that applies to local → remote decides. A translating rule
 * that covers only part of the selector is a warning: some of the traffic is translated.
 */
import type { Connection, NatRule, Prefix, Selector } from '../model.ts';
import { prefixContains } from '../normalise.ts';
import { behind } from './pair.ts';
import { dialect } from './syntax/index.ts';
import type { CompareFinding, Pair, Side } from './types.ts';
import { finding, label, on } from './types.ts';

function coversAll(rule: readonly Prefix[], p: Prefix): boolean {
  return rule.some((r) => prefixContains(r, p));
}

function touches(rule: readonly Prefix[], p: Prefix): boolean {
  return rule.some((r) => prefixContains(r, p) || prefixContains(p, r));
}

/** The first NAT rule that applies to a selector's traffic, and whether it covers all of it. */
function deciding(
  rules: readonly NatRule[],
  sel: Selector,
): { rule: NatRule; whole: boolean } | null {
  for (const rule of rules) {
    const remote = rule.remote.length === 0 ? ['any'] : rule.remote;
    if (coversAll(rule.local, sel.local) && coversAll(remote, sel.remote))
      return { rule, whole: true };
    if (rule.kind === 'translate' && touches(rule.local, sel.local) && touches(remote, sel.remote))
      return { rule, whole: false };
  }
  return null;
}

function natFinding(
  side: Side,
  conn: Connection,
  sel: Selector,
  rule: NatRule,
  whole: boolean,
): CompareFinding {
  const where = `${sel.local} → ${sel.remote}`;
  return finding({
    diagnosis: 'routing.nat-exemption',
    severity: whole ? 'error' : 'warning',
    ...on(side, [...sel.lines, ...rule.lines]),
    message: whole
      ? `${label(side)} translates ${where} (NAT rule at line ${rule.lines[0] ?? '?'}) before any exemption: the traffic no longer matches ${conn.acl ?? 'the crypto ACL'} and is not encrypted.`
      : `${label(side)}'s NAT rule at line ${rule.lines[0] ?? '?'} translates part of ${where} and no exemption comes before it.`,
    fix: `Add a NAT exemption for ${where} on ${label(side)}, ordered before the translating rule.`,
    change: side.id,
    commands: { ...on(side, dialect(side).natExempt(side, conn, sel)) },
  });
}

function checkSide(side: Side, conn: Connection, peer: Side): CompareFinding[] {
  if (conn.kind === 'tunnel-protection' || side.peer.nat.length === 0) return [];
  return conn.selectors.flatMap((sel) => {
    // A selector the wrong way round (its "local" is the peer's network) is the selector
    // finding's business; its traffic never leaves this side's inside.
    if (behind(peer, sel.local) && !behind(side, sel.local)) return [];
    const hit = deciding(side.peer.nat, sel);
    return hit && hit.rule.kind === 'translate'
      ? [natFinding(side, conn, sel, hit.rule, hit.whole)]
      : [];
  });
}

/** NAT exemption on both sides of a pair. */
export function checkNat(pair: Pair): CompareFinding[] {
  return [...checkSide(pair.a, pair.ca, pair.b), ...checkSide(pair.b, pair.cb, pair.a)];
}
