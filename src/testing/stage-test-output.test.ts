import { describe, expect, it } from "vitest";
import { loadStagesOrThrow } from "../stage/load.js";
import { HARNESS_NOW, stageTestOutput } from "./stage-test-output.js";

// A CEL selector on Now() and a delay from an RFC 3339 time: KWOK's harness fixes only the delay
// instant (2006-01-02T15:04:05Z); CEL's Now() is the wall clock (spec §2.4, §3.2).
const STAGES = `
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata: {name: after-2020}
spec:
  resourceRef: {apiGroup: v1, kind: ConfigMap}
  selector:
    matchExpressions:
    - cel: {expression: "timestamp('2020-01-01T00:00:00Z') < Now()"}
  delay:
    durationFrom:
      jq: {expression: '"2006-01-02T15:04:06Z"'}
`;
const stages = loadStagesOrThrow({ text: STAGES, file: "stages.yaml" });
const object = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" } };

describe("stageTestOutput instants", () => {
  it("evaluates CEL's Now() on the wall clock and delays at the harness instant by default", async () => {
    const r = await stageTestOutput(object, stages);
    expect(r.ok && r.value.stages.map((s) => [s.stage, s.delay])).toEqual([["after-2020", [1_000_000_000]]]);
  });

  it("uses an explicit now for both", async () => {
    const r = await stageTestOutput(object, stages, { now: HARNESS_NOW });
    expect(r.ok && r.value.stages).toEqual([]);
  });
});
