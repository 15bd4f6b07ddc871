import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';
import { ContentError, reportContentError } from '../lib/content/content-error.ts';

/**
 * A content error found while rendering a page, reported as `file:line:column: reason [rule-id]`. In the site's build
 * every such error is collected and the build fails once all pages are read (see content-report.ts), so the plugin
 * carries on with a harmless fallback; elsewhere (plugin tests, `astro dev`) it throws at once.
 */
export function contentFail(file: VFile, ruleId: string, reason: string, place?: Point | Position | null): void {
  const start = place && 'start' in place ? place.start : (place ?? undefined);
  reportContentError(new ContentError(ruleId, file.path, start?.line, reason, start?.column));
}
