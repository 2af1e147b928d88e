/**
 * An ipsec.conf `conn` (resolved with `%default` and `also=`) as a connection spec.
 *
 * Defaults (ipsec.conf(5), strongSwan 5.x) when a parameter is not set: `keyexchange=ike`
 * (initiates IKEv2, accepts IKEv1 and IKEv2 as responder), `authby=pubkey`, `type=tunnel`,
 * `ikelifetime=3h`, `lifetime=1h`, `auto=ignore` (the conn is not loaded), `leftsubnet`/`rightsubnet`
 * = the side's own address. `left` is taken as this host, as the manual recommends.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { ConfigNote } from '../model.ts';
import { readProposalList } from './algorithms.ts';
import type { ChildSpec, ConnSpec, ProposalSpec } from './assemble.ts';
import type { Param, ResolvedConn } from './ipsecconf.ts';
import { protoPort, seconds } from './values.ts';

const IKE_LIFETIME = 10800;
const CHILD_LIFETIME = 3600;

const AUTHBY: Readonly<Record<string, string>> = {
  secret: 'pre-share',
  psk: 'pre-share',
  xauthpsk: 'pre-share',
  rsasig: 'rsa-sig',
  pubkey: 'rsa-sig',
  xauthrsasig: 'rsa-sig',
  ecdsasig: 'ecdsa-sig',
  never: 'none',
};

/** `leftauth=` / `rightauth=` words: `psk`, `pubkey`, `rsa`, `ecdsa`, `eap-…`, `xauth…`. */
function authWord(value: string): string {
  const v = value.toLowerCase();
  if (v === 'psk' || v === 'secret') return 'pre-share';
  if (v === 'pubkey' || v.startsWith('rsa')) return 'rsa-sig';
  if (v.startsWith('ecdsa')) return 'ecdsa-sig';
  if (v.startsWith('eap')) return 'eap';
  return v;
}

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

function versionsOf(p: ReadonlyMap<string, Param>): IkeVersion[] {
  const v = p.get('keyexchange')?.value.toLowerCase();
  if (v === 'ikev1') return ['ikev1'];
  if (v === 'ikev2') return ['ikev2'];
  return ['ikev2', 'ikev1'];
}

function proposalSpec(param: Param | undefined): ProposalSpec | undefined {
  if (!param) return undefined;
  const { proposals, strict } = readProposalList(param.value);
  return { proposals, acceptsDefaults: !strict, line: param.line };
}

/** `leftsubnet` entries, with `leftprotoport` applied to those that name no protocol. */
function selectorTexts(
  p: ReadonlyMap<string, Param>,
  side: 'left' | 'right',
): { texts: string[]; lines: number[] } {
  const subnet = p.get(`${side}subnet`);
  const own = p.get(side);
  const texts = subnet ? list(subnet.value) : ['%dynamic'];
  const protoport = p.get(`${side}protoport`);
  const lines = [subnet?.line, own?.line, protoport?.line].filter(
    (l): l is number => l !== undefined,
  );
  if (!protoport) return { texts, lines };
  const [proto = '', port] = protoport.value.split('/');
  const pp = protoPort(proto, port);
  const suffix = pp.protocol === 'ip' && !pp.port ? '' : `[${pp.protocol}/${pp.port ?? ''}]`;
  return { texts: texts.map((t) => (t.includes('[') ? t : `${t}${suffix}`)), lines };
}

