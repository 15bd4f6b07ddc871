const WORDS_PER_MINUTE = 230;

/** Minutes to read a Markdown body, counting words of prose only (citation keys and markup dropped). */
export function readingMinutes(markdown: string): number {
  const prose = markdown.replace(/\[[^\]]*@[^\]]*\]/g, ' ').replace(/[#>*_|`-]+/g, ' ');
  const words = prose.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
