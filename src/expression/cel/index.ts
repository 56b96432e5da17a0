/**
 * CEL as a stagecraft expression language, with KWOK's functions.
 *
 * @module
 */
export { compileCel } from "./compile-cel.js";
export type { CelOptions, CelProgram } from "./compile-cel.js";
export type { CelLimits } from "./environment.js";
export { CelDuration } from "./cel-duration.js";
export { Quantity, QuantityFormat, parseQuantity } from "./quantity.js";
