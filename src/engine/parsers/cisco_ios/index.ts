/** Cisco IOS / IOS-XE parsers: show commands first (their tables are the most specific), then debug and syslog. */
import type { Parser } from '../../parse/types.ts';
import { ciscoIosDebugParsers } from './debug_index.ts';
import { ciscoIosShowParsers } from './show_index.ts';

/** Every IOS / IOS-XE parser, in registry order. */
export const ciscoIosParsers: readonly Parser[] = [...ciscoIosShowParsers, ...ciscoIosDebugParsers];
