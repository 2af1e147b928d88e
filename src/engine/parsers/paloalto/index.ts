/** Palo Alto PAN-OS parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';

/** Every PAN-OS parser, in registry order. */
export const paloaltoParsers: readonly Parser[] = [];
