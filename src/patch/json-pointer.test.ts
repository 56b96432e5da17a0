import { describe, expect, it } from "vitest";
import { parseGoIndex, splitPointer, unescapeToken } from "./json-pointer.js";

describe("splitPointer", () => {
  it("splits parents and key, ignoring the text before the first slash", () => {
    expect(splitPointer("/a/b/c")).toEqual({ parents: ["a", "b"], key: "c" });
    expect(splitPointer("x/b")).toEqual({ parents: [], key: "b" });
    expect(splitPointer("/")).toEqual({ parents: [], key: "" });
  });

  it("designates nothing without a slash (the root pointer included)", () => {
    expect(splitPointer("")).toBeUndefined();
    expect(splitPointer("a")).toBeUndefined();
  });

  it("unescapes ~1 then ~0 in one pass", () => {
    expect(unescapeToken("a~1b~0c")).toBe("a/b~c");
    expect(unescapeToken("~01")).toBe("~1");
    expect(unescapeToken("~2")).toBe("~2");
  });
});

describe("parseGoIndex", () => {
  it("accepts what Go's strconv.Atoi accepts", () => {
    expect(parseGoIndex("0")).toBe(0);
    expect(parseGoIndex("01")).toBe(1);
    expect(parseGoIndex("+2")).toBe(2);
    expect(parseGoIndex("-1")).toBe(-1);
    expect(parseGoIndex("")).toBeUndefined();
    expect(parseGoIndex("1.0")).toBeUndefined();
    expect(parseGoIndex(" 1")).toBeUndefined();
    expect(parseGoIndex("-")).toBeUndefined();
  });
});
