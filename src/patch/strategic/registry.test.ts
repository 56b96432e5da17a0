import { describe, expect, it } from "vitest";
import { NODE } from "./node.js";
import { POD } from "./pod.js";
import { strategicTypeOf } from "./registry.js";
import { fieldOf } from "./schema.js";

describe("strategicTypeOf", () => {
  it("knows core/v1 Pod, Node and PersistentVolumeClaim", () => {
    expect(strategicTypeOf("Pod", "v1")).toBe(POD);
    expect(strategicTypeOf("Node", "v1")).toBe(NODE);
    expect(strategicTypeOf("PersistentVolumeClaim", "v1")).toBeDefined();
    expect(strategicTypeOf("Pod", "example.com/v1")).toBeUndefined();
  });

  it("encodes the real tags: taints and container statuses are atomic", () => {
    expect(fieldOf(fieldOf(NODE, "spec")?.type, "taints")).toBeUndefined();
    expect(fieldOf(fieldOf(POD, "status")?.type, "containerStatuses")).toBeUndefined();
    expect(fieldOf(fieldOf(POD, "status")?.type, "conditions")).toEqual({ strategy: "merge", mergeKey: "type" });
    expect(fieldOf(POD, "constructor")).toBeUndefined();
    expect(fieldOf(POD, "__proto__")).toBeUndefined();
  });
});
