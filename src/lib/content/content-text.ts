import { readFileSync } from 'node:fs';
import { findNodeAtLocation, parse as parseLenient, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ContentError, lineAt } from './content-error.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Text of a content file as every reader must see it: strictly UTF-8 (a Latin-1 file fails here, named, instead of
 * deep inside the bundler), without a byte-order mark, and with CRLF/CR line ends turned into LF.
 */
export function decodeContentText(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ContentError('content-not-utf8', file, firstBadLine(bytes), 'the file is not UTF-8 text (Latin-1 or another encoding?); save it as UTF-8');
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function readContentText(file: string): string {
  return decodeContentText(readFileSync(file), file);
}

// A newline byte never occurs inside a multi-byte UTF-8 sequence, so lines can be checked one by one.
function firstBadLine(bytes: Uint8Array): number | undefined {
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    try {
      utf8.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    start = end + 1;
  }
  return undefined;
}

/** Parses a content JSON file; bad JSON fails naming the file and the line of the first problem. */
export function parseContentJson(text: string, file: string, ruleId: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always say where; a second, strict-reporting parser does.
    const problems: ParseError[] = [];
    parseLenient(text, problems, { allowTrailingComma: false, disallowComments: true });
    const first = problems[0];
    const reason = first ? printParseErrorCode(first.error) : (error as Error).message;
    throw new ContentError(ruleId, file, first ? lineAt(text, first.offset) : 1, `not valid JSON (${reason})`);
  }
}

/** Line of the value at a JSON path (`[3, 'author']`), or of the nearest enclosing value that exists. */
export function jsonLine(text: string, path: readonly PropertyKey[]): number | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n).filter((p): p is string | number => typeof p !== 'symbol'));
    // A property's line is that of its key.
    if (node) return lineAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset);
  }
  return undefined;
}
