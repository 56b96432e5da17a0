/**
 * stagecraft for tests: KWOK's stage-testing harness over golden folders
 * (`testdata/<case>.input.yaml` → `testdata/<case>.output.yaml`), usable from any test runner,
 * and the harness's placeholder template functions. Reads the file system (Node.js).
 * Also the `ResourceStore` contract suite ({@link describeStoreContract}), which registers vitest
 * cases: importing this entry needs `vitest` installed (an optional peer dependency).
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
export { describeStoreContract } from "./testing/store-contract.js";
export type { StoreContractOptions } from "./testing/store-contract.js";
