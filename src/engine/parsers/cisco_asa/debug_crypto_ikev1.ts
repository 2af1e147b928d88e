/**
 * Cisco ASA / FTD `debug crypto ikev1` (also `debug crypto isakmp` on older releases):
 * `Apr 01 14:48:48 [IKEv1]: IP = 10.0.0.2, …` and `[IKEv1 DEBUG]` / `[IKEv1 DECODE]` lines.
 */
import { tableParser } from '../../parse/table.ts';
import { ikev1Rules } from './ikev1_messages.ts';

// "[IKEv1]", "[IKEv1 DEBUG]:", "[IKEv1 DECODE]" (the colon after the bracket comes and goes by release).
const TAG = String.raw`\[IKEv1(?: DEBUG| DECODE)?\]:?\s*`;

/** `debug crypto ikev1` on ASA / FTD. */
export const debugCryptoIkev1 = tableParser({
  id: 'cisco-asa-debug-crypto-ikev1',
  platform: 'cisco-asa',
  command: 'debug crypto ikev1',
  marker: /\[IKEv1(?: DEBUG| DECODE)?\]/,
  rules: ikev1Rules(TAG, '[IKEv1]: ', ''),
});
