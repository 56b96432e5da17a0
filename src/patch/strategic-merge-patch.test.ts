import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import { deepFreeze, frozenJson } from "./deep-freeze.fixture.js";
import type { JsonValue } from "./json.js";
import { applyStrategicMergePatch } from "./strategic-merge-patch.js";

const pod = deepFreeze({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", finalizers: ["a", "b", "c"] },
  spec: { containers: [{ name: "a", image: "x", env: [{ name: "E", value: "1" }] }, { name: "b", image: "y" }], tolerations: [{ key: "t" }] },
  status: { conditions: [{ type: "Ready", status: "False" }, { type: "Initialized", status: "True" }], containerStatuses: [{ name: "a", ready: false }, { name: "b", ready: false }] },
});
const smp = (patch: unknown, object: unknown = pod) => applyStrategicMergePatch(object as JsonValue, deepFreeze(patch) as JsonValue);

describe("applyStrategicMergePatch", () => {
  it("merges status conditions by type, patch items first in patch order", () => {
    const out = smp({ status: { conditions: [{ type: "PodScheduled", status: "True" }, { type: "Ready", status: "True" }] } });
    expect(out["status"]).toMatchObject({
      conditions: [{ type: "PodScheduled", status: "True" }, { type: "Ready", status: "True" }, { type: "Initialized", status: "True" }],
    });
  });

  it("replaces lists without a merge strategy (container statuses, tolerations)", () => {
    const out = smp({ spec: { tolerations: [{ key: "u" }] }, status: { containerStatuses: [{ name: "a", ready: true }] } }) as Record<string, Record<string, unknown>>;
    expect(out["spec"]?.["tolerations"]).toEqual([{ key: "u" }]);
    expect(out["status"]?.["containerStatuses"]).toEqual([{ name: "a", ready: true }]);
  });

  it("merges containers by name and their env by name", () => {
    const out = smp({ spec: { containers: [{ name: "a", env: [{ name: "F", value: "2" }] }] } }) as Record<string, Record<string, unknown>>;
    expect(out["spec"]?.["containers"]).toEqual([
      { name: "a", image: "x", env: [{ name: "F", value: "2" }, { name: "E", value: "1" }] },
      { name: "b", image: "y" },
    ]);
  });

  it("merges finalizers as a set and removes with $deleteFromPrimitiveList", () => {
    expect((smp({ metadata: { finalizers: ["d", "b"] } }) as Record<string, Record<string, unknown>>)["metadata"]?.["finalizers"]).toEqual(["d", "a", "b", "c"]);
    expect((smp({ metadata: { "$deleteFromPrimitiveList/finalizers": ["b"] } }) as Record<string, Record<string, unknown>>)["metadata"]?.["finalizers"]).toEqual(["a", "c"]);
  });

  it("honours $patch: delete and replace in lists and maps", () => {
    const out = smp({ spec: { containers: [{ name: "a", $patch: "delete" }] }, status: { $patch: "replace", phase: "Running" } }) as Record<string, Record<string, unknown>>;
    expect(out["spec"]?.["containers"]).toEqual([{ name: "b", image: "y" }]);
    expect(out["status"]).toEqual({ phase: "Running" });
    expect(() => smp({ status: { $patch: "merge" } })).toThrow(expect.objectContaining({ code: ErrorCode.PatchInvalid }));
  });

  it("orders with $setElementOrder", () => {
    const out = smp({ spec: { "$setElementOrder/containers": [{ name: "b" }, { name: "a" }], containers: [{ name: "a", image: "z" }] } }) as Record<string, Record<string, unknown>>;
    expect(out["spec"]?.["containers"]).toEqual([{ name: "b", image: "y" }, { name: "a", image: "z", env: [{ name: "E", value: "1" }] }]);
  });

  it("uses only object metadata for kinds without a table", () => {
    const crd = { apiVersion: "example.com/v1", kind: "Foo", metadata: { finalizers: ["a"] }, spec: { list: [{ name: "a" }] } };
    expect(smp({ metadata: { finalizers: ["b"] }, spec: { list: [{ name: "b" }] } }, crd)).toEqual({ ...crd, metadata: { finalizers: ["b", "a"] }, spec: { list: [{ name: "b" }] } });
  });

  it("deletes with null and shares untouched subtrees", () => {
    const out = smp({ status: { conditions: null } }) as typeof pod;
    expect(out.spec).toBe(pod.spec);
    expect(out.status).toEqual({ containerStatuses: pod.status.containerStatuses });
  });

  it("treats __proto__, constructor and prototype as plain data keys", () => {
    const patch = frozenJson<JsonValue>('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"metadata":{"__proto__":{"x":1}}}');
    const out = applyStrategicMergePatch(pod, patch);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(out))).toMatchObject(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"metadata":{"__proto__":{"x":1}}}'));
  });
});
