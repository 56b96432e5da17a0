/**
 * Golden-file stage testing (KWOK's `stage_test.go` harness as a product feature).
 *
 * @module
 */
export { HARNESS_NOW, formatStageTestOutput, stageTestOutput } from "./stage-test-output.js";
export type { StageTestEntry, StageTestOutput, StageTestOutputOptions } from "./stage-test-output.js";
export { discoverStageTests, runStageTest, runStageTests } from "./run-stage-tests.js";
export type { RunStageTestsOptions, StageTestCase, StageTestResult, StageTestSummary } from "./run-stage-tests.js";
export { lineDiff } from "./line-diff.js";
