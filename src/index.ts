/**
 * stagecraft — the side-effect-free engine: Stage loading and validation, selector
 * languages (jq, CEL, JSONata) and selector evaluation. Nothing here performs I/O.
 *
 * @module stagecraft
 */
export { ErrorCode, StagecraftError, isStagecraftError, formatPath, formatLocation } from "./errors.js";
export type { FieldPath, SourceLocation, ErrorDetails } from "./errors.js";
export { ExpressionLanguage } from "./expression/types.js";
export type { EvalContext, Evaluation, CompiledExpression } from "./expression/types.js";
