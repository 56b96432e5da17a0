import { describe, expect, it } from "vitest";
import { applyOperation } from "./apply-operation.js";
import { PatchContentType, type PatchOperation } from "./types.js";

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", finalizers: ["a", "b"] },
  spec: { containers: [{ name: "c", image: "i" }] },
  status: { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True" }] },
};

function patch(patchType: PatchOperation["patchType"], data: unknown, subresource = ""): PatchOperation {
  return { kind: "patch", step: 0, source: "patch", patchType, contentType: PatchContentType[patchType], subresource, data };
}

const deepFreeze = <T>(o: T): T => {
  if (o !== null && typeof o === "object") {
    Object.freeze(o);
    Object.values(o).forEach(deepFreeze);
  }
  return o;
};

describe("applyOperation", () => {
  it("applies a merge patch to the status subresource", () => {
    const next = applyOperation(pod, patch("merge", { status: { phase: "Running" } }, "status"));
    expect(next.status).toEqual({ phase: "Running", conditions: [{ type: "PodScheduled", status: "True" }] });
    expect(next.spec).toBe(pod.spec);
  });

  it("merges conditions by type with a strategic merge patch", () => {
    const next = applyOperation(pod, patch("strategic", { status: { conditions: [{ type: "Ready", status: "True" }] } }, "status"));
    expect(next.status.conditions).toEqual([
      { type: "Ready", status: "True" },
      { type: "PodScheduled", status: "True" },
    ]);
  });

  it("applies KWOK's finalizer JSON patches", () => {
    const next = applyOperation(pod, {
      kind: "patch",
      step: 0,
      source: "finalizers",
      patchType: "json",
      contentType: PatchContentType.json,
      subresource: "",
      data: [{ op: "remove", path: "/metadata/finalizers/1" }],
    });
    expect(next.metadata.finalizers).toEqual(["a"]);
  });

  it("ignores status in a main-resource patch and everything but status in a status patch, like the API server", () => {
    const main = applyOperation(pod, patch("merge", { metadata: { labels: { x: "y" } }, status: { phase: "Failed" } }));
    expect(main.status.phase).toBe("Pending");
    expect((main.metadata as { labels?: unknown }).labels).toEqual({ x: "y" });
    const status = applyOperation(pod, patch("merge", { metadata: { labels: { x: "y" } }, status: { phase: "Failed" } }, "status"));
    expect(status.status.phase).toBe("Failed");
    expect((status.metadata as { labels?: unknown }).labels).toBeUndefined();
  });

  it("fails clearly when a JSON patch does not apply", () => {
    expect(() => applyOperation(pod, patch("json", [{ op: "remove", path: "/metadata/labels/x" }]))).toThrow(/json patch op 0 \(remove "\/metadata\/labels\/x"\)/);
  });

  it("leaves the object alone for events and rejects delete/apply", () => {
    expect(applyOperation(pod, { kind: "event", step: 0, type: "Normal", reason: "r", message: "m" })).toBe(pod);
    expect(() => applyOperation(pod, { kind: "delete", step: 0 })).toThrow(/needs a store/);
  });

  it("never writes through __proto__ and does not mutate its input", () => {
    const frozen = deepFreeze(structuredClone(pod));
    const next = applyOperation(frozen, patch("merge", JSON.parse('{"metadata":{"__proto__":{"polluted":true}}}')));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.hasOwn(next.metadata, "__proto__")).toBe(true);
    expect(frozen).toEqual(pod);
  });
});
