/**
 * stagecraft for tests: KWOK's stage-testing harness over golden folders
 * (`testdata/<case>.input.yaml` → `testdata/<case>.output.yaml`), usable from any test runner,
 * and the harness's placeholder template functions. Reads the file system (Node.js). Does not
 * load vitest: the store contract suite is in `stagecraft/testing/contract`.
 *
 * @module stagecraft/testing
 */
export {
  HARNESS_NOW,
  discoverStageTests,
  formatStageTestOutput,
  lineDiff,
  runStageTest,
  runStageTests,
  stageTestOutput,
} from "./testing/index.js";
export type {
  RunStageTestsOptions,
  StageTestCase,
  StageTestEntry,
  StageTestOutput,
  StageTestOutputOptions,
  StageTestResult,
  StageTestSummary,
} from "./testing/index.js";
export { placeholderFunctions } from "./template/exec/placeholders.js";
