/**
 * strongSwan `swanctl.conf`: nested `name { … }` sections of `key = value` settings. Reads
 * `connections { NAME { … children { CHILD { … } } } }` into connection specs and
 * `secrets { ike-NAME { id… = …  secret = … } }` into secret entries.
 *
 * Defaults (swanctl.conf(5), strongSwan 5.8+): `version = 0` (initiates IKEv2, accepts both),
 * `local_addrs`/`remote_addrs = %any`, `proposals = default`, `rekey_time = 4h` (IKE) and `1h`
 * (CHILD, `life_time` 10 % more), `esp_proposals = default` (no DH group: PFS off), `mode = tunnel`,
 * `local_ts`/`remote_ts = dynamic`. Unlike ipsec.conf, a list is strict unless it names `default`.
 */
import type { IkeVersion } from '../../../knowledge/schema.ts';
import type { ConfigNote } from '../model.ts';
import { readSwanProposal } from './algorithms.ts';
import type { ChildSpec, ConnSpec, ProposalSpec } from './assemble.ts';
import type { SecretEntry } from './secrets.ts';
import { seconds, stripComment, unquote } from './values.ts';

/** A section with its settings. */
export interface SwNode {
  readonly name: string;
  readonly line: number;
  endLine: number;
  readonly values: Map<string, { value: string; line: number }>;
  readonly children: SwNode[];
}

/** The top-level sections and the lines read. */
export interface SwanctlConf {
  readonly roots: readonly SwNode[];
  readonly read: ReadonlySet<number>;
}

// "gw-gw {", "children {", "local-1 {"
const OPEN = /^([\w.%-]{1,100})\s*\{$/;
// "local_addrs = 192.0.2.1", "secret = 0sv+Nkx…" (the key part; the value is what follows `=`)
const SETTING_KEY = /^[\w.-]{1,64}$/;

/** Reads the section tree; lines that are not swanctl syntax are left unread. */
export function readSwanctl(text: string): SwanctlConf {
  const roots: SwNode[] = [];
  const stack: SwNode[] = [];
  const read = new Set<number>();
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const lineNo = i + 1;
    const body = stripComment(raw).trim();
    if (body === '') return;
    const open = OPEN.exec(body);
    if (open) {
      const node: SwNode = {
        name: open[1] ?? '',
        line: lineNo,
        endLine: lineNo,
        values: new Map(),
        children: [],
      };
      (stack[stack.length - 1]?.children ?? roots).push(node);
      stack.push(node);
      read.add(lineNo);
    } else if (body === '}' && stack.length > 0) {
      const node = stack.pop();
      if (node) node.endLine = lineNo;
      read.add(lineNo);
    } else if (stack.length > 0) {
      const eq = body.indexOf('=');
      const key = eq > 0 ? body.slice(0, eq).trim() : '';
      const value = body.slice(eq + 1).trim();
      if (!SETTING_KEY.test(key) || value === '') return;
      stack[stack.length - 1]?.values.set(key.toLowerCase(), {
        value: unquote(value),
        line: lineNo,
      });
      read.add(lineNo);
    }
  });
  return { roots, read };
}

const child = (n: SwNode, name: string): SwNode | undefined =>
  n.children.find((c) => c.name === name);
const csv = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

const AUTH: Readonly<Record<string, string>> = { psk: 'pre-share', pubkey: 'rsa-sig' };
const authWord = (v: string | undefined): string | undefined =>
  v === undefined
    ? undefined
    : (AUTH[v.toLowerCase()] ?? (v.toLowerCase().startsWith('eap') ? 'eap' : v.toLowerCase()));

/** A `proposals` / `esp_proposals` value; absent or only `default` → undefined (defaults only). */
function proposals(setting: { value: string; line: number } | undefined): ProposalSpec | undefined {
  if (!setting) return undefined;
  const words = csv(setting.value);
  const explicit = words.filter((w) => w.toLowerCase() !== 'default');
  if (explicit.length === 0) return undefined;
  return {
    proposals: explicit.map(readSwanProposal),
    acceptsDefaults: explicit.length < words.length,
    line: setting.line,
  };
}

function versionsOf(v: string | undefined): IkeVersion[] {
  if (v === '1') return ['ikev1'];
  if (v === '2') return ['ikev2'];
  return ['ikev2', 'ikev1'];
}

