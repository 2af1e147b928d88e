/** Cisco ASA parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';

/** Every ASA parser, in registry order. */
export const ciscoAsaParsers: readonly Parser[] = [];
