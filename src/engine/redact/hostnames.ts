/**
 * Host names for the optional host-name mask. Two sources:
 *
 * - names the text declares or shows: `hostname R1`, FortiGate `set hostname`, Junos
 *   `host-name`, PAN-OS `<hostname>`, prompts (`R1#`, `ciscoasa(config)#`, `admin@PA-VM>`,
 *   `FGT-HQ #`), the host field of syslog lines, and IKE identities (`match identity host`,
 *   `identity local fqdn`, `… key … hostname X`, `leftid=@vpn.example.com`, FortiGate
 *   `set peerid`/`set localid`, Junos `local-identity hostname`) — these are then masked
 *   wherever they appear as a whole word;
 * - fully qualified names anywhere, recognised by form (`flexclient.cisco.com`), except file
 *   names (`moonKey.pem`, `ipsec.secrets`).
 */
import type { Span } from './types.ts';

// Each expression captures the name in group 1.
const DECLARATIONS: readonly RegExp[] = [
  // IOS/ASA "hostname R1"; FortiGate "set hostname \"FGT-HQ\""; PAN-OS "set deviceconfig system hostname PA-VM"
  /^(?:set\s+(?:deviceconfig\s+system\s+)?)?hostname\s+"?([^\s";]{1,253})/i,
  // Junos "host-name srx-hq;", "set system host-name srx-hq"
  /(?:^|\s)host-name\s+"?([^\s";]{1,253})/i,
  // PAN-OS XML "<hostname>PA-VM</hostname>"
  /<hostname>([^<\s]{1,253})<\/hostname>/i,
  // ASA "domain-name example.com", IOS "ip domain name example.com" / "ip domain-name example.com"
  /^(?:ip\s+domain[\s-]name|domain-name)\s+(?:vrf\s+\S+\s+)?([^\s";]{1,253})/i,
  // IOS "match identity host r2.example.com", IKEv2 "identity local fqdn r1.example.com",
  // "match identity remote fqdn domain example.com"
  /^(?:match\s+)?identity\s+(?:(?:local|remote)\s+)?(?:host|fqdn)\s+(?:domain\s+)?([^\s";]{1,253})/i,
  // "crypto isakmp key cisco hostname r2.example.com", "pre-shared-key hostname r2.example.com key …"
  /(?:^|\s)(?:key\s+\S+|pre-shared-key)\s+hostname\s+([^\s";]{1,253})/i,
  // strongSwan "leftid=@vpn.example.com", "rightid=@@peer", swanctl "id = @branch"
  /(?:^|\s)(?:left|right)?id\s*=\s*"?@{1,2}#?([^\s"@]{1,253})/i,
  // FortiGate "set peerid \"branch01.example.net\"", "set localid \"hq.example.net\""
  /^set\s+(?:peerid|localid)\s+"?([^\s"]{1,253})/i,
  // Junos "local-identity hostname vpn.example.com;", "remote-identity hostname peer.example.com"
  /(?:local|remote)-identity\s+hostname\s+"?([^\s";]{1,253})/i,
];

// Prompts: "R1#show run", "ciscoasa(config)# ", "FGT-HQ (phase1-interface) # ", "R1>", "admin@PA-VM> ",
// "user@srx-hq# ", "root@moon:~# "
const PROMPT_NAME =
  /^(?:[\w.-]{1,32}@)?([A-Za-z][\w.-]{0,62})(?::[~\w./-]{0,200}[#$]|(?: ?\([\w./:-]{0,48}\))? ?[#>])(?:$|[ \t]|[a-z])/;
// Syslog host field before an IKE daemon: "Mar 14 10:28:49 moon charon: 09[IKE] …",
// "2024-05-02T14:11:07.120451+02:00 sun charon[1187]: …", "May  2 14:11:07 moon charon-systemd[902]: …"
const SYSLOG_HOST =
  /^(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T[\d:.+Z-]{8,40}) ([\w.-]{1,63}) (?:charon|charon-systemd|pluto|ipsec|ipsec_starter|iked|kmd|racoon|strongswan)\b/;

/** The host names a line declares or shows, as written. */
export function declaredNames(line: string, statement: string): string[] {
  const out: string[] = [];
  for (const re of DECLARATIONS) {
    const m = re.exec(statement);
    if (m?.[1]) out.push(m[1]);
  }
  const prompt = PROMPT_NAME.exec(line);
  if (prompt?.[1]) out.push(prompt[1]);
  const syslog = SYSLOG_HOST.exec(line);
  if (syslog?.[1]) out.push(syslog[1]);
  return out.map(trimName).filter(usableName);
}

function trimName(name: string): string {
  return name.replace(/[.,;:]+$/, '');
}

// Things that look like names but are not host names: addresses, placeholders, numbers,
// strongSwan's %any, and commands whose value starts with "#" or ">" (`passwd #x` is no prompt).
const NOT_A_NAME =
  /^(?:[\d.:]+|<.*>|%.*|any|default|none|key|passwd|password|secret|community|name|set|enable|username|show|config|edit|next|end)$/i;

function usableName(name: string): boolean {
  return name.length >= 2 && !NOT_A_NAME.test(name) && !name.includes('/');
}

// A fully qualified name: "vpn.example.com", "flexclient.cisco.com", "sun.strongswan.org"
const FQDN =
  /(?<![\w.-])(?:[A-Za-z0-9][A-Za-z0-9-]{0,62}\.){1,8}([A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g;
const COMMON_TLDS = new Set(
  (
    'com net org edu gov mil int info biz io co uk de fr nl ch at be it es se no dk fi pl cz ru cn jp ' +
    'kr in au ca us eu br mx nz ie pt za local lan corp internal intra home example test invalid ' +
    'localdomain arpa cloud online site tech xyz me tv cc'
  ).split(' '),
);
const FILE_EXTENSIONS = new Set(
  (
    'pem crt cer der key p12 pfx csr conf cfg log txt bin pkg img xml json yaml yml ini secrets md ' +
    'html htm c h py sh exe zip gz tgz tar lic rsa pub so ko'
  ).split(' '),
);

/** Fully qualified names on a line, recognised by their form. */
export function fqdnSpans(line: string): Span[] {
  const out: Span[] = [];
  if (!line.includes('.')) return out;
  for (const m of line.matchAll(FQDN)) {
    const tld = (m[1] ?? '').toLowerCase();
    const labels = m[0].split('.').length;
    if (FILE_EXTENSIONS.has(tld)) continue;
    if (!COMMON_TLDS.has(tld) && labels < 3) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: 'hostname',
      key: m[0].toLowerCase(),
    });
  }
  return out;
}

const NAME_CHAR = /[\w-]/;

/** Every whole-word occurrence of the known names on a line (a name inside a longer dotted name is not one). */
export function knownNameSpans(line: string, names: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const name of names) {
    for (let i = line.indexOf(name); i >= 0; i = line.indexOf(name, i + 1)) {
      const end = i + name.length;
      const before = line.charAt(i - 1);
      const after = line.charAt(end);
      if (NAME_CHAR.test(before) || NAME_CHAR.test(after)) continue;
      if (
        (before === '.' && NAME_CHAR.test(line.charAt(i - 2))) ||
        (after === '.' && NAME_CHAR.test(line.charAt(end + 1)))
      )
        continue;
      out.push({ start: i, end, kind: 'hostname', key: hostKey(name) });
    }
  }
  return out;
}

/** The placeholder key of a host name: FQDNs ignore case, single labels keep it. */
export function hostKey(name: string): string {
  return name.includes('.') ? name.toLowerCase() : name;
}
