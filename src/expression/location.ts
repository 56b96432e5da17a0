/**
 * Source positions inside an expression.
 *
 * @module
 */
import type { SourceLocation } from "../errors.js";

/** Converts a 0-based UTF-16 offset in `source` into a 1-based line and column. */
export function locationAt(source: string, offset: number): SourceLocation {
  const clamped = Math.max(0, Math.min(offset, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < clamped; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: clamped - lineStart + 1, offset: clamped };
}
