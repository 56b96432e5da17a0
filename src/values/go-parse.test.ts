import { describe, expect, it } from "vitest";
import { formatGoDuration, parseGoDuration, parseGoInt, parseRfc3339Nano } from "./go-parse.js";

describe("parseGoDuration (Go time.ParseDuration)", () => {
  it.each([
    ["0", 0],
    ["-0", 0],
    ["300ms", 300_000_000],
    ["1.5h", 5_400_000_000_000],
    ["2h45m", 9_900_000_000_000],
    ["-1s", -1_000_000_000],
    ["+5s", 5_000_000_000],
    [".5s", 500_000_000],
    ["5.s", 5_000_000_000],
    ["1us", 1_000],
    ["1µs", 1_000],
    ["1μs", 1_000],
    ["1ns", 1],
    ["1h1m1s1ms1us1ns", 3_661_001_001_001],
    ["1.000000001s", 1_000_000_001],
  ])("%s → %d ns", (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it.each(["", "10", "1.5", ".s", "s", "1d", "1 s", "1s ", "-", "1e3s", "9223372036855ms", "1sm"])("rejects %j", (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });
});

describe("parseRfc3339Nano (Go time.Parse(RFC3339Nano))", () => {
  it("parses Z and offsets to epoch nanoseconds", () => {
    expect(parseRfc3339Nano("1970-01-01T00:00:00Z")).toBe(0n);
    expect(parseRfc3339Nano("2006-01-02T15:04:05Z")).toBe(1136214245000000000n);
    expect(parseRfc3339Nano("2006-01-02T15:04:05.5+08:00")).toBe(1136185445500000000n);
    expect(parseRfc3339Nano("2006-01-02T15:04:05.123456789Z")).toBe(1136214245123456789n);
    expect(parseRfc3339Nano("2006-01-02T15:04:05-01:30")).toBe(1136219645000000000n);
  });

  it.each([
    "2006-01-02",
    "2006-01-02 15:04:05Z",
    "2006-01-02t15:04:05z",
    "2006-1-02T15:04:05Z",
    "2006-02-30T15:04:05Z",
    "2006-01-02T24:00:00Z",
    "2006-01-02T15:04:05.1234567891Z",
    "2006-01-02T15:04:05",
    "",
  ])("rejects %j", (text) => {
    expect(parseRfc3339Nano(text)).toBeUndefined();
  });
});

describe("parseGoInt (Go strconv.ParseInt(s, 0, 64))", () => {
  it.each([
    ["5", 5],
    ["-5", -5],
    ["+5", 5],
    ["0", 0],
    ["010", 8],
    ["0x1F", 31],
    ["0X1f", 31],
    ["0o17", 15],
    ["0b101", 5],
    ["0x_1F", 31],
    ["0b1_0_1", 5],
    ["1_000", 1000],
    ["0_10", 8],
  ])("%s → %d", (text, n) => {
    expect(parseGoInt(text)).toBe(n);
  });

  it.each(["", "1.0", "1e3", "08", "_1", "1_", "0x", "abc", " 5", "5 ", "0b12", "9223372036854775808", "1__0"])("rejects %j", (text) => {
    expect(parseGoInt(text)).toBeUndefined();
  });
});

describe("formatGoDuration (Go Duration.String)", () => {
  it.each([
    [0, "0s"],
    [1, "1ns"],
    [1_500, "1.5µs"],
    [300_000_000, "300ms"],
    [1_000_000_000, "1s"],
    [1_500_000_000, "1.5s"],
    [90_000_000_000, "1m30s"],
    [5_400_000_000_000, "1h30m0s"],
    [-1_000_000_000, "-1s"],
  ])("%d → %s", (ns, text) => {
    expect(formatGoDuration(ns)).toBe(text);
    expect(parseGoDuration(text)).toBe(ns);
  });
});
