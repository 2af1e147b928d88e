/**
 * The parser registry: an ordered table, most specific first. When two parsers
 * claim the same line, the earlier one names its format.
 */
import type { Parser } from '../parse/types.ts';
import { ciscoAsaParsers } from './cisco_asa/index.ts';
import { ciscoIosParsers } from './cisco_ios/index.ts';
import { fortinetParsers } from './fortinet/index.ts';
import { juniperParsers } from './juniper/index.ts';
import { paloaltoParsers } from './paloalto/index.ts';
import { strongswanParsers } from './strongswan/index.ts';

/** Every parser, in the order they are tried. */
export const PARSERS: readonly Parser[] = [
  ...ciscoAsaParsers,
  ...ciscoIosParsers,
  ...fortinetParsers,
  ...strongswanParsers,
  ...juniperParsers,
  ...paloaltoParsers,
];
