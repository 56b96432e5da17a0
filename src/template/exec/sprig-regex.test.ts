import { describe, expect, it } from "vitest";
import { expand, findAll, quoteMeta } from "./sprig-regex.js";
import { GoRegexpError, compileGoRegexp } from "./sprig-regex-syntax.js";
import { semverCompare, SemverVersion } from "./sprig-semver.js";
import { formatUrl, parseUrl } from "./sprig-url.js";
import { decimalFromFloat, decimalToFloat } from "./sprig-decimal.js";
import { indentJson, jsonSyntaxError, unescapeHtml } from "./sprig-json.js";
import { cleanPath } from "./sprig-path.js";
import { toCamelCase, toLowerCaseWords } from "./sprig-case.js";

describe("Go regexp translation", () => {
  it("keeps Go's semantics for anchors, dot, spaces and flags", () => {
    expect(compileGoRegexp("^a.c$").js.test("a\nc")).toBe(false);
    expect(compileGoRegexp("(?s)^a.c$").js.test("a\nc")).toBe(true);
    expect(compileGoRegexp("^\\s$").js.test("\v")).toBe(false);
    expect(compileGoRegexp("(?m)^b$").js.test("a\nb")).toBe(true);
    expect(compileGoRegexp("(?P<x>a)(b)").names).toEqual(["", "x", ""]);
  });

  it("reports Go's syntax errors and what JavaScript cannot express", () => {
    expect(() => compileGoRegexp("a(")).toThrow(new GoRegexpError("missing closing )", "a("));
    expect(() => compileGoRegexp("a+*")).toThrow("invalid nested repetition operator: `+*`");
    expect(() => compileGoRegexp("(?<=a)")).toThrow(GoRegexpError);
    expect(compileGoRegexp("a(?i:[b-c])").js.test("aC")).toBe(true);
    expect(() => compileGoRegexp("a(?i:\\p{Lu})")).toThrow(/cannot translate the Go regexp `a\(\?i:\\p\{Lu\}\)` to a JavaScript RegExp/);
    expect(() => compileGoRegexp("(?i)a(?-i)b")).toThrow(/cannot translate/);
  });

  it("finds, expands and quotes as Go's regexp package", () => {
    const re = compileGoRegexp("a*");
    expect(findAll(re, "baaab", -1).map((m) => m.slice(0, 2))).toEqual([[0, 0], [1, 4], [5, 5]]);
    const named = compileGoRegexp("(?P<k>\\w+)=(\\w+)");
    expect(expand(named, "$2:${k}:$1x:$$", "a=b", [0, 3, 0, 1, 2, 3])).toBe("b:a::$");
    expect(quoteMeta("a.b[c]")).toBe("a\\.b\\[c\\]");
  });
});

describe("semver", () => {
  it("parses versions and checks constraints", () => {
    expect(SemverVersion.parse("v1.2").goString()).toBe("1.2.0");
    expect(() => SemverVersion.parse("1.2.3-01")).toThrow("Version segment starts with 0");
    expect(semverCompare(">= 1.2, < 2 || ^3.1", "3.5.0")).toBe(true);
    expect(semverCompare("~1.2", "1.3.0")).toBe(false);
    expect(() => semverCompare("> x y", "1.0.0")).toThrow("improper constraint: > x y");
  });
});

describe("net/url, decimal, JSON, paths, case", () => {
  it("round-trips URLs", () => {
    expect(formatUrl(parseUrl("https://u:p@h:1/a%20b?q=1#f"))).toBe("https://u:p@h:1/a%20b?q=1#f");
    expect(() => parseUrl(":x")).toThrow('parse ":x": missing protocol scheme');
  });

  it("does decimal arithmetic on shortest decimals", () => {
    expect(decimalFromFloat(0.1)).toEqual({ coef: 1n, exp: -1 });
    expect(decimalToFloat({ coef: 3n, exp: -1 })).toBe(0.3);
    expect(() => decimalFromFloat(Number.NaN)).toThrow("Cannot create a Decimal from NaN");
  });

  it("indents, unescapes and checks JSON like encoding/json", () => {
    expect(indentJson('{"a":[1,{}],"b":[]}', "  ")).toBe('{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}');
    expect(unescapeHtml('"\\u003c\\\\u003c"')).toBe('"<\\\\u003c"');
    expect(jsonSyntaxError("[1,]")).toBe("invalid character ']' looking for beginning of value");
    expect(jsonSyntaxError("[1]")).toBeNull();
  });

  it("cleans paths and converts case like Go", () => {
    expect(cleanPath("/a/./b/../../../c")).toBe("/c");
    expect(toLowerCaseWords("HTTPServer2xx", "_")).toBe("http_server_2xx");
    expect(toCamelCase("_complex__case_")).toBe("_Complex_Case_");
  });
});
