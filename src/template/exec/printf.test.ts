import { describe, expect, it } from "vitest";
import { goSprintf } from "./printf.js";
import { JsonNumber } from "./values.js";

describe("goSprintf: Go fmt details found by the render-json oracle", () => {
  it("prints a bad verb's operand with %v and the verb's width and precision", () => {
    expect(goSprintf("%6.2f|%d|%5d", [new JsonNumber("1.5"), new JsonNumber("1"), "ab"])).toBe("%!f(json.Number=    1.)|%!d(json.Number=1)|%!d(string=   ab)");
    expect(goSprintf("%d", [null])).toBe("%!d(<nil>)");
  });

  it("supports %O, and puts base prefixes after zero padding", () => {
    expect(goSprintf("%O|%#o|%#x|%#08x|%08d|%-8d|%.0d|%+.3d", [8n, 8n, 255n, 255n, -42n, 5n, 0n, 7n])).toBe("0o10|010|0xff|0x000000ff|-0000042|5       ||+007");
  });

  it("takes widths and precisions from arguments (*) and honours explicit argument indexes", () => {
    expect(goSprintf("%*d|%-*d|%.*f", [5n, 3n, 4n, 1n, 2n, 3.14159])).toBe("    3|1   |3.14");
    expect(goSprintf("%[2]d %[1]d", [1n, 2n])).toBe("2 1");
    expect(goSprintf("%[3]d|%[0]d|%d", [1n, 2n])).toBe("%!d(BADINDEX)|%!d(BADINDEX)|1");
    expect(goSprintf("%*d", ["x", 1n])).toBe("%!(BADWIDTH)1");
    expect(goSprintf("%d %d", [1n])).toBe("1 %!d(MISSING)");
    expect(goSprintf("%d", [1n, 2n])).toBe("1%!(EXTRA int=2)");
    expect(goSprintf("%5.", [1n])).toBe("%!.(int=    1)");
  });

  it("zero-pads strings and booleans too (Go ≤ 1.22), and knows %+q, %#q and %#U", () => {
    expect(goSprintf("%05s|%-05s|%05q|%05t|%05x", ["ab", "ab", "ab", true, "ab"])).toBe('000ab|ab   |0"ab"|0true|06162');
    expect(goSprintf("%+q|%#q|%#q|%#U|%08.2f|%08f", ["é😀", "a`b", "ab", 0x1f600n, -1.5, Infinity])).toBe('"\\u00e9\\U0001f600"|"a`b"|`ab`|U+1F600 \'😀\'|-0001.50|    +Inf');
  });
});

