/**
 * Shared pieces of the Juniper SRX (Junos) parsers: the show-parser shell bound to this platform, and the
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
export const PLATFORM = 'juniper-srx' as const;

/** Builds a `Parser` for this platform from a reader. */
export const showParser = (spec: ShowSpec): Parser => anyShowParser(PLATFORM, spec);

// SRX chassis cluster banner printed above every prompt: "{primary:node0}".
const CLUSTER_BANNER =
  /^\s*\{(?:primary|secondary|hold|disabled|ineligible|lost|secondary-hold):node\d\}\s*$/;

/** True for the `{primary:node0}` line a clustered SRX prints before its prompt. */
export const isClusterBanner = (text: string): boolean =>
  text.length < 80 && CLUSTER_BANNER.test(text);
