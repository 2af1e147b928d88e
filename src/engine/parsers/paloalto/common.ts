/**
 * Shared pieces of the Palo Alto PAN-OS parsers: the show-parser shell bound to this platform, and the
 * helpers every family uses (see parse/show.ts).
 */
import type { Parser } from '../../parse/types.ts';
import { showParser as anyShowParser, type ShowSpec } from '../../parse/show.ts';

export {
  ADDR,
  Collector,
  defined,
  MAX_LINE,
  num,
  textOf,
  type Draft,
  type ShowSpec,
} from '../../parse/show.ts';

/** Every fact these parsers emit is from this platform. */
export const PLATFORM = 'paloalto' as const;

/** Builds a `Parser` for this platform from a reader. */
export const showParser = (spec: ShowSpec): Parser => anyShowParser(PLATFORM, spec);
