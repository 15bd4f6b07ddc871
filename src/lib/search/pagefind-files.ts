// Names shared by the pages and the search code that fetches Pagefind's files.

/** The language every page declares in `<html lang>`; Pagefind picks its index and WebAssembly by it. */
export const PAGE_LANGUAGE = 'en';

/** Pagefind's WebAssembly for a page language, as Pagefind names it: `pagefind/wasm.en.pagefind`. */
export function pagefindWasmPath(lang: string): string {
  return `pagefind/wasm.${(lang || 'unknown').toLowerCase()}.pagefind`;
}