function childSpec(conn: SwNode, c: SwNode, notes: ConfigNote[]): ChildSpec | null {
  const v = (k: string): string | undefined => c.values.get(k)?.value;
  const mode = (v('mode') ?? 'tunnel').toLowerCase();
  const name = `${conn.name}/${c.name}`;
  if (mode !== 'tunnel' && mode !== 'transport') {
    notes.push({
      message: `Child ${name} is mode = ${mode}, not a tunnel; not compared.`,
      lines: [c.line],
    });
    return null;
  }
  const rekey = seconds(v('rekey_time') ?? '') ?? 3600;
  const life = seconds(v('life_time') ?? '') ?? Math.round(rekey * 1.1);
  const esp = proposals(c.values.get('esp_proposals'));
  if (c.values.has('ah_proposals'))
    notes.push({
      message: `Child ${name} uses AH (ah_proposals), which is not compared.`,
      lines: [c.values.get('ah_proposals')?.line ?? c.line],
    });
  const tsLines = ['local_ts', 'remote_ts'].flatMap((k) =>
    c.values.has(k) ? [c.values.get(k)?.line ?? 0] : [],
  );
  return {
    name,
    line: c.line,
    localTs: csv(v('local_ts') ?? 'dynamic'),
    remoteTs: csv(v('remote_ts') ?? 'dynamic'),
    tsLines,
    ...(esp ? { esp } : {}),
    mode,
    lifetimeSeconds: life,
    lines: [...c.values.values()].map((x) => x.line),
  };
}

/** One `connections { NAME { … } }` entry as a spec. */
function connectionSpec(conn: SwNode, notes: ConfigNote[]): ConnSpec {
  const v = (k: string): string | undefined => conn.values.get(k)?.value;
  const local = conn.children.find((c) => c.name.startsWith('local'));
  const remote = conn.children.find((c) => c.name.startsWith('remote'));
  const versions = versionsOf(v('version'));
  if (versions.length > 1)
    notes.push({
      message: `Connection ${conn.name}: version ${v('version') ?? '(not set)'} initiates IKEv2 and accepts IKEv1 as responder.`,
      lines: [conn.values.get('version')?.line ?? conn.line],
    });
  const ike = proposals(conn.values.get('proposals'));
  const ikeLife = seconds(v('rekey_time') ?? '');
  const children = (child(conn, 'children')?.children ?? []).flatMap(
    (c) => childSpec(conn, c, notes) ?? [],
  );
  const localAuth = authWord(local?.values.get('auth')?.value);
  const remoteAuth = authWord(remote?.values.get('auth')?.value);
  const remoteId = remote?.values.get('id')?.value ?? csv(v('remote_addrs'))[0];
  const aggressive = v('aggressive')?.toLowerCase();
  const idLines = [local, remote].flatMap((n) =>
    n ? [...n.values.values()].map((x) => x.line) : [],
  );
  return {
    name: conn.name,
    line: conn.line,
    versions,
    ...(ike ? { ike } : {}),
    ikeLifetime: ikeLife ?? 14400,
    ikeLifetimeDefaulted: ikeLife === null,
    ikeLines: ['version', 'rekey_time'].flatMap((k) =>
      conn.values.has(k) ? [conn.values.get(k)?.line ?? 0] : [],
    ),
    localAddrs: csv(v('local_addrs') ?? '%any'),
    remoteAddrs: csv(v('remote_addrs') ?? '%any'),
    ...(localAuth ? { localAuth } : {}),
    ...(remoteAuth ? { remoteAuth } : {}),
    ...(remoteId ? { remoteId } : {}),
    idLines,
    ...(aggressive === 'yes'
      ? { aggressive: true }
      : aggressive === 'no'
        ? { aggressive: false }
        : {}),
    children,
    lines: [...conn.values.values()].map((x) => x.line).concat(idLines),
  };
}

/** All connections of a swanctl.conf. */
export function swanctlConns(conf: SwanctlConf, notes: ConfigNote[]): ConnSpec[] {
  return conf.roots
    .filter((r) => r.name === 'connections')
    .flatMap((r) => r.children)
    .map((c) => connectionSpec(c, notes));
}

/** This host's IDs (`local_addrs`, `local { id }`), for telling local from peer in secrets. */
export function swanctlLocalIds(conf: SwanctlConf): string[] {
  return conf.roots
    .filter((r) => r.name === 'connections')
    .flatMap((r) => r.children)
    .flatMap((c) => [
      ...csv(c.values.get('local_addrs')?.value),
      ...c.children
        .filter((n) => n.name.startsWith('local'))
        .flatMap((n) => csv(n.values.get('id')?.value)),
    ]);
}

/** The `secrets { }` entries; `ike-…` ones are PSKs, the others are typed by their prefix. */
export function swanctlSecrets(conf: SwanctlConf): SecretEntry[] {
  return conf.roots
    .filter((r) => r.name === 'secrets')
    .flatMap((r) => r.children)
    .map((s) => {
      const prefix = s.name.split('-')[0]?.toUpperCase() ?? '';
      const ids = [...s.values.entries()]
        .filter(([k]) => k === 'id' || k.startsWith('id-'))
        .map(([, x]) => x.value);
      const secret = s.values.get('secret');
      return {
        ids,
        type: prefix === 'IKE' ? 'PSK' : prefix,
        // The value is unquoted by the reader; re-quote plain text so 0x/0s detection stays exact.
        written: secret ? (/^0[xs]/i.test(secret.value) ? secret.value : `"${secret.value}"`) : '',
        section: s.name,
        lines: [s.line, ...[...s.values.values()].map((x) => x.line)],
      };
    });
}
