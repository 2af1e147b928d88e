/** FortiGate parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';

/** Every FortiGate parser, in registry order. */
export const fortinetParsers: readonly Parser[] = [];
