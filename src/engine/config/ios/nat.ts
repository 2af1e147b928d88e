/**
 * IOS NAT as far as VPN traffic is concerned: `ip nat inside source list|route-map|static`.
 * A NAT ACL's deny entries leave that traffic untranslated (the classic NAT exemption for
 * VPN traffic), its permit entries translate it.
 */
import type { NatRule, Prefix } from '../model.ts';
import { maskToLength, toPrefix } from '../normalise.ts';
import { useAcl, type Ace, type Acl } from './acl.ts';
import { note, use, type Ctx } from './context.ts';
import { is, type Node } from './tree.ts';

interface RouteMapEntry {
  readonly permit: boolean;
  readonly acls: string[];
  readonly lines: number[];
}

/** `/24` after `static network` → 24. */
const SLASH_LENGTH = /^\/(\d{1,2})$/;

/** Route maps by name, entries in configuration order. */
function readRouteMaps(nodes: readonly Node[]): Map<string, RouteMapEntry[]> {
  const out = new Map<string, RouteMapEntry[]>();
  for (const n of nodes) {
    const name = n.words[1] ?? '';
    const acls: string[] = [];
    const lines = [n.line];
    for (const c of n.children)
      if (is(c.key, 'match', 'ip', 'address') && c.key[3] !== 'prefix-list') {
        acls.push(...c.words.slice(3));
        lines.push(c.line);
      }
    out.set(name, [...(out.get(name) ?? []), { permit: n.key[2] !== 'deny', acls, lines }]);
  }
  return out;
}

function prefixes(addrs: Ace['src']): Prefix[] {
  return addrs.map((a) => a.prefix);
}

/** Rules from one ACL: deny entries exempt; permit entries translate (or exempt, in a deny route-map entry). */
function aclRules(acl: Acl, permitTranslates: boolean, head: readonly number[]): NatRule[] {
  return acl.aces.map((ace) => ({
    kind: ace.action === 'permit' && permitTranslates ? 'translate' : 'exempt',
    local: prefixes(ace.src),
    remote: prefixes(ace.dst),
    lines: [...head, ace.line],
  }));
}

interface NatInput {
  readonly statements: readonly Node[];
  readonly routeMaps: readonly Node[];
  readonly acls: Map<string, Acl>;
}

function routeMapRules(
  maps: Map<string, RouteMapEntry[]>,
  name: string,
  input: NatInput,
  ctx: Ctx,
  line: number,
): NatRule[] | null {
  const entries = maps.get(name);
  if (!entries) return null;
  return entries.flatMap((e) => {
    e.lines.forEach((l) => ctx.used.add(l));
    return e.acls.flatMap((a) => {
      const acl = useAcl(input.acls, a, ctx, `route-map ${name}`);
      return acl ? aclRules(acl, e.permit, [line, ...e.lines]) : [];
    });
  });
}

/** `ip nat inside source static [tcp|udp] LOCAL [PORT] GLOBAL [PORT] [route-map RM]` → one translate rule. */
function staticRule(
  n: Node,
  maps: Map<string, RouteMapEntry[]>,
  input: NatInput,
  ctx: Ctx,
): NatRule | null {
  const k = n.key.slice(5);
  let local: Prefix | null;
  if (k[0] === 'network') {
    const m = SLASH_LENGTH.exec(k[3] ?? '');
    const len = m ? Number(m[1]) : maskToLength(k[3] ?? '');
    local = len === null ? null : toPrefix(k[1] ?? '', len);
  } else local = toPrefix(k[0] === 'tcp' || k[0] === 'udp' ? (k[1] ?? '') : (k[0] ?? ''), 32);
  if (!local) return null;
  const rmAt = k.indexOf('route-map');
  const rm = rmAt >= 0 ? n.words[5 + rmAt + 1] : undefined;
  const viaMap = rm ? routeMapRules(maps, rm, input, ctx, n.line) : null;
  const remote = viaMap
    ? viaMap.filter((r) => r.kind === 'translate').flatMap((r) => r.remote)
    : ['any'];
  return {
    kind: 'translate',
    local: [local],
    remote: remote.length > 0 ? remote : ['any'],
    lines: [n.line],
  };
}

/** NAT rules in evaluation order: static translations first, then dynamic ones in configuration order. */
export function readNat(input: NatInput, ctx: Ctx): NatRule[] {
  const maps = readRouteMaps(input.routeMaps);
  const statics: NatRule[] = [];
  const dynamics: NatRule[] = [];
  for (const n of input.statements) {
    const k = n.key;
    if (is(k, 'ip', 'nat', 'outside', 'source')) {
      note(ctx, 'ip nat outside source: translation of the peer side is not modelled', [n.line]);
      continue;
    }
    if (!is(k, 'ip', 'nat', 'inside', 'source')) continue;
    if (k[4] === 'static') {
      const r = staticRule(n, maps, input, ctx);
      if (r) statics.push(r);
      else note(ctx, 'ip nat inside source static: the inside address could not be read', [n.line]);
    } else if ((k[4] === 'list' || k[4] === 'route-map') && n.words[5]) {
      const name = n.words[5];
      const rules =
        k[4] === 'list'
          ? (() => {
              const acl = useAcl(input.acls, name, ctx, 'ip nat inside source');
              return acl ? aclRules(acl, true, [n.line]) : null;
            })()
          : routeMapRules(maps, name, input, ctx, n.line);
      if (rules) dynamics.push(...rules);
      else
        note(ctx, `ip nat inside source uses ${k[4]} ${name}, which is not configured`, [n.line]);
    } else {
      note(ctx, 'ip nat inside source: statement not understood', [n.line]);
      continue;
    }
    use(ctx, n);
  }
  return [...statics, ...dynamics];
}
