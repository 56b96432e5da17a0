import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileLifecycle } from "../plan/compile-lifecycle.js";
import { loadPreset } from "../presets/index.js";
import { runGoldens, stagecraftMatchers } from "../testing-matchers.js";

expect.extend(stagecraftMatchers);

const lifecycle = compileLifecycle(loadPreset("general"), { defaultPatchType: "controller" });
const pending = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { nodeName: "n", containers: [{ name: "c", image: "i" }] } };
const phase = (o: unknown) => (o as { status?: { phase?: string } }).status?.phase;

describe("stagecraftMatchers", () => {
  it("toMatchStage: the object is among the stages KWOK could choose", () => {
    expect(pending).toMatchStage("pod-accepted", lifecycle);
    expect(pending).toMatchStage("pod-accepted");
    expect(pending).not.toMatchStage("pod-running", lifecycle);
    expect(() => expect(pending).toMatchStage("pod-running")).toThrow(/to match stage pod-running; possible stages: pod-accepted/);
  });

  it("toReach: some explored state satisfies the predicate", () => {
    expect(lifecycle).toReach(pending, (o) => phase(o) === "Running");
    expect(lifecycle).not.toReach(pending, (o) => phase(o) === "Unknown");
    expect(() => expect(lifecycle).not.toReach(pending, (o) => phase(o) === "Running")).toThrow(/through pod-accepted → pod-running/);
  });

  it("toHaveNoLintErrors: lint finds no error", () => {
    expect(loadPreset("general")).toHaveNoLintErrors();
    expect(() => expect([]).not.toHaveNoLintErrors()).toThrow(/expected lint errors, found none/);
  });
});

describe("runGoldens", () => {
  const count = runGoldens(join(import.meta.dirname, "../../../shared/conformance/kwok/pod/general"));
  it("registered one test per golden case", () => {
    expect(count).toBeGreaterThan(3);
  });
});
