import { describe, expect, it } from "vitest";
import { parseNumberLiteral } from "./number.js";

describe("parseNumberLiteral", () => {
  it("keeps every exact interpretation, like Go's NumberNode", () => {
    expect(parseNumberLiteral("1", false)).toEqual({ int64: 1n, uint64: 1n, float64: 1 });
    expect(parseNumberLiteral("-1", false)).toEqual({ int64: -1n, float64: -1 });
    expect(parseNumberLiteral("1.5", false)).toEqual({ float64: 1.5 });
    expect(parseNumberLiteral("1e3", false)).toEqual({ int64: 1000n, uint64: 1000n, float64: 1000 });
    expect(parseNumberLiteral("-0", false)).toEqual({ int64: 0n, uint64: 0n, float64: 0 });
    expect(parseNumberLiteral("18446744073709551615", false)).toEqual({ uint64: 18446744073709551615n, float64: 18446744073709552000 });
    expect(parseNumberLiteral("-9223372036854775808", false)).toEqual({ int64: -9223372036854775808n, float64: -9223372036854775808 });
  });

  it("reads Go's base prefixes, legacy octal, underscores and hexadecimal floats", () => {
    expect(parseNumberLiteral("0x1F", false)).toMatchObject({ int64: 31n });
    expect(parseNumberLiteral("0o17", false)).toMatchObject({ int64: 15n });
    expect(parseNumberLiteral("017", false)).toMatchObject({ int64: 15n });
    expect(parseNumberLiteral("0b101", false)).toMatchObject({ int64: 5n });
    expect(parseNumberLiteral("1_000", false)).toMatchObject({ int64: 1000n });
    expect(parseNumberLiteral("0x_1F", false)).toMatchObject({ int64: 31n });
    expect(parseNumberLiteral("0x1p-2", false)).toEqual({ float64: 0.25 });
    expect(parseNumberLiteral("0x1.8p1", false)).toEqual({ int64: 3n, uint64: 3n, float64: 3 });
    expect(parseNumberLiteral("1_0.5", false)).toEqual({ float64: 10.5 });
  });

  it("reads character constants as their code point", () => {
    expect(parseNumberLiteral("'a'", true)).toEqual({ int64: 97n, uint64: 97n, float64: 97 });
    expect(parseNumberLiteral("'\\n'", true)).toMatchObject({ int64: 10n });
    expect(parseNumberLiteral("'\\u00e9'", true)).toMatchObject({ int64: 233n });
    expect(parseNumberLiteral("'😀'", true)).toMatchObject({ int64: 0x1f600n });
  });

  it("returns Go's messages for bad literals", () => {
    expect(parseNumberLiteral("08", false)).toBe('integer overflow: "08"');
    expect(parseNumberLiteral("99999999999999999999", false)).toBe('integer overflow: "99999999999999999999"');
    expect(parseNumberLiteral("1__0", false)).toBe('illegal number syntax: "1__0"');
    expect(parseNumberLiteral("0x1.8", false)).toBe('illegal number syntax: "0x1.8"');
    expect(parseNumberLiteral("1e400", false)).toBe('illegal number syntax: "1e400"');
    expect(parseNumberLiteral("'ab'", true)).toBe("malformed character constant: 'ab'");
    expect(parseNumberLiteral("''", true)).toBe("invalid syntax");
    expect(parseNumberLiteral("1i", false)).toBe("stagecraft does not support complex numbers: 1i");
  });
});
