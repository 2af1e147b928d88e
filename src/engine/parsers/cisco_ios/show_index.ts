/** IOS / IOS-XE `show` command parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';

/** Show-command parsers, in registry order. */
export const ciscoIosShowParsers: readonly Parser[] = [];
