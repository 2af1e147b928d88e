/**
 * A paste too big for the text box. Chromium takes about 4 s to insert 10 MB into a textarea and
 * then 0.2–0.7 s for every later frame (layout, paint, and saving the form's state on each
 * navigation), so above a size the box shows the start of the paste, read-only, while the whole
 * text stays in the store and goes to the worker.
 */
import { lineIndex } from '../../engine/parse/lineIndex.ts';

/** Above this many characters the box shows only the start of the paste (about 2,000 debug lines). */
export const LARGE_PASTE_CHARS = 200_000;
const PREVIEW_LINES = 200;
/** From this many characters the page puts a paste in the box itself rather than the browser. */
export const TAKEN_PASTE_CHARS = 16_000;

/** What the box shows of a large paste. */
export interface PastePreview {
  readonly text: string;
  readonly shownLines: number;
  readonly totalLines: number;
}

/** The first lines of a large paste. */
export function pastePreview(paste: string): PastePreview {
  const lines = lineIndex(paste);
  const shownLines = Math.min(PREVIEW_LINES, lines.count);
  const end = Math.min(lines.range(1, shownLines).end, LARGE_PASTE_CHARS / 10);
  return { text: paste.slice(0, end), shownLines, totalLines: lines.count };
}

/** The size of a text for people: `350 KB`, `10.0 MB` (characters counted as bytes). */
export function sizeWords(chars: number): string {
  return chars < 1024 * 1024
    ? `${Math.round(chars / 1024)} KB`
    : `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}
