/**
 * Cisco IOS / IOS-XE `debug crypto ipsec`: proposal validation, SA requests and creation, crypto
 * map database lookups. Sources of the sample lines: IPsec multiple keyrings with ISAKMP profiles
 * (profile mismatch on the responder); Troubleshooting IPsec VPNs (Cisco Press, chapter 14);
 * Cisco IOS `debug crypto ipsec` output as printed by 12.4–15.x.
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { echoRule, ADDR, stripPort, withWrappedTails } from './debug_common.ts';

const P = { platform: 'cisco-ios' } as const;
// "local_proxy= 192.168.0.2/255.255.255.255/47/0" or with "(type=4)" after it.
const PROXY = String.raw`([0-9A-Fa-f.:x]{2,45}/[0-9A-Fa-f.:x]{1,45}/\d{1,3}/\d{1,5})`;

const proxies = (memory: Map<string, string>): string | undefined => {
  const l = memory.get('localProxy');
  const r = memory.get('remoteProxy');
  return l && r ? `local ${l} remote ${r}` : undefined;
};

const rules: readonly LineRule[] = [
  echoRule(String.raw`(?:ipsec|ips)`, 'R1#debug crypto ipsec'),
  {
    name: 'validate-proposal',
    sample: 'IPSEC(validate_proposal_request): proposal part #1',
    re: /IPSEC\(validate_proposal_request\): proposal part #\d+/,
    emit: (_m, { memory }) => {
      memory.set('role', 'responder');
      return null;
    },
  },
  {
    name: 'sa-request',
    sample: 'IPSEC(sa_request): ,',
    re: /IPSEC\(sa_request\):/,
    emit: (_m, { memory }) => {
      memory.set('role', 'initiator');
      return null;
    },
  },
  {
    // The key engine message that carries a proposal; the fields often continue on the next lines.
    name: 'key-eng-msg',
    sample: '(key eng. msg.) INBOUND local= 192.168.0.2:0, remote= 192.168.0.1:0,',
    re: new RegExp(
      String.raw`\(key eng\. msg\.\) (INBOUND|OUTBOUND) local= ${ADDR}(?::\d+)?, remote= ${ADDR}`,
    ),
    emit: (m, { memory }) => {
      memory.set('local', stripPort(m[2] ?? ''));
      memory.set('peer', stripPort(m[3] ?? ''));
      return null;
    },
  },
  {
    name: 'local-proxy',
    sample: 'local_proxy= 192.168.0.2/255.255.255.255/47/0,',
    re: new RegExp(String.raw`local_proxy= ${PROXY}`),
    emit: (m, { memory }) => {
      memory.set('localProxy', m[1] ?? '');
      return null;
    },
  },
  {
    name: 'remote-proxy',
    sample: 'remote_proxy= 192.168.0.1/255.255.255.255/47/0,',
    re: new RegExp(String.raw`remote_proxy= ${PROXY}`),
    emit: (m, { memory }) => {
      memory.set('remoteProxy', m[1] ?? '');
      return null;
    },
  },
  {
    name: 'protocol-transform',
    sample: 'protocol= ESP, transform= NONE (Tunnel),',
    re: /protocol= (ESP|AH|PCP), transform= ([\w -]{1,80}?) ?\((Tunnel|Transport)[\w ,-]{0,30}\)/,
    emit: (m, { memory }) => {
      memory.set('transform', (m[2] ?? '').trim());
      return null;
    },
  },
  { name: 'lifedur', sample: 'lifedur= 0s and 0kb,', re: /lifedur= ?\d+s and \d+kb/ },
  {
    name: 'spi-conn',
    sample: 'spi= 0x0(0), conn_id= 0, keysize= 128, flags= 0x0',
    re: /spi= ?0x[0-9A-Fa-f]+\(\d+\), conn_id= ?\d+/,
  },
  // ---- Crypto map database
  {
    // The responder picked an ISAKMP profile that this crypto map / IPsec profile does not use.
    name: 'profile-no-match',
    sample: 'map_db_check_isakmp_profile profile did not match',
    re: /map_db_check_isakmp_profile profile did not match/,
    emit: (_m, { memory }) => {
      const peer = memory.get('peer');
      return signal({ signal: 'ipsec.profile-mismatch', ...P, ...(peer ? { peer } : {}) });
    },
  },
  {
    name: 'find-best',
    sample: 'map_db_find_best did not find matching map',
    re: /map_db_find_best (?:did not find matching map|found match)/,
  },
  { name: 'mapdb-proxy', sample: 'Crypto mapdb : proxy_match', re: /Crypto mapdb ?: ?proxy_match/ },
  {
    name: 'mapdb-field',
    sample: 'src addr : 192.168.0.2',
    re: /^\s*(?:src|dst) (?:addr|port) {0,8}: \S|^\s*protocol {0,8}: \d+\s*$/,
  },
  // ---- Failures
  {
    name: 'proxy-unsupported',
    sample: 'IPSEC(ipsec_process_proposal): proxy identities not supported',
    re: /proxy identities not\s?supported/,
    emit: (_m, { memory }) => {
      const peer = memory.get('peer');
      const value = proxies(memory);
      return signal({
        signal: 'ipsec.proxy-unsupported',
        ...P,
        ...(peer ? { peer } : {}),
        ...(value ? { value } : {}),
      });
    },
  },
  {
    name: 'transform-unsupported',
    sample: 'IPSEC(validate_transform_proposal): transform proposal not supported for identity:',
    re: /transform proposal (?:\(prot \d+, trans \d+, hmac_alg \d+\) )?not supported(?: for identity:?)?/,
    emit: (_m, { memory }) => {
      const peer = memory.get('peer');
      const value = proxies(memory) ?? memory.get('transform');
      return signal({
        signal: 'ipsec.proposal-no-match',
        ...P,
        ...(peer ? { peer } : {}),
        ...(value ? { value } : {}),
      });
    },
  },
  {
    name: 'attribute-unsupported',
    sample: 'IPSEC(validate_proposal): invalid local address 10.1.1.1',
    re: /IPSEC\(validate_proposal\): (invalid local address|peer address \S+ not found|transform [\w-]+ not supported)/,
  },
  {
    name: 'acl-deny',
    sample: 'IPSEC(sa_initiate): ACL = deny; no sa created',
    re: /ACL = deny; no sa created/,
  },
  // ---- Success
  {
    // An SA was installed: phase 2 is complete (IOS prints one line per direction).
    name: 'create-sa',
    sample:
      'IPSEC(create_sa): sa created, (sa) sa_dest= 10.1.1.2, sa_proto= 50, sa_spi= 0x5C1A2B3C(1545219900), sa_trans= esp-aes esp-sha-hmac , sa_conn_id= 2001',
    re: new RegExp(String.raw`IPSEC\(create_sa\): sa created,?(?:\s?\(sa\) sa_dest= ${ADDR})?`),
    emit: (m, { memory }) => {
      const peer = m[1] ?? memory.get('peer');
      return signal({ signal: 'phase2.complete', ...P, ...(peer ? { peer } : {}) });
    },
  },
  {
    name: 'sa-fields',
    sample: '(sa) sa_dest= 10.1.1.2, sa_proto= 50,',
    re: /^\s*(?:\(sa\) sa_dest= ?\S+|sa_spi= ?0x[0-9A-Fa-f]+|sa_trans= ?[\w -]+|sa_proto= ?\d+)/,
  },
  {
    name: 'outbound-updated',
    sample:
      'IPSEC(update_current_outbound_sa): updated peer 10.1.1.2 current outbound sa to SPI 5C1A2B3C',
    re: new RegExp(String.raw`updated peer ${ADDR} current outbound sa to SPI ([0-9A-Fa-f]+)`),
  },
  {
    name: 'generic',
    sample: 'IPSEC(key_engine): got a queue event with 1 KMI message(s)',
    re: /^IPSEC ?(?:\([\w.-]{1,60}\)|:\(SESSION ID = \d+\)|:)/,
    weak: true,
  },
];

/** `debug crypto ipsec` on IOS / IOS-XE. */
export const debugCryptoIpsec = withWrappedTails(
  tableParser({
    id: 'cisco-ios-debug-crypto-ipsec',
    platform: 'cisco-ios',
    command: 'debug crypto ipsec',
    marker: /IPSEC ?\([a-z_]+\)|map_db_|Crypto mapdb|\(key eng\. msg\.\)/,
    rules,
  }),
);
