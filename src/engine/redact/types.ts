/**
 * The vocabulary of redaction: what kind of thing was removed and what stands in its place.
 */

/** What a removed piece of text was. */
export type RedactionKind =
  | 'pre-shared-key'
  | 'password'
  | 'snmp-community'
  | 'radius-key'
  | 'key-material'
  | 'certificate'
  | 'address'
  | 'hostname'
  | 'other-secret';

/** Kinds that are always removed, whatever the options say. */
export type SecretKind = Exclude<RedactionKind, 'address' | 'hostname'>;

/** Which identifying (not secret) things to mask as well. Secrets are always removed. */
export interface RedactOptions {
  /** Replace IPv4/IPv6 addresses by `<ip-N>` (masks, wildcards and 0.0.0.0 stay). */
  addresses?: boolean;
  /** Replace host names and FQDNs by `<host-N>`. */
  hostnames?: boolean;
}

/** One piece of text that was replaced. */
export interface Redaction {
  /** 1-based line number, the same in the input and the output. */
  line: number;
  /** Column where the removed text started in the ORIGINAL line (0-based, inclusive). */
  start: number;
  /** Column where it ended in the ORIGINAL line (exclusive). */
  end: number;
  kind: RedactionKind;
  /** The text that stands in its place, e.g. `<psk>` or `<ip-1>`. */
  replacement: string;
}

/** The redacted text and what was taken out of it. */
export interface RedactResult {
  text: string;
  redactions: Redaction[];
}

/** A range of one line to replace; the replacement of addresses and host names is numbered later. */
export interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
  /** The original text, for addresses and host names (the key of their numbered placeholder). */
  key?: string;
}

/** The fixed placeholder of each secret kind. */
export const SECRET_PLACEHOLDER: Readonly<Record<SecretKind, string>> = {
  'pre-shared-key': '<psk>',
  password: '<secret>',
  'snmp-community': '<community>',
  'radius-key': '<secret>',
  'key-material': '<key-material>',
  certificate: '<certificate>',
  'other-secret': '<secret>',
};
