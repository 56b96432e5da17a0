import { describe, expect, it } from "vitest";
import { formatRfc3339Nano } from "./go-format.js";
import { parseRfc3339Nano } from "./go-parse.js";

describe("formatRfc3339Nano", () => {
  it("trims trailing zeros of the fraction as Go does", () => {
    expect(formatRfc3339Nano(new Date("2006-01-02T15:04:05Z"))).toBe("2006-01-02T15:04:05Z");
    expect(formatRfc3339Nano(new Date("2006-01-02T15:04:05.120Z"))).toBe("2006-01-02T15:04:05.12Z");
    expect(formatRfc3339Nano(1136214245000000001n)).toBe("2006-01-02T15:04:05.000000001Z");
  });
  it("handles instants before the epoch", () => {
    expect(formatRfc3339Nano(-1n)).toBe("1969-12-31T23:59:59.999999999Z");
  });
  it("round-trips with parseRfc3339Nano", () => {
    for (const ns of [0n, 1n, 1136214245123456789n, -999n]) expect(parseRfc3339Nano(formatRfc3339Nano(ns))).toBe(ns);
  });
});
