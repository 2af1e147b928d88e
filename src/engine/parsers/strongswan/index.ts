/** strongSwan and libreswan parsers, most specific first. */
import type { Parser } from '../../parse/types.ts';
import { charonLog } from './charon_log.ts';

/** Every strongSwan / libreswan parser, in registry order. */
export const strongswanParsers: readonly Parser[] = [charonLog];
