import { describe, expect, it } from "vitest";
import { StoreError } from "../../store/errors.js";
import { parseRetryAfter, retryDelayMs, shouldRetry } from "./retry-policy.js";

const once = { idempotent: false, unconditional: false };
const idem = { idempotent: true, unconditional: false };
const uncond = { idempotent: true, unconditional: true };
const e = (reason: ConstructorParameters<typeof StoreError>[0], details?: ConstructorParameters<typeof StoreError>[2]) => new StoreError(reason, "x", details);

describe("shouldRetry", () => {
  it("follows the table", () => {
    const rows: [string, boolean, boolean, boolean][] = [];
    const cases = {
      "429": { error: e("TooManyRequests"), httpStatus: 429 },
      "500": { error: e("InternalError"), httpStatus: 500 },
      "500 Retry-After": { error: e("InternalError"), httpStatus: 500, retryAfterSeconds: 1 },
      "503": { error: e("ServiceUnavailable"), httpStatus: 503 },
      "409 Conflict": { error: e("Conflict"), httpStatus: 409 },
      "409 AlreadyExists": { error: e("AlreadyExists"), httpStatus: 409 },
      "409 apply conflict": { error: e("Conflict", { causes: [{ reason: "FieldManagerConflict" }] }), httpStatus: 409 },
      "404": { error: e("NotFound"), httpStatus: 404 },
      ECONNREFUSED: { error: e("ServiceUnavailable"), connectionCode: "ECONNREFUSED" },
      ECONNRESET: { error: e("ServiceUnavailable"), connectionCode: "ECONNRESET" },
    };
    const order = ["429", "500", "500 Retry-After", "503", "409 Conflict", "409 AlreadyExists", "409 apply conflict", "404", "ECONNREFUSED", "ECONNRESET"] as const;
    for (const name of order) {
      const outcome = cases[name];
      rows.push([name, shouldRetry(outcome, once), shouldRetry(outcome, idem), shouldRetry(outcome, uncond)]);
    }
    expect(rows).toEqual([
      ["429", true, true, true],
      ["500", false, true, true],
      ["500 Retry-After", true, true, true],
      ["503", false, true, true],
      ["409 Conflict", false, false, true],
      ["409 AlreadyExists", false, false, false],
      ["409 apply conflict", false, false, false],
      ["404", false, false, false],
      ["ECONNREFUSED", true, true, true],
      ["ECONNRESET", false, true, true],
    ]);
    expect(shouldRetry(cases["500"], { ...once, evenIfNotIdempotent: true })).toBe(true);
  });
});

describe("retryDelayMs and parseRetryAfter", () => {
  it("prefers Retry-After (capped), else exponential backoff with jitter", () => {
    const options = { initialMs: 100, maxMs: 5000 };
    expect(retryDelayMs({ error: e("TooManyRequests"), retryAfterSeconds: 2 }, 0, options, () => 0.9)).toBe(2000);
    expect(retryDelayMs({ error: e("TooManyRequests", { retryAfterSeconds: 60 }) }, 0, options, () => 0.9)).toBe(5000);
    expect(retryDelayMs({ error: e("InternalError") }, 3, options, () => 0)).toBe(800);
    expect(retryDelayMs({ error: e("InternalError") }, 3, options, () => 0.5)).toBe(1000);
    expect(parseRetryAfter("3", 0)).toBe(3);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6);
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
    expect(parseRetryAfter("soon", 0)).toBeUndefined();
  });
});
