/**
 * Execution of parsed Go templates (Go 1.22 `text/template` semantics), KWOK's functions,
 * the test-harness placeholders and sprig's functions.
 *
 * @module
 */
export { executeTemplate } from "./execute.js";
export { renderToJson } from "./render-json.js";
export type { ExecuteTemplateOptions, ExecuteLimits } from "./execute.js";
export { goFunction, toGoFunction } from "./function-map.js";
export type { FunctionMap, GoFunction, GoParamType } from "./function-map.js";
export { JsonNumber, MISSING, toTemplateData, isTrue } from "./values.js";
export { formatValue, formatGoSyntax } from "./go-fmt-value.js";
export { goSprintf } from "./printf.js";
export { goJsonMarshal, goJsonString } from "./go-json.js";
export { GO_BUILTIN_FUNCTIONS } from "./builtins.js";
export { kwokFunctions, kwokQuote, kwokYaml } from "./kwok-functions.js";
export type { KwokFunctionsOptions } from "./kwok-functions.js";
export { placeholderFunctions } from "./placeholders.js";
export { IMPLEMENTED_SPRIG_FUNCTIONS, sprigFunctions } from "./sprig.js";
export type { SprigClock, SprigFunctionsOptions, SprigRandom } from "./sprig.js";
