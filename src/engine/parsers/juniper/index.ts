/** Juniper SRX parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';

/** Every Juniper SRX parser, in registry order. */
export const juniperParsers: readonly Parser[] = [];
