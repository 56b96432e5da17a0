import { describe, expect, it } from "vitest";
import { loadStagesOrThrow } from "../stage/load.js";
import { defaultLintSeeds, lint, lintAsync } from "./lint.js";
import type { LintRuleId } from "./lint-types.js";

interface Spec {
  name: string;
  kind?: string;
  selector: string;
  next: string;
  weight?: number;
  delay?: number;
}

function stages(...specs: Spec[]) {
  const text = specs
    .map(
      (s) => `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: ${s.name}}
spec:
  resourceRef: {apiGroup: v1, kind: ${s.kind ?? "Pod"}}
  selector: ${s.selector}
  weight: ${s.weight ?? 1}
${s.delay === undefined ? "" : `  delay: {durationMilliseconds: ${s.delay}}\n`}  next: ${s.next}
`,
    )
    .join("---\n");
  return loadStagesOrThrow({ text });
}

const node: Spec = { name: "node-ready", kind: "Node", selector: "{matchExpressions: [{key: .status.phase, operator: DoesNotExist}]}", next: '{statusTemplate: "phase: Running"}' };
const alive = "{key: .metadata.deletionTimestamp, operator: DoesNotExist}";
const create: Spec = { name: "pod-create", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: DoesNotExist}]}`, next: '{statusTemplate: "phase: Pending"}', delay: 1000 };
const run: Spec = { name: "pod-run", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Pending]}]}`, next: '{statusTemplate: "phase: Running\\nconditions: [{type: Ready, status: \\"True\\"}]"}', delay: 1000 };
const remove: Spec = { name: "pod-delete", selector: "{matchExpressions: [{key: .metadata.deletionTimestamp, operator: Exists}]}", next: "{delete: true}" };
const sound = [node, create, run, remove];

const rules = (specs: Spec[]): LintRuleId[] => lint(stages(...specs)).map((f) => f.rule);

