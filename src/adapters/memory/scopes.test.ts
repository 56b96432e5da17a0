import { describe, expect, it } from "vitest";
import { createMemoryStore } from "./memory-store.js";
import { scopeResolver } from "./scopes.js";

describe("scopeResolver", () => {
  it("uses the caller's table, then the built-in cluster kinds", () => {
    const isCluster = scopeResolver({ "Widget.example.com": "Cluster", Node: "Namespaced" });
    expect(isCluster({ apiVersion: "example.com/v1", kind: "Widget" })).toBe(true);
    expect(isCluster({ apiVersion: "v1", kind: "Node" })).toBe(false);
    expect(isCluster({ apiVersion: "v1", kind: "Namespace" })).toBe(true);
    expect(isCluster({ apiVersion: "v1", kind: "Pod" })).toBe(false);
  });

  it("asks a function every time, falling back to the built-in kinds on undefined", () => {
    let gadgets: "Cluster" | undefined;
    const isCluster = scopeResolver((type) => (type.kind === "Gadget" ? gadgets : undefined));
    expect(isCluster({ apiVersion: "example.com/v1", kind: "Gadget" })).toBe(false);
    gadgets = "Cluster";
    expect(isCluster({ apiVersion: "example.com/v1", kind: "Gadget" })).toBe(true);
    expect(isCluster({ apiVersion: "v1", kind: "Node" })).toBe(true);
  });

  it("lets a memory store keep cluster-scoped custom kinds without a namespace", async () => {
    const store = createMemoryStore({ scopes: (type) => (type.kind === "Gadget" ? "Cluster" : undefined) });
    const created = await store.create({ apiVersion: "example.com/v1", kind: "Gadget", metadata: { name: "g", namespace: "x" } });
    expect(created.metadata.namespace).toBeUndefined();
  });
});
