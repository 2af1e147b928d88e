/** Search over the reference dictionaries: every word of the query must appear in the entry. */

/** Entries whose text contains every word of `query` (case-insensitive); all entries for an empty query. */
export function searchEntries<T>(
  entries: readonly T[],
  query: string,
  text: (e: T) => readonly string[],
): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const hay = text(e).join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
