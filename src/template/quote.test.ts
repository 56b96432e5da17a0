import { describe, expect, it } from "vitest";
import { formatRune, goQuote, unquote } from "./quote.js";

describe("unquote", () => {
  it("decodes Go escapes in double-quoted strings", () => {
    expect(unquote('"a\\tb\\u00e9\\x41\\101\\U0001F600\\\\\\""')).toBe('a\tbéAA😀\\"');
    expect(unquote('"\\xc3\\xa9"')).toBe("é");
  });

  it("keeps raw strings as written, without carriage returns", () => {
    expect(unquote("`a\\n\r\nb`")).toBe("a\\n\nb");
  });

  it("rejects what Go's strconv.Unquote rejects", () => {
    for (const bad of ['"\\q"', '"\\\'"', '"\\400"', '"\\ud800"', '"\\x4"', '"a\nb"', '"abc']) expect(unquote(bad)).toBeNull();
  });
});

describe("goQuote", () => {
  it("quotes like Go's %q, with optional truncation like %.10q", () => {
    expect(goQuote('a"b\\c\n\u0001é\u00a0')).toBe('"a\\"b\\\\c\\n\\x01é\\u00a0"');
    expect(goQuote("abcdefghijkl", 10)).toBe('"abcdefghij"');
  });

  it("formats runes like Go's %#U", () => {
    expect(formatRune(0x23)).toBe("U+0023 '#'");
    expect(formatRune(1)).toBe("U+0001");
  });
});
