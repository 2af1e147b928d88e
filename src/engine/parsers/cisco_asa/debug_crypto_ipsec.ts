/**
 * Cisco ASA / FTD `debug crypto ipsec`: `IPSEC: …` and `IPSEC DEBUG: …` lines, with the indented
 * block that follows `New embryonic SA created`.
 * Source: PeteNetLive "Cisco ASA: Received a DELETE PFKey message from IKE" (seed 000).
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { PLATFORM } from './common.ts';

const TAG = String.raw`IPSEC(?: DEBUG| ERROR)?:\s*`;

const rules: readonly LineRule[] = [
  {
    name: 'embryonic-state',
    sample: 'IPSEC DEBUG: Inbound SA (SPI 0x00000000) state change from inactive to embryonic',
    re: new RegExp(
      String.raw`${TAG}(Inbound|Outbound) SA \(SPI (0x[0-9A-Fa-f]+)\) state change from (\w+) to (\w+)`,
    ),
    emit: (m, { memory }) => {
      if (m[4] === 'embryonic') memory.set('embryonic', 'yes');
      if (m[4] === 'active') memory.delete('embryonic');
      return null;
    },
  },
  {
    name: 'embryonic-created',
    sample: 'IPSEC: New embryonic SA created @ 0x00007fc98613ea60,',
    re: new RegExp(String.raw`${TAG}New embryonic SA created`),
    emit: (_m, { memory }) => {
      memory.set('embryonic', 'yes');
      return null;
    },
  },
  {
    name: 'delete-pfkey',
    sample:
      'IPSEC DEBUG: Received a DELETE PFKey message from IKE for an inbound SA (SPI 0x3B5A332E)',
    re: new RegExp(
      String.raw`${TAG}Received a DELETE PFKey message from IKE for an? (inbound|outbound) SA \(SPI (0x[0-9A-Fa-f]+)\)`,
    ),
    emit: (m, { memory }) => {
      if (memory.get('embryonic') !== 'yes' || m[1] !== 'inbound') return null;
      memory.set('reported', m[2] ?? '');
      return signal({
        signal: 'ipsec.embryonic-deleted',
        platform: PLATFORM,
        value: `SPI ${m[2] ?? ''}`,
      });
    },
  },
  {
    // Without the creation lines, the destroy line still proves the SA was embryonic.
    name: 'destroy-embryonic',
    sample: 'IPSEC DEBUG: Inbound SA (SPI 0x3B5A332E) destroy started, state embryonic',
    re: new RegExp(
      String.raw`${TAG}Inbound SA \(SPI (0x[0-9A-Fa-f]+)\) (?:destroy|free) started, state embryonic`,
    ),
    emit: (m, { memory }) => {
      if (memory.get('reported') === m[1]) return null;
      memory.set('reported', m[1] ?? '');
      return signal({
        signal: 'ipsec.embryonic-deleted',
        platform: PLATFORM,
        value: `SPI ${m[1] ?? ''}`,
      });
    },
  },
  {
    name: 'sa-block',
    sample: '    SPI      : 0x3B5A332E',
    re: /^\s*(?:SCB: 0x[0-9A-Fa-f]+,|Direction: (?:inbound|outbound)|SPI\s*: 0x[0-9A-Fa-f]+|Session ID: 0x[0-9A-Fa-f]+|VPIF num\s*: 0x[0-9A-Fa-f]+|Tunnel type: (?:l2l|ra|\w{1,10})|Protocol\s*: (?:esp|ah)|Lifetime\s*: \d+ (?:seconds|kilobytes))\s*$/,
  },
  {
    name: 'generic',
    sample: 'IPSEC: Received a PFKey message from IKE',
    re: new RegExp(String.raw`^\s*${TAG}\S`),
    weak: true,
  },
];

/** `debug crypto ipsec` on ASA / FTD. */
export const debugCryptoIpsec = tableParser({
  id: 'cisco-asa-debug-crypto-ipsec',
  platform: 'cisco-asa',
  command: 'debug crypto ipsec',
  marker:
    /IPSEC(?: DEBUG)?: (?:Received a (?:DELETE )?PFKey|New embryonic SA|Creating IPsec SA|Completed|Inbound SA|Outbound SA|Destroy|Getting the inbound SPI|Parsing PFKey)/,
  rules,
});