/** The conn as a spec, or null (with a note) when strongSwan would not load it as a tunnel. */
export function connSpec(conn: ResolvedConn, notes: ConfigNote[]): ConnSpec | null {
  const p = conn.params;
  const get = (k: string): string | undefined => p.get(k)?.value;
  const allLines = [...p.values()].map((x) => x.line);
  const type = (get('type') ?? 'tunnel').toLowerCase();
  if (type !== 'tunnel' && type !== 'transport') {
    notes.push({
      message: `conn ${conn.name} is type=${type}, not a tunnel; not compared.`,
      lines: [conn.line],
    });
    return null;
  }
  const auto = get('auto')?.toLowerCase();
  if (auto === 'ignore') {
    notes.push({
      message: `conn ${conn.name} has auto=ignore: strongSwan does not load it.`,
      lines: [conn.line, p.get('auto')?.line ?? conn.line],
    });
    return null;
  }
  if (auto === undefined)
    notes.push({
      message: `conn ${conn.name} sets no auto=: the default (ignore) means strongSwan does not load it; add auto=add, route or start.`,
      lines: [conn.line],
    });
  const versions = versionsOf(p);
  if (versions.length > 1)
    notes.push({
      message: `conn ${conn.name}: keyexchange=${get('keyexchange') ?? '(not set)'} initiates IKEv2 and accepts IKEv1 as responder.`,
      lines: [
        conn.line,
        ...(p.get('keyexchange') ? [p.get('keyexchange')?.line ?? conn.line] : []),
      ],
    });
  if (p.has('ah'))
    notes.push({
      message: `conn ${conn.name} uses AH (ah=), which is not compared.`,
      lines: [p.get('ah')?.line ?? conn.line],
    });
  const authby = AUTHBY[(get('authby') ?? 'pubkey').toLowerCase()];
  const localAuth = get('leftauth') ? authWord(get('leftauth') ?? '') : authby;
  const remoteAuth = get('rightauth') ? authWord(get('rightauth') ?? '') : authby;
  const childLife = seconds(get('lifetime') ?? get('keylife') ?? '') ?? CHILD_LIFETIME;
  const lifeBytes = Number(get('lifebytes') ?? 'NaN');
  const ikeLife = seconds(get('ikelifetime') ?? '');
  const left = selectorTexts(p, 'left');
  const right = selectorTexts(p, 'right');
  const esp = proposalSpec(p.get('esp'));
  const child: ChildSpec = {
    name: conn.name,
    line: conn.line,
    localTs: left.texts,
    remoteTs: right.texts,
    tsLines: [...left.lines, ...right.lines],
    ...(esp ? { esp } : {}),
    mode: type === 'transport' ? 'transport' : 'tunnel',
    lifetimeSeconds: childLife,
    ...(Number.isFinite(lifeBytes) ? { lifetimeKilobytes: Math.floor(lifeBytes / 1024) } : {}),
    lines: ['esp', 'type', 'lifetime', 'keylife', 'lifebytes'].flatMap((k) =>
      p.get(k) ? [p.get(k)?.line ?? 0] : [],
    ),
  };
  const ike = proposalSpec(p.get('ike'));
  const aggressive = get('aggressive')?.toLowerCase();
  const remoteId = get('rightid') ?? get('right');
  return {
    name: conn.name,
    line: conn.line,
    versions,
    ...(ike ? { ike } : {}),
    ikeLifetime: ikeLife ?? IKE_LIFETIME,
    ikeLifetimeDefaulted: ikeLife === null,
    ikeLines: ['keyexchange', 'ikelifetime', 'authby', 'leftauth'].flatMap((k) =>
      p.get(k) ? [p.get(k)?.line ?? 0] : [],
    ),
    localAddrs: list(get('left')),
    remoteAddrs: list(get('right')),
    ...(localAuth ? { localAuth } : {}),
    ...(remoteAuth ? { remoteAuth } : {}),
    ...(remoteId ? { remoteId } : {}),
    idLines: ['rightid', 'right', 'authby', 'leftauth', 'rightauth'].flatMap((k) =>
      p.get(k) ? [p.get(k)?.line ?? 0] : [],
    ),
    ...(aggressive === 'yes'
      ? { aggressive: true }
      : aggressive === 'no'
        ? { aggressive: false }
        : {}),
    children: [child],
    lines: allLines,
  };
}

/** This host's IDs in a conn (`left`, `leftid`), for telling local from peer in secrets. */
export function localIdsOf(conn: ResolvedConn): string[] {
  return ['left', 'leftid'].flatMap((k) => list(conn.params.get(k)?.value));
}
