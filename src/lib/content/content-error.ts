/** A mistake in the review's content: names the file, the line where known, and a stable rule id. */
export class ContentError extends Error {
  readonly ruleId: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly reason: string;

  constructor(ruleId: string, file: string, line: number | undefined, reason: string) {
    super(`${file}${line ? `:${line}` : ''}: ${reason} [${ruleId}]`);
    this.name = 'ContentError';
    this.ruleId = ruleId;
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A doubt about the content that does not stop the build, printed in the same `file:line: cause [rule]` form. */
export function warnContent(ruleId: string, file: string, line: number | undefined, reason: string): void {
  console.warn(`warning: ${file}${line ? `:${line}` : ''}: ${reason} [${ruleId}]`);
}
