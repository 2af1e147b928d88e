/**
 * Global crypto settings the model has no field for but a troubleshooter needs to see: they
 * become notes. Source: Cisco ASA command reference (`crypto ikev1 am-disable`,
 * `crypto isakmp identity`, `crypto isakmp nat-traversal`); seed 001 (an ASA that must identify
 * itself by address).
 */
import { note, type Reader, startsWith, word } from './text.ts';

/** Notes for `am-disable`, a non-address IKE identity and NAT-T switched off. */
export function globalNotes(r: Reader): void {
  for (const s of r.top) {
    const negated = startsWith(s, 'no');
    const at = negated ? 1 : 0;
    // "crypto ikev1 am-disable", 8.2 "crypto isakmp am-disable", PIX "isakmp am-disable"
    const crypto = word(s, at) === 'crypto';
    const kind = word(s, crypto ? at + 1 : at);
    if (kind !== 'ikev1' && kind !== 'isakmp') continue;
    if (!crypto && kind !== 'isakmp') continue;
    const what = word(s, crypto ? at + 2 : at + 1);
    const value = word(s, crypto ? at + 3 : at + 2);
    if (what === 'am-disable' && !negated) {
      note(r, 'inbound IKEv1 aggressive mode is disabled (am-disable)', [s.line]);
    } else if (what === 'identity' && !negated && value !== 'address' && value !== 'auto') {
      note(r, `the ASA sends its ${value || 'configured'} as IKE identity, not its address`, [
        s.line,
      ]);
    } else if (what === 'nat-traversal' && negated) {
      note(r, 'NAT traversal is disabled for IKEv1', [s.line]);
    }
  }
}
