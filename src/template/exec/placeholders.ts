/**
 * The test-harness placeholder functions of KWOK's `stage_test.go` (spec §5.4).
 *
 * @module
 */
import { type FunctionMap, goFunction } from "./function-map.js";
import { formatGoSyntax } from "./go-fmt-value.js";

const STRING_PLACEHOLDERS = ["NodeIP", "NodeName", "NodePort", "PodIP", "NodeIPWith", "PodIPWith", "Now", "now", "Version"];
const LIST_PLACEHOLDERS = ["NodeIPsWith", "PodIPsWith"];

function call(name: string, args: readonly unknown[]): string {
  return args.length === 0 ? name : `${name}(${args.map((a) => formatGoSyntax(a)).join(", ")})`;
}

/**
 * Placeholder functions: `<Name>` / `<Name(args)>` (arguments in Go `%#v`) for `NodeIP
 * NodeName NodePort PodIP NodeIPWith PodIPWith Now now Version`, and two-element lists
 * `["<0 of Name>", "<1 of Name>"]` for `NodeIPsWith PodIPsWith`.
 *
 * @returns the function map, to merge over KWOK's defaults
 * @example
 * ```ts
 * // {{ NodeIPWith .spec.nodeName }} → <NodeIPWith("node")>
 * const fns = { ...kwokFunctions(opts), ...placeholderFunctions() };
 * ```
 * @category Template
 */
export function placeholderFunctions(): FunctionMap {
  const map: Record<string, ReturnType<typeof goFunction>> = {};
  for (const name of STRING_PLACEHOLDERS) map[name] = goFunction([], (...args: unknown[]) => `<${call(name, args)}>`, "any");
  for (const name of LIST_PLACEHOLDERS) {
    map[name] = goFunction([], (...args: unknown[]) => [`<0 of ${call(name, args)}>`, `<1 of ${call(name, args)}>`], "any");
  }
  return map;
}