describe("lint", () => {
  it("finds nothing in a sound set", () => {
    expect(lint(stages(...sound))).toEqual([]);
  });

  it("never-matches: In and NotIn on the same value, Exists and DoesNotExist", () => {
    const bad: Spec = { name: "pod-bad", selector: "{matchExpressions: [{key: .status.phase, operator: In, values: [A]}, {key: .status.phase, operator: NotIn, values: [A]}]}", next: "{delete: true}" };
    const worse: Spec = { name: "pod-worse", selector: "{matchExpressions: [{key: .spec.x, operator: Exists}, {key: .spec.x, operator: DoesNotExist}]}", next: "{delete: true}" };
    const found = lint(stages(...sound, bad, worse)).filter((f) => f.rule === "never-matches");
    expect(found.map((f) => [f.severity, f.stages])).toEqual([
      ["error", ["pod-bad"]],
      ["error", ["pod-worse"]],
    ]);
    expect(found[0]?.suggestion).toBeTruthy();
    expect(rules(sound)).not.toContain("never-matches");
    expect(rules([...sound, { ...bad, name: "pod-ok", selector: "{matchExpressions: [{key: .status.phase, operator: In, values: [A, B]}, {key: .status.phase, operator: NotIn, values: [A]}]}" }])).not.toContain("never-matches");
  });

  it("zero-weight-overlap: two stages possible in one state, both weight 0", () => {
    const a: Spec = { ...run, name: "pod-a", weight: 0 };
    const b: Spec = { ...run, name: "pod-b", weight: 0 };
    const found = lint(stages(node, create, a, b, remove)).filter((f) => f.rule === "zero-weight-overlap");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", stages: ["pod-a", "pod-b"], path: ["pod-create"] })]);
    expect(rules([node, create, a, { ...b, weight: 1 }, remove])).not.toContain("zero-weight-overlap");
  });

  it("phase-regression: Running back to Pending, Ready True → False without cause", () => {
    const back: Spec = { name: "pod-back", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Running]}]}`, next: '{statusTemplate: "phase: Pending"}', delay: 1000 };
    expect(lint(stages(...sound, back)).filter((f) => f.rule === "phase-regression")).toEqual([
      expect.objectContaining({ severity: "error", stages: ["pod-back"], path: ["pod-create", "pod-run", "pod-back"] }),
    ]);
    const unready: Spec = { ...back, name: "pod-unready", next: '{statusTemplate: "conditions: [{type: Ready, status: \\"False\\"}]"}' };
    expect(lint(stages(...sound, unready)).find((f) => f.rule === "phase-regression")?.message).toContain("Ready True → False");
    const failed: Spec = { ...back, name: "pod-fail", next: '{statusTemplate: "phase: Failed\\nconditions: [{type: Ready, status: \\"False\\"}]"}' };
    expect(rules([...sound, failed])).not.toContain("phase-regression");
  });

  it("zero-delay-cycle: a loop without delay is an error, a heartbeat with a delay is not", () => {
    const beat = (delay?: number): Spec => ({ name: "node-beat", kind: "Node", selector: "{matchExpressions: [{key: .status.phase, operator: In, values: [Running]}]}", next: '{statusTemplate: "phase: Running"}', ...(delay === undefined ? {} : { delay }) });
    expect(lint(stages(...sound, beat())).filter((f) => f.rule === "zero-delay-cycle")).toEqual([expect.objectContaining({ severity: "error", stages: ["node-beat"], path: ["node-ready", "node-beat"] })]);
    expect(rules([...sound, beat(20_000)])).not.toContain("zero-delay-cycle");
  });

  it("unreachable-stage: a stage no seed reaches", () => {
    const lost: Spec = { name: "pod-lost", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Unknown]}]}`, next: "{delete: true}" };
    expect(lint(stages(...sound, lost))).toEqual([expect.objectContaining({ rule: "unreachable-stage", severity: "warning", stages: ["pod-lost"] })]);
    expect(rules([...sound, lost].filter((s) => s.kind === "Node"))).not.toContain("unreachable-stage");
  });

  it("terminal-without-delete: a deleting pod no stage deletes", () => {
    const found = lint(stages(node, create, run)).filter((f) => f.rule === "terminal-without-delete");
    expect(found).toEqual([expect.objectContaining({ severity: "warning", path: [] })]);
    expect(lint(stages(node, create, run), { deletingSeeds: false }).map((f) => f.rule)).not.toContain("terminal-without-delete");
  });

  it("missing-node-stages: pod stages without node stages", () => {
    expect(lint(stages(create, run, remove))).toEqual([expect.objectContaining({ rule: "missing-node-stages", severity: "warning", stages: ["pod-create", "pod-run", "pod-delete"] })]);
    expect(rules([node])).not.toContain("missing-node-stages");
  });

  it("uses the given seeds, sorts errors first and does not modify its inputs", () => {
    const seed = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, status: { phase: "Running" } };
    const frozen = structuredClone(seed);
    const back: Spec = { name: "pod-back", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Running]}]}`, next: '{statusTemplate: "phase: Pending"}', delay: 1 };
    const found = lint(stages(create, run, back, remove), { seeds: [seed] });
    expect(found.map((f) => f.rule)).toEqual(["phase-regression", "unreachable-stage", "missing-node-stages"]);
    expect(found[0]?.path).toEqual(["pod-back"]);
    expect(seed).toEqual(frozen);
    expect(defaultLintSeeds().map((s) => (s as { kind: string }).kind)).toEqual(["Pod", "Pod", "Node"]);
  });
});

describe("lint: template-missing-field", () => {
  it("reports .status fields no seed nor explored state has, as info", () => {
    const typo: Spec = { ...run, name: "pod-typo", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Running]}]}`, next: '{statusTemplate: "message: {{ .status.phse }} {{ .status.phase }} {{ .spec.whatever }}"}', delay: 1000 };
    expect(lint(stages(...sound, typo))).toEqual([
      expect.objectContaining({ rule: "template-missing-field", severity: "info", stages: ["pod-typo"], message: expect.stringContaining(".status.phse") }),
    ]);
  });

  it("ignores fields inside range/with bodies, where the dot is another value", () => {
    const ranged: Spec = { ...run, name: "pod-ranged", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Running]}]}`, next: '{statusTemplate: "{{ range .spec.containers }}{{ .status.x }}{{ end }}{{ with .status }}{{ .nothing }}{{ end }}"}', delay: 1000 };
    expect(lint(stages(...sound, ranged)).map((f) => f.rule)).not.toContain("template-missing-field");
  });
});

describe("lintAsync", () => {
  it("agrees with lint, and lints JSONata stage sets lint cannot", async () => {
    const back: Spec = { name: "pod-back", selector: `{matchExpressions: [${alive}, {key: .status.phase, operator: In, values: [Running]}]}`, next: '{statusTemplate: "phase: Pending"}', delay: 1000 };
    expect(await lintAsync(stages(...sound, back))).toEqual(lint(stages(...sound, back)));
    const jsonata: Spec = { ...back, name: "pod-back-j", selector: "{matchExpressions: [{jsonata: {expression: \"status.phase = 'Running'\"}}]}" };
    expect(() => lint(stages(...sound, jsonata))).toThrow(/Async/);
    expect((await lintAsync(stages(...sound, jsonata))).map((f) => [f.rule, f.stages])).toEqual([["phase-regression", ["pod-back-j"]]]);
  });
});
