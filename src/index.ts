/**
 * stagecraft — the side-effect-free engine: Stage loading and validation, the selector
 * languages (jq, CEL, JSONata), selector evaluation with explanations, KWOK's weight and
 * delay rules, Go template parsing and execution, and go-yaml v2 compatible YAML. Nothing here performs I/O or reads the clock; file loading is in
 * `stagecraft/node`.
 *
 * @module stagecraft
 */
export { ErrorCode, StagecraftError, isStagecraftError, formatPath, formatLocation } from "./errors.js";
export type { FieldPath, SourceLocation, ErrorDetails } from "./errors.js";
export { Severity, formatIssue, formatIssues } from "./issues.js";
export type { Issue } from "./issues.js";

export { ExpressionLanguage } from "./expression/types.js";
export type { EvalContext, Evaluation, CompiledExpression } from "./expression/types.js";
export { compileExpression, tryCompileExpression } from "./expression/compile.js";
export type { CompileExpressionResult } from "./expression/compile.js";
export { compileJq, toJSONValue, JQ_SUPPORTED } from "./expression/jq/index.js";
export type { JqOptions, JqProgram } from "./expression/jq/index.js";
export { compileCel, CelDuration, Quantity, QuantityFormat, parseQuantity } from "./expression/cel/index.js";
export type { CelLimits, CelOptions, CelProgram } from "./expression/cel/index.js";
export { compileJsonata } from "./expression/jsonata/index.js";
export type { JsonataOptions, JsonataProgram } from "./expression/jsonata/index.js";

export {
  EXCLUDED_SPRIG_FUNCTIONS,
  KWOK_TEMPLATE_FUNCTIONS,
  formatTemplateNode,
  parseKwokTemplate,
  parseTemplate,
  tryParseTemplate,
} from "./template/index.js";
export type * from "./template/index.js";
export {
  executeTemplate,
  renderToJson,
  IMPLEMENTED_SPRIG_FUNCTIONS,
  JsonNumber,
  kwokFunctions,
  placeholderFunctions,
  sprigFunctions,
  toTemplateData,
} from "./template/exec/index.js";
export type {
  ExecuteLimits,
  ExecuteTemplateOptions,
  FunctionMap,
  GoFunction,
  GoParamType,
  KwokFunctionsOptions,
  SprigClock,
  SprigFunctionsOptions,
  SprigRandom,
} from "./template/exec/index.js";
export { goJsonStringify, marshalGoYaml, yamlToJson } from "./yaml/index.js";
export type { MarshalGoYamlOptions, YamlToJsonOptions } from "./yaml/index.js";

export { parseYamlDocuments } from "./stage/yaml.js";
export type { ParsedYaml, ParseYamlOptions, YamlDocument, YamlLimits } from "./stage/yaml.js";
export { loadStages, loadStagesOrThrow } from "./stage/load.js";
export type { IgnoredDocument, LoadStagesOptions, LoadStagesResult, StageSource } from "./stage/load.js";
export { parseStage } from "./stage/parse-stage.js";
export type { ParseStageOptions, ParseStageResult } from "./stage/parse-stage.js";
export { PatchType, SelectorOperator } from "./stage/model.js";
export type {
  ExpressionSource,
  Impersonation,
  JqRequirement,
  MatchExpression,
  ResourceRef,
  Stage,
  StageApply,
  StageDelay,
  StageEvent,
  StageFinalizers,
  StageOrigin,
  StagePatch,
  StageSelector,
  StageStep,
} from "./stage/model.js";
export type * from "./stage/v1alpha1.js";

export { compileSelector, requirementMatches, requirementText, requirementValues } from "./selector/index.js";
export type {
  CompiledSelector,
  SelectorExplanation,
  SelectorMatch,
  TermKind,
  TermOutcome,
  TermStatus,
} from "./selector/index.js";

export { compileWeight } from "./values/weight.js";
export type { WeightGetter } from "./values/weight.js";
export { compileDelay } from "./values/delay.js";
export type { DelayContext, DelayGetter } from "./values/delay.js";
export type { ValueResult } from "./values/value-result.js";
export { formatGoDuration, parseGoDuration, parseGoInt, parseRfc3339Nano } from "./values/go-parse.js";

export {
  applyOperation,
  compileLifecycle,
  currentFinalizers,
  finalizerOperations,
  listPossible,
  listPossibleAsync,
  match,
  matchAsync,
  PatchContentType,
  plan,
  planAsync,
  refOfObject,
} from "./plan/index.js";
export type {
  ApplyOperation,
  CompiledApply,
  CompiledPatch,
  CompiledStage,
  CompiledStep,
  DefaultPatchType,
  DeleteOperation,
  EventOperation,
  Lifecycle,
  LifecycleOptions,
  MatchOptions,
  Operation,
  PatchOperation,
  Plan,
  PlanOptions,
  PlanOutcome,
  PlanResult,
  PossibleStage,
  StepsOutcome,
} from "./plan/index.js";
export { formatRfc3339Nano } from "./values/go-format.js";

export { applyJsonPatch, applyMergePatch, applyStrategicMergePatch, strategicTypeOf } from "./patch/index.js";
export type { JsonObject, JsonPatchOperation, JsonValue, StrategicField, StrategicMergePatchOptions, StrategicType } from "./patch/index.js";

export { isPresetName, loadPreset, presetNames, PRESETS, NODE_FAST_YAML, NODE_HEARTBEAT_YAML, POD_FAST_YAML, POD_GENERAL_YAML } from "./presets/index.js";
export type { PresetName } from "./presets/index.js";

export {
  BOOTSTRAP_ANNOTATION_PREFIX,
  evaluateNodeReadinessGates,
  evaluateNodeReadinessRules,
  evaluatePodReadiness,
  findUntoleratedTaint,
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
  isSchedulable,
  matchesLabelSelector,
  matchesNodeAffinity,
  NODE_READINESS_API_VERSION,
  nodeReadinessRuleStatus,
  nodeSelectorTermMatches,
  parseNodeReadinessRule,
  parseNodeReadinessRuleOrThrow,
  PodConditionReason,
  podReadinessGates,
  podRequests,
  READINESS_TAINT_PREFIX,
  SchedulingReasonCode,
  toleratesTaint,
} from "./readiness/index.js";
export type * from "./readiness/index.js";

export { explain, explainAsync } from "./analysis/index.js";
export type { ExplainFinding, Explanation, StageExplanation } from "./analysis/index.js";

export { defaultProjection, delayText, edgeLines, explore, exploreAsync, shortestPath, stateLines, toDot, toMermaid } from "./analysis/index.js";
export type { DelayRange, Exploration, ExploreOptions, ExploredEdge, ExploredState, GraphOptions } from "./analysis/index.js";

export { defaultLintSeeds, lint, lintAsync } from "./analysis/index.js";
export type { LintFinding, LintOptions, LintRuleId, LintSeverity } from "./analysis/index.js";
