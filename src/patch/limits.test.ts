import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../errors.js";
import { frozenJson } from "./deep-freeze.fixture.js";
import type { JsonValue } from "./json.js";
import { applyJsonPatch } from "./json-patch.js";
import { applyMergePatch } from "./merge-patch.js";
import { applyStrategicMergePatch } from "./strategic-merge-patch.js";

function deep(depth: number): JsonValue {
  let v: JsonValue = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

function code(f: () => unknown): string {
  try {
    f();
    return "ok";
  } catch (e) {
    return isStagecraftError(e) ? e.code : `foreign ${String(e)}`;
  }
}

describe("patches on hostile input", () => {
  it("a value nested too deeply for the stack is E_LIMIT_EXCEEDED, not a RangeError", () => {
    expect(code(() => applyMergePatch(deep(20_000), deep(20_000)))).toBe("E_LIMIT_EXCEEDED");
    expect(code(() => applyStrategicMergePatch(deep(20_000) as never, deep(20_000)))).toBe("E_LIMIT_EXCEEDED");
    expect(code(() => applyJsonPatch({}, [{ op: "add", path: "/x", value: deep(20_000) }, { op: "test", path: "/x", value: deep(20_000) }]))).toBe("E_LIMIT_EXCEEDED");
    expect(code(() => applyMergePatch(deep(50), deep(50)))).toBe("ok");
  });

  it("$setElementOrder/__proto__ keeps __proto__ as a data key", () => {
    const out = applyStrategicMergePatch({}, frozenJson('{"$setElementOrder/__proto__": [1], "__proto__": [1]}'));
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":[1]}');
  });
});
