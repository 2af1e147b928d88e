/**
 * strongSwan `ipsec.conf` as sections (`config setup`, `conn NAME`, `ca NAME`) of `key=value`
 * parameters, and each `conn` resolved with its inheritance: the conn's own parameters win over
 * those it includes with `also=` (in order), which win over every `conn %default`
 * (ipsec.conf(5), "CONN SECTIONS").
 *
 * Lines of ipsec.secrets pasted into the same text (`… : PSK "…"`) are left to `secrets.ts`.
 * Parameters are normally indented; a paste that lost its indentation still reads, since a
 * `key=value` line always belongs to the section above it.
 */
import { stripComment, unquote } from './values.ts';

/** One `key=value` line. */
export interface Param {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

/** One section. */
export interface Section {
  readonly kind: 'conn' | 'setup' | 'ca';
  readonly name: string;
  readonly line: number;
  readonly params: Param[];
}

/** The sections of an ipsec.conf text, and the lines read as part of them. */
export interface IpsecConf {
  readonly sections: readonly Section[];
  readonly read: ReadonlySet<number>;
}

// "conn net-net", "conn %default", "ca strongswan", "config setup"
const SECTION = /^(conn|ca|config)\s+(\S{1,100})\s*$/;
// "leftsubnet", "rightid", "also", "ike", "esp", "eap_identity", "left-allow-any" (keys)
const KEY = /^[a-z][\w-]{0,63}$/i;
// "include /etc/ipsec.d/*.conf", "version 2"
const OTHER_STATEMENT = /^(include|version)\s/;

/** Reads sections and parameters; `isSecretLine` lines are skipped (left to the secrets reader). */
export function readIpsecConf(text: string, isSecretLine: (line: number) => boolean): IpsecConf {
  const sections: Section[] = [];
  const read = new Set<number>();
  let current: Section | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    if (isSecretLine(lineNo)) continue;
    const body = stripComment(lines[i] ?? '').trim();
    if (body === '') continue;
    const section = SECTION.exec(body);
    if (section) {
      const kind = section[1] === 'config' ? 'setup' : (section[1] as 'conn' | 'ca');
      current = { kind, name: section[2] ?? '', line: lineNo, params: [] };
      sections.push(current);
      read.add(lineNo);
      continue;
    }
    if (OTHER_STATEMENT.test(body)) {
      read.add(lineNo);
      continue;
    }
    const eq = body.indexOf('=');
    const key = eq > 0 ? body.slice(0, eq).trim() : '';
    if (current && KEY.test(key)) {
      current.params.push({
        key: key.toLowerCase(),
        value: unquote(body.slice(eq + 1)),
        line: lineNo,
      });
      read.add(lineNo);
    }
  }
  return { sections, read };
}

/** A conn with its effective parameters (inherited ones included). */
export interface ResolvedConn {
  readonly name: string;
  readonly line: number;
  readonly params: ReadonlyMap<string, Param>;
}

const ALSO_DEPTH = 8;

/** Every `conn` except `%default`, with `%default` and `also=` applied. */
export function resolveConns(conf: IpsecConf): ResolvedConn[] {
  const conns = conf.sections.filter((s) => s.kind === 'conn');
  const byName = new Map(conns.map((c) => [c.name, c]));
  const defaults = conns.filter((c) => c.name === '%default').flatMap((c) => c.params);
  const own = (c: Section, depth: number): Map<string, Param> => {
    const out = new Map<string, Param>();
    for (const p of c.params) {
      if (p.key !== 'also') continue;
      const included = byName.get(p.value);
      if (included && depth < ALSO_DEPTH && included !== c)
        for (const [k, v] of own(included, depth + 1)) out.set(k, v);
    }
    for (const p of c.params) if (p.key !== 'also') out.set(p.key, p);
    return out;
  };
  return conns
    .filter((c) => c.name !== '%default')
    .map((c) => {
      const params = new Map(defaults.map((p) => [p.key, p]));
      for (const [k, v] of own(c, 0)) params.set(k, v);
      return { name: c.name, line: c.line, params };
    });
}

/** Names of conns that other conns include with `also=` (templates). */
export function includedNames(conf: IpsecConf): Set<string> {
  return new Set(
    conf.sections.flatMap((s) => s.params.filter((p) => p.key === 'also').map((p) => p.value)),
  );
}
