// Starts Pagefind (its JS, then the wasm and index metadata) once per page. Kept apart from the search engine so
// the first sign of intent can start it at once, in parallel with fetching the engine's own code.

import type { PagefindData } from '../lib/search/search-rank.ts';
import { pagefindWasmPath } from '../lib/search/pagefind-files.ts';

export interface PagefindResult { id: string; score: number; data(): Promise<PagefindData> }
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string | { any: string[] }> }): Promise<{ results: PagefindResult[] } | null>;
  preload(term: string, o?: { filters?: Record<string, string> }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

let started: Promise<Pagefind> | undefined;

export function startPagefind(base: string): Promise<Pagefind> {
  started ??= (async () => {
    const bundle = `${base}pagefind/`;
    // Pagefind's entry file carries a cache-busting tag; choosing it here (fresh on every page, as Pagefind's own)
    // lets the file be fetched alongside the JS.
    const tag = String(Date.now());
    preload(`${bundle}pagefind-entry.json?ts=${tag}`);
    preload(wasmUrl(base));
    const pagefind = await (import(/* @vite-ignore */ `${bundle}pagefind.js`) as Promise<Pagefind>);
    // No web worker: the main thread answered sooner in the bench (the worker is a second engine to fetch and
    // start, and every fragment one more message), and the index is small.
    await pagefind.options({ basePath: bundle, baseUrl: base, excerptLength: 24, excerptEllipsis: '…', noWorker: true, metaCacheTag: tag });
    const ready = pagefind.init();
    // Pagefind makes an Intl.Segmenter for every search; the first one in a page loads the language's break rules
    // (about 30 ms here). Done now, while the wasm and index metadata are on their way, not in the first search.
    if (typeof Intl.Segmenter === 'function') new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'grapheme' }).segment('');
    await ready;
    // init() only begins loading the wasm and index metadata; an empty search makes sure they are on their way.
    void pagefind.search('').catch(() => undefined);
    return pagefind;
  })().catch((error: unknown) => {
    started = undefined; // a later attempt may succeed, e.g. after a network blip
    throw error;
  });
  return started;
}

/**
 * Pagefind asks for its WebAssembly only once its JS has run and its entry file has come back. The file is named
 * after the page's language as Pagefind picks it (`<html lang>`, `wasm.en.pagefind`), so it can be on its way
 * alongside the JS. A language without its own build falls back to `wasm.unknown.pagefind`, which Pagefind then
 * fetches itself.
 */
function wasmUrl(base: string): string {
  return `${base}${pagefindWasmPath(document.documentElement.lang)}`;
}

/** Starts a fetch that Pagefind's own `fetch()` of the same address then takes instead of asking again. */
function preload(href: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = href;
  document.head.append(link);
}
