import { describe, expect, it } from "vitest";
import { compileManageFilter } from "./manage.js";

const obj = (labels?: Record<string, string>, annotations?: Record<string, string>) => ({
  apiVersion: "v1",
  kind: "Node",
  metadata: { name: "n", ...(labels ? { labels } : {}), ...(annotations ? { annotations } : {}) },
});

describe("compileManageFilter", () => {
  it("manages every node without selectors", () => {
    const f = compileManageFilter();
    expect(f.node(obj())).toBe(true);
    expect(f.disregarded(obj({ a: "b" }))).toBe(false);
  });
  it("selects nodes by annotations", () => {
    const f = compileManageFilter({ nodeAnnotationSelector: "kwok.x-k8s.io/node in (fake)" });
    expect(f.node(obj(undefined, { "kwok.x-k8s.io/node": "fake" }))).toBe(true);
    expect(f.node(obj())).toBe(false);
  });
  it("disregards only objects that have labels/annotations matching (KWOK)", () => {
    const f = compileManageFilter({ disregardLabelSelector: "!keep", disregardAnnotationSelector: "x=y" });
    expect(f.disregarded(obj())).toBe(false); // no labels at all: not disregarded, even though !keep matches
    expect(f.disregarded(obj({ other: "1" }))).toBe(true);
    expect(f.disregarded(obj({ keep: "1" }))).toBe(false);
    expect(f.disregarded(obj({ keep: "1" }, { x: "y" }))).toBe(true);
  });
  it("rejects a malformed selector", () => {
    expect(() => compileManageFilter({ nodeAnnotationSelector: "a in (" })).toThrow();
  });
});
