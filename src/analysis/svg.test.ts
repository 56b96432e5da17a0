import { describe, expect, it } from "vitest";
import { isStagecraftError } from "../errors.js";
import type { Exploration } from "./explore.js";
import { toSvg } from "./svg.js";

const exploration: Exploration = {
  states: [
    { id: "s0", projection: { phase: "Pending", conditions: [], containers: [], deleting: false }, depth: 0, terminal: false, example: {} },
    { id: "s1", projection: { phase: "Running", conditions: [{ type: "Ready", status: "True" }], containers: [], deleting: false }, depth: 1, terminal: true, example: {} },
  ],
  edges: [{ from: "s0", to: "s1", stage: "pod-ready", delay: { min: 1e9, max: 5e9 }, operations: [] }],
  truncated: false,
};

describe("toSvg", () => {
  it("renders the graph with @viz-js/viz", async () => {
    const svg = await toSvg(exploration);
    expect(svg).toMatch(/^<\?xml|^<svg/);
    expect(svg).toContain("</svg>");
    expect(svg).toMatch(/pod(-|&#45;)ready/);
    expect(svg).toContain("Ready=True");
  });

  it("says how to install @viz-js/viz when it is missing", async () => {
    const missing = Object.assign(new Error("Cannot find package '@viz-js/viz'"), { code: "ERR_MODULE_NOT_FOUND" });
    const error = await toSvg(exploration, { importViz: () => Promise.reject(missing) }).catch((e: unknown) => e);
    expect(isStagecraftError(error)).toBe(true);
    expect((error as Error).message).toContain("npm install @viz-js/viz");
  });

  it("passes other loading errors through", async () => {
    await expect(toSvg(exploration, { importViz: () => Promise.reject(new Error("boom")) })).rejects.toThrow("boom");
  });
});
