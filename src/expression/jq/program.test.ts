import { describe, expect, it } from "vitest";
import { JQ_SUPPORTED, compileJq, toJSONValue } from "./index.js";

const pod = () => ({ metadata: { name: "p", labels: { app: "web" } }, status: { conditions: [{ type: "Ready", status: "True" }], restartCount: 2 } });

describe("compileJq", () => {
  it("evaluates KWOK's select key", () => {
    const q = compileJq('.status.conditions.[] | select( .type == "Ready" ) | .status');
    expect(q.evaluate(pod())).toEqual({ ok: true, values: ["True"] });
    expect(q).toMatchObject({ language: "jq", async: false });
  });

  it("reports runtime errors with the values produced before them", () => {
    const r = compileJq('1, error("boom"), 3').evaluate(null);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.values).toEqual([1n]);
    expect(r.error).toMatchObject({ code: "E_JQ_RUNTIME", rawMessage: "boom" });
  });

  it("fails a leading iteration over a non-iterable without producing values", () => {
    const q = compileJq('.status.conditions.[] | select(.type == "Ready") | .status');
    expect(q.evaluate({ status: {} })).toMatchObject({ ok: false, values: [], error: { code: "E_JQ_RUNTIME", rawMessage: "cannot iterate over: null" } });
    expect(q.evaluate({ status: { conditions: "x" } })).toMatchObject({ ok: false, error: { rawMessage: 'cannot iterate over: string ("x")' } });
    expect(compileJq(".a.[]").evaluate({ a: { y: 2, x: 1 } })).toEqual({ ok: true, values: [1, 2] });
  });

  it("keeps program integers as bigint and input numbers as number", () => {
    expect(compileJq("length, .status.restartCount, (.status.restartCount + 1), (1 + 1)").evaluate(pod()).values).toEqual([2n, 2, 3, 2n]);
  });

  it("does not mutate the input", () => {
    const input = pod();
    const before = JSON.stringify(input);
    for (const q of ["to_entries", "map_values(1)", ". + {x: 1}", ". * {metadata: {name: 1}}", "[.[]] | sort | reverse", "walk(.)", ".status.conditions | sort_by(.type)"]) {
      compileJq(q).evaluate(input);
    }
    expect(JSON.stringify(input)).toBe(before);
  });

  it("never reads or writes prototypes", () => {
    expect(compileJq(".constructor, .__proto__, .toString").evaluate({}).values).toEqual([null, null, null]);
    const built = compileJq('{"__proto__": 1} | keys, .__proto__').evaluate(null).values;
    expect(built).toEqual([["__proto__"], 1n]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("evaluates plain field paths like index on each step (own keys, null through null, errors on other types)", () => {
    const q = compileJq('.metadata["a b"].c');
    expect(q.evaluate({ metadata: { "a b": { c: "x" } } })).toEqual({ ok: true, values: ["x"] });
    expect(q.evaluate({ metadata: { "a b": { c: [1] } } })).toEqual({ ok: true, values: [[1]] });
    expect(q.evaluate({ metadata: { "a b": { c: undefined } } })).toEqual({ ok: true, values: [null] });
    expect(q.evaluate({ metadata: null })).toEqual({ ok: true, values: [null] });
    expect(q.evaluate(undefined)).toEqual({ ok: true, values: [null] });
    expect(q.evaluate({ metadata: Object.create({ "a b": { c: 1 } }) })).toEqual({ ok: true, values: [null] });
    expect(q.evaluate({ metadata: { "a b": "s" } })).toMatchObject({ ok: false, values: [], error: { code: "E_JQ_RUNTIME", rawMessage: 'expected an object but got: string ("s")' } });
    expect(q.evaluate({ metadata: [1] })).toMatchObject({ ok: false, error: { rawMessage: "expected an object but got: array ([1])" } });
    expect(q.evaluate(7)).toMatchObject({ ok: false, error: { rawMessage: "expected an object but got: number (7)" } });
    expect(compileJq(".constructor.name").evaluate({})).toEqual({ ok: true, values: [null] });
    expect(compileJq('.["x\\"y"]["${k}"]').evaluate({ 'x"y': { "${k}": 1 } })).toEqual({ ok: true, values: [1] });
  });

  it("shares one frozen result between repeated string answers of a field path, never for objects or numbers", () => {
    const q = compileJq(".status.phase");
    const a = q.evaluate({ status: { phase: "Running" } });
    const b = q.evaluate({ status: { phase: "Running" } });
    const c = q.evaluate({ status: { phase: "Running" } });
    expect([a, b, c]).toEqual(Array(3).fill({ ok: true, values: ["Running"] }));
    expect(b).toBe(c);
    expect(Object.isFrozen(b.values)).toBe(true);
    expect(q.evaluate({ status: { phase: "Pending" } })).toEqual({ ok: true, values: ["Pending"] });
    expect(q.evaluate({ status: { phase: 0 } }).values[0]).toBe(0);
    expect(Object.is(q.evaluate({ status: { phase: -0 } }).values[0], -0)).toBe(true);
    const o = { x: 1 };
    expect(q.evaluate({ status: { phase: o } }).values[0]).toBe(o);
    expect(q.evaluate({ status: { phase: o } })).not.toBe(q.evaluate({ status: { phase: o } }));
  });

  it("lets `?` in the middle of a path drop the error (gojq: `\"x\" | .a?.b` gives nothing)", () => {
    expect(compileJq(".a?.b").evaluate("x")).toEqual({ ok: true, values: [] });
    expect(compileJq(".a?.b").evaluate({ a: { b: 1 } })).toEqual({ ok: true, values: [1] });
  });

  it("bounds the work with E_LIMIT_EXCEEDED", () => {
    expect(compileJq("[range(1e12)] | length").evaluate(null)).toMatchObject({ ok: false, error: { code: "E_LIMIT_EXCEEDED" } });
    expect(compileJq("[recurse(. + 1)]").evaluate(0)).toMatchObject({ ok: false, error: { code: "E_LIMIT_EXCEEDED" } });
    expect(compileJq("range(10)", { maxOutputs: 3 }).evaluate(null)).toMatchObject({ ok: false, values: [0n, 1n, 2n], error: { code: "E_LIMIT_EXCEEDED" } });
    expect(compileJq("range(10)", { maxSteps: 5 }).evaluate(null)).toMatchObject({ ok: false, error: { code: "E_LIMIT_EXCEEDED" } });
  });

  it("does not let try catch limit errors", () => {
    expect(compileJq("try ([range(1e12)]) catch 1").evaluate(null)).toMatchObject({ ok: false, error: { code: "E_LIMIT_EXCEEDED" } });
  });

  it("lets downstream errors pass through try unchanged", () => {
    const r = compileJq('try (1, 2) catch "caught" | error("down")').evaluate(null);
    expect(r).toMatchObject({ ok: false, error: { rawMessage: "down" } });
  });

  it("rejects unknown functions at compile time, naming them", () => {
    expect(() => compileJq('getpath(["a"])')).toThrowError(expect.objectContaining({ code: "E_JQ_UNSUPPORTED", rawMessage: 'jq: unsupported jq function "getpath/1"' }));
    expect(() => compileJq("$nope")).toThrowError(expect.objectContaining({ code: "E_JQ_UNSUPPORTED" }));
  });

  it("evaluates asynchronously too", async () => {
    await expect(compileJq(".a").evaluateAsync({ a: 1 })).resolves.toEqual({ ok: true, values: [1] });
  });

  it("lists supported builtins", () => {
    expect(JQ_SUPPORTED).toContain("select/1");
    expect(JQ_SUPPORTED).not.toContain("getpath/1");
  });
});

describe("toJSONValue", () => {
  it("turns bigints into numbers and sorts keys", () => {
    const v = toJSONValue(compileJq('{b: 1, a: [2, 1.5], "__proto__": 3}').evaluate(null).values[0]);
    expect(JSON.stringify(v)).toBe('{"__proto__":3,"a":[2,1.5],"b":1}');
  });
});
