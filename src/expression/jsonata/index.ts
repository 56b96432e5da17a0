/**
 * JSONata as a stagecraft extension expression language (not portable to KWOK).
 *
 * @module
 */
export { compileJsonata } from "./compile-jsonata.js";
export type { JsonataOptions, JsonataProgram } from "./compile-jsonata.js";
