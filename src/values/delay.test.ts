import { describe, expect, it } from "vitest";
import { compileDelay } from "./delay.js";

const now = new Date("2006-01-02T15:04:05Z");
const S = 1_000_000_000;
const jq = (expression: string) => ({ language: "jq" as const, expression });

describe("compileDelay (KWOK spec §3.2–3.4)", () => {
  it("has no delay without spec.delay", () => {
    const d = compileDelay({});
    expect(d.range({}, { now })).toEqual({ status: "unknown" });
    expect(d.sample({}, { now })).toEqual({ status: "unknown" });
  });

  it("delay: {} is a constant 0", () => {
    expect(compileDelay({ delay: {} }).range({}, { now })).toEqual({ status: "value", value: [0] });
  });

  it("gives [d, j] when jitter exceeds the duration and samples inside it", () => {
    const d = compileDelay({ delay: { durationMilliseconds: 1000, jitterDurationMilliseconds: 5000 } });
    expect(d.range({}, { now })).toEqual({ status: "value", value: [1 * S, 5 * S] });
    expect(d.sample({}, { now, rng: () => 0 })).toEqual({ status: "value", value: 1 * S });
    expect(d.sample({}, { now, rng: () => 0.5 })).toEqual({ status: "value", value: 3 * S });
    expect(d.sample({}, { now, rng: () => 0.999999 })).toMatchObject({ value: expect.any(Number) });
    const top = d.sample({}, { now, rng: () => 0.9999999999 });
    expect(top.status === "value" && top.value < 5 * S).toBe(true);
  });

  it("uses the jitter when it is not above the duration (node-not-ready: [1000000000])", () => {
    const d = compileDelay({ delay: { durationMilliseconds: 1000, jitterDurationMilliseconds: 1000 } });
    expect(d.range({}, { now })).toEqual({ status: "value", value: [1 * S] });
    const lower = compileDelay({ delay: { durationMilliseconds: 5000, jitterDurationMilliseconds: 1000 } });
    expect(lower.sample({}, { now })).toEqual({ status: "value", value: 1 * S });
  });

  it("reads RFC 3339 times as time − now (pod-delete: [0]) and may go negative", () => {
    const d = compileDelay({
      delay: { durationMilliseconds: 1000, jitterDurationFrom: jq(".metadata.deletionTimestamp") },
    });
    expect(d.range({ metadata: { deletionTimestamp: "2006-01-02T15:04:05Z" } }, { now })).toEqual({ status: "value", value: [0] });
    expect(d.range({ metadata: { deletionTimestamp: "2006-01-02T15:04:04.5Z" } }, { now })).toEqual({ status: "value", value: [-0.5 * S] });
    expect(d.range({ metadata: { deletionTimestamp: "2006-01-02T15:04:15Z" } }, { now })).toEqual({ status: "value", value: [1 * S, 10 * S] });
    // No deletionTimestamp: no jitter value at all, so the duration alone.
    expect(d.range({ metadata: {} }, { now })).toEqual({ status: "value", value: [1 * S] });
  });

  it("reads Go durations from the object and falls back on anything else", () => {
    const d = compileDelay({ delay: { durationMilliseconds: 1000, durationFrom: jq(".metadata.annotations.d") } });
    const at = (v: unknown) => d.range({ metadata: { annotations: { d: v } } }, { now });
    expect(at("300ms")).toEqual({ status: "value", value: [0.3 * S] });
    expect(at("2h")).toEqual({ status: "value", value: [7200 * S] });
    expect(at("soon")).toEqual({ status: "value", value: [1 * S] });
    expect(at(5)).toEqual({ status: "value", value: [1 * S] });
    expect(at(undefined)).toEqual({ status: "value", value: [1 * S] });
    // "" means "no delay configured" for the duration getter, even with durationMilliseconds.
    expect(at("")).toEqual({ status: "unknown" });
  });

  it("CEL durationFrom: numbers are nanoseconds, strings are Go durations", () => {
    const cel = (expression: string) => compileDelay({ delay: { durationFrom: { language: "cel", expression } } }).range({}, { now });
    expect(cel("1500")).toEqual({ status: "value", value: [1500] });
    expect(cel("'2s'")).toEqual({ status: "value", value: [2 * S] });
    expect(cel("duration('1m')")).toEqual({ status: "value", value: [60 * S] });
    expect(cel("true")).toMatchObject({ status: "error", error: { code: "E_RESULT_TYPE" } });
  });
});

describe("JSONata durationFrom", () => {
  const d = compileDelay({ delay: { durationMilliseconds: 1000, durationFrom: { language: "jsonata", expression: "metadata.annotations.d" } } });
  it("is async and reads Go durations", async () => {
    expect(d.async).toBe(true);
    expect(await d.rangeAsync({ metadata: { annotations: { d: "2s" } } }, { now })).toEqual({ status: "value", value: [2 * S] });
    expect(await d.sampleAsync({}, { now })).toEqual({ status: "value", value: 1 * S });
    expect(d.range({}, { now })).toMatchObject({ status: "error", error: { code: "E_ASYNC_REQUIRED" } });
  });
});
