/**
 * Cisco IOS / IOS-XE `debug crypto kmi`: the Key Management Interface messages between the IPsec
 * key engine and IKE (KEY_ENG_* from IPsec, KEY_MGR_* from IKE).
 * Source of the sample lines: Troubleshooting IPsec VPNs (Cisco Press, chapter 14), "Key Management
 * Interface Debugging" (sVTI initiator and dVTI responder traces).
 */
import { signal, tableParser, type LineRule } from '../../parse/table.ts';
import { echoRule, withWrappedTails } from './debug_common.ts';

// Who sends or receives: "IPSEC key engine", "Crypto IKEv2", "Crypto ISAKMP" (wrapped anywhere).
const ENDPOINT = String.raw`(?:IPSEC key\s?engine|Crypto IKEv[12]|Crypto ISAKMP|Crypto GDOI|IKEv[12]|ISAKMP)`;

const rules: readonly LineRule[] = [
  echoRule(String.raw`kmi`, 'R1#debug crypto kmi'),
  {
    // One KMI message; the line ends with the other end's name and a full stop.
    name: 'kmi-message',
    sample:
      'KMI: (Session ID: 1) IPSEC key engine sending message KEY_ENG_REQUEST_SAS to Crypto IKEv2.',
    re: new RegExp(
      String.raw`KMI: (?:\(Session ID: (\d+)\) )?(${ENDPOINT}) (sending|received) message\s?(KEY_(?:ENG|MGR)_[A-Z_]{2,60}?)\s?(?:to|from)\s?(${ENDPOINT})\.`,
    ),
    emit: (m) => {
      const message = (m[4] ?? '').replace(/\s/g, '');
      const receiver = m[3] === 'received' ? (m[2] ?? '') : (m[5] ?? '');
      const ikeVersion = /IKEv2/.test(`${m[2] ?? ''} ${m[5] ?? ''}`)
        ? 'ikev2'
        : /ISAKMP|IKEv1/.test(`${m[2] ?? ''} ${m[5] ?? ''}`)
          ? 'ikev1'
          : undefined;
      // IKE asks the key engine to install the negotiated SAs: phase 2 is done. Count it once, on receipt.
      if (message === 'KEY_MGR_CREATE_IPSEC_SAS' && m[3] === 'received' && /IPSEC/.test(receiver))
        return signal({
          signal: 'phase2.complete',
          platform: 'cisco-ios',
          ...(ikeVersion ? { ikeVersion } : {}),
          value: message,
        });
      return null;
    },
  },
  {
    name: 'generic',
    sample: 'KMI: IPSEC key engine sending message KEY_ENG_NOTIFY_INCR_COUNT to',
    re: /^KMI: \S/,
    weak: true,
  },
];

/** `debug crypto kmi` on IOS / IOS-XE. */
export const debugCryptoKmi = withWrappedTails(
  tableParser({
    id: 'cisco-ios-debug-crypto-kmi',
    platform: 'cisco-ios',
    command: 'debug crypto kmi',
    marker: /KMI: .{0,40}(?:sending|received) message/,
    rules,
  }),
);
