/**
 * JSON pointers the way evanphx/json-patch v4 (`findObject`) reads them: the text is split at
 * every `/`, the first piece is ignored (so `a/b` means `/b`), a pointer with no `/` at all
 * (including the root pointer `""`) designates nothing, and each token is unescaped (`~1` → `/`,
 * `~0` → `~`, in one left-to-right pass).
 */

/** Parent tokens and the final key of a pointer, or undefined when it designates nothing. */
export interface SplitPointer {
  readonly parents: readonly string[];
  readonly key: string;
}

/** Splits a pointer into parent tokens and a final key, evanphx style. */
export function splitPointer(pointer: string): SplitPointer | undefined {
  const pieces = pointer.split("/");
  if (pieces.length < 2) return undefined;
  const parents = pieces.slice(1, -1).map(unescapeToken);
  return { parents, key: unescapeToken(pieces[pieces.length - 1] as string) };
}

/** RFC 6901 token unescaping (`~1` → `/`, then `~0` → `~`). */
export function unescapeToken(token: string): string {
  return token.includes("~") ? token.replace(/~[01]/g, (m) => (m === "~1" ? "/" : "~")) : token;
}

/**
 * Go's `strconv.Atoi`: an optional sign and decimal digits (leading zeros allowed). Returns
 * undefined when the text is not such a number.
 */
export function parseGoIndex(token: string): number | undefined {
  return /^[+-]?\d+$/.test(token) ? Number(token) : undefined;
}
