import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff.js";

describe("lineDiff", () => {
  it("is empty for equal texts", () => {
    expect(lineDiff("a\nb\n", "a\nb\n")).toBe("");
  });
  it("shows removed then added lines", () => {
    expect(lineDiff("a\nb\n", "a\nc\n")).toBe("  a\n- b\n+ c");
  });
  it("keeps only context around changes", () => {
    const base = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const changed = [...base];
    changed[10] = "X";
    expect(lineDiff(base.join("\n"), changed.join("\n"), { context: 1 })).toBe("  …\n  l9\n- l10\n+ X\n  l11\n  …");
  });
  it("handles insertions and deletions at the ends", () => {
    expect(lineDiff("", "a")).toBe("- \n+ a");
    expect(lineDiff("a\nb", "b")).toBe("- a\n  b");
  });
});
