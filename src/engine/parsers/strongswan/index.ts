/** strongSwan and libreswan parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { charonLog } from './charon_log.ts';
import { ipsecStatusall } from './ipsec_statusall.ts';
import { plutoLog } from './pluto_log.ts';
import { swanctlListSas } from './swanctl_list_sas.ts';

/** Every strongSwan / libreswan parser, in registry order: status tables first, then logs. */
export const strongswanParsers: readonly Parser[] = [
  ipsecStatusall,
  swanctlListSas,
  charonLog,
  plutoLog,
];
