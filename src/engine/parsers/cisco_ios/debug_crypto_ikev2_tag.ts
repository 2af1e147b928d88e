/** What every IOS `debug crypto ikev2` rule shares: the message tag and the fact origin. */

// Every message carries a session/SA tag: "IKEv2:(SESSION ID = 1,SA ID = 1):", "IKEv2-PAK:(SA ID = 1):" …
/** The session/SA tag in front of every message. */
export const TAG = String.raw`IKEv2(?:-[A-Z]+)?:(?:\((?:SESSION ID = \d+,)?\s?SA ID = \d+\):)?\s*`;
/** Platform and version of every fact this parser emits. */
export const IKEV2 = { platform: 'cisco-ios', ikeVersion: 'ikev2' } as const;
