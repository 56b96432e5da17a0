import { describe, expect, it } from "vitest";
import { isStoreError } from "../../store/errors.js";
import { compileFieldSelector, pinnedName } from "./field-selector.js";

const pod = {
  metadata: { name: "web-0", namespace: "default" },
  spec: { nodeName: "node-1", hostNetwork: false, priority: 5 },
  status: { phase: "Running" },
};

describe("compileFieldSelector", () => {
  it.each([
    ["", true],
    ["metadata.name=web-0", true],
    ["metadata.name==web-0", true],
    ["metadata.name!=web-0", false],
    ["metadata.namespace=default,status.phase=Running", true],
    ["spec.nodeName=node-2", false],
    ["spec.nodeName!=", true],
    ["spec.schedulerName=", true],
    ["spec.hostNetwork=false", true],
    ["spec.priority=5", true],
    ["status.phase=Pending", false],
    ["metadata.__proto__=", true],
  ] as const)("%j → %j", (selector, expected) => {
    expect(compileFieldSelector(selector)(pod)).toBe(expected);
  });

  it("reads escaped values", () => {
    const object = { metadata: { name: "a,b=c" } };
    expect(compileFieldSelector("metadata.name=a\\,b\\=c")(object)).toBe(true);
  });

  it.each(["metadata.name", "=x", "a=b\\q", "a=b=c"])("rejects %j with BadRequest", (selector) => {
    let caught: unknown;
    try {
      compileFieldSelector(selector);
    } catch (error) {
      caught = error;
    }
    expect(isStoreError(caught) && caught.reason === "BadRequest").toBe(true);
  });
});

describe("pinnedName", () => {
  it.each([
    [undefined, undefined],
    ["", undefined],
    ["metadata.name=a", "a"],
    ["status.phase=Running,metadata.name==b", "b"],
    ["metadata.name!=a", undefined],
  ] as const)("%j → %j", (selector, expected) => {
    expect(pinnedName(selector)).toBe(expected);
  });
});
