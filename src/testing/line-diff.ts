/**
 * A small line diff for golden-file mismatches.
 *
 * @module
 */

/**
 * A unified-style diff of two texts by lines (longest common subsequence), with `context` lines
 * around each change: `-` lines are only in `expected`, `+` lines only in `actual`.
 *
 * @param expected - the golden text
 * @param actual - the produced text
 * @param options - `context` lines around changes (default 3)
 * @returns the diff, empty when the texts are equal
 * @example
 * ```ts
 * lineDiff("a\nb\n", "a\nc\n"); // "  a\n- b\n+ c"
 * ```
 * @category Testing
 */
export function lineDiff(expected: string, actual: string, options: { readonly context?: number } = {}): string {
  if (expected === actual) return "";
  const a = expected.split("\n");
  const b = actual.split("\n");
  if (a.at(-1) === "" && b.at(-1) === "") {
    a.pop();
    b.pop();
  }
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..]; texts here are small (golden files)
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as Uint32Array;
    const below = lcs[i + 1] as Uint32Array;
    for (let j = m - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  const lines: { tag: " " | "-" | "+"; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push({ tag: " ", text: a[i++] as string });
      j++;
    } else if (j < m && (i === n || (lcs[i]?.[j + 1] as number) >= (lcs[i + 1]?.[j] as number))) {
      lines.push({ tag: "+", text: b[j++] as string });
    } else {
      lines.push({ tag: "-", text: a[i++] as string });
    }
  }
  // "-" before "+" within a change reads better
  for (let k = 1; k < lines.length; k++) {
    if (lines[k]?.tag === "-" && lines[k - 1]?.tag === "+") {
      let s = k;
      while (s > 0 && lines[s - 1]?.tag === "+") s--;
      const removed = lines.splice(k, 1)[0];
      if (removed !== undefined) lines.splice(s, 0, removed);
    }
  }
  const context = options.context ?? 3;
  const keep = lines.map((l, k) => l.tag !== " " || lines.slice(Math.max(0, k - context), k + context + 1).some((x) => x.tag !== " "));
  const out: string[] = [];
  let skipped = false;
  lines.forEach((l, k) => {
    if (keep[k]) {
      if (skipped) out.push("  …");
      skipped = false;
      out.push(`${l.tag} ${l.text}`);
    } else skipped = true;
  });
  if (skipped) out.push("  …");
  return out.join("\n");
}
