import { isAbsolute, relative } from 'node:path';

/** A mistake in the review's content: names the file, the line (and column) where known, and a stable rule id. */
export class ContentError extends Error {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly reason: string;

  constructor(ruleId: string, file: string, line: number | undefined, reason: string, column?: number) {
    super(formatProblem(file, line, column, reason, ruleId));
    this.name = 'ContentError';
    this.ruleId = ruleId;
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }
}

/** Several content errors found in one pass, so a contributor can fix them all at once. */
export class ContentErrors extends Error {
  readonly errors: ContentError[];

  constructor(errors: ContentError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'ContentErrors';
    this.errors = errors;
  }
}

/** Throws the errors of a pass together: one as itself, several as ContentErrors. */
export function throwAll(errors: ContentError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new ContentErrors(errors);
}

/** `content/chapters/x.md:3:7: cause [rule-id]`: a path under the working folder is written relative to it. */
export function formatProblem(file: string, line: number | undefined, column: number | undefined, reason: string, ruleId: string): string {
  return `${displayPath(file)}${line ? `:${line}${column && column > 1 ? `:${column}` : ''}` : ''}: ${reason} [${ruleId}]`;
}

/** A path as messages show it: relative to the working folder when it is inside it, absolute otherwise. */
export function displayPath(file: string): string {
  const rel = isAbsolute(file) ? relative(process.cwd(), file) : file;
  return rel && !rel.startsWith('..') ? rel : file;
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Every problem of one build, each printed once however often a page or the index is read. Shared through
 * globalThis: Astro loads the config and the pages' modules as separate module instances in one process.
 */
interface Report {
  /** When set (by the site's build), errors found while rendering are collected instead of thrown. */
  collecting: boolean;
  errors: Map<string, ContentError>;
  warned: Set<string>;
  /** Warnings are not printed (a pre-pass whose process does not print them; the build that follows does). */
  muted?: boolean;
}
const REPORT = Symbol.for('review-site.content-report');
function report(): Report {
  const holder = globalThis as { [REPORT]?: Report };
  holder[REPORT] ??= { collecting: false, errors: new Map(), warned: new Set() };
  return holder[REPORT];
}

/** From now on, errors reported while rendering are collected (or, with false, thrown again at once). */
export function collectContentErrors(on = true): void {
  report().collecting = on;
}

/** An error found while rendering a page: thrown at once, unless the build collects them (then it returns). */
export function reportContentError(error: ContentError): void {
  const r = report();
  if (!r.collecting) throw error;
  r.errors.set(error.message, error);
}

/** The collected errors, in file and line order, and clears them. */
export function takeContentErrors(): ContentError[] {
  const r = report();
  const errors = [...r.errors.values()].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  r.errors.clear();
  return errors;
}

/** The lines to print for an error thrown from the content checks, or undefined when it is not one. */
export function contentErrorLines(error: unknown): string[] | undefined {
  if (error instanceof ContentErrors) return error.errors.map((e) => e.message);
  if (error instanceof ContentError) return [error.message];
  // The same classes from another module instance (the config and the pages are loaded apart).
  const named = error as { name?: string; errors?: { message: string }[]; message?: string } | undefined;
  if (named?.name === 'ContentErrors' && Array.isArray(named.errors)) return named.errors.map((e) => e.message);
  if (named?.name === 'ContentError' && named.message) return [named.message];
  return undefined;
}

/** Runs `read` without printing its warnings: for a check whose warnings the real build prints again. */
export function withoutWarnings<T>(read: () => T): T {
  const r = report();
  r.muted = true;
  try {
    return read();
  } finally {
    r.muted = false;
  }
}

/** A doubt about the content that does not stop the build, printed once in the same `file:line: cause [rule]` form. */
export function warnContent(ruleId: string, file: string, line: number | undefined, reason: string, column?: number): void {
  const text = `warning: ${formatProblem(file, line, column, reason, ruleId)}`;
  const r = report();
  if (r.warned.has(text) || r.muted) return;
  r.warned.add(text);
  console.warn(text);
}
