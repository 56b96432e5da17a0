/**
 * KWOK's default template functions (`Quote Now StartTime YAML Version NodeConditions`,
 * spec §5.2), with the clock, version and YAML emitter injected.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../../errors.js";
import { goQuote } from "../quote.js";
import { type FunctionMap, goFunction } from "./function-map.js";
import { formatValue } from "./go-fmt-value.js";
import { goJsonMarshal } from "./go-json.js";

/**
 * What {@link kwokFunctions} needs from the outside world.
 *
 * @category Template
 * @example
 * ```ts
 * kwokFunctions({ now: () => new Date().toISOString(), startTime: "2024-01-01T00:00:00Z", version: "0.9.0" });
 * ```
 */
export interface KwokFunctionsOptions {
  /** The current time as RFC 3339 text with nanoseconds (`Now`). */
  readonly now: () => string;
  /** The process start time as RFC 3339 text (`StartTime`). */
  readonly startTime: string;
  /** KWOK's version (`Version`), default `"0.9.0"`. */
  readonly version?: string;
  /** go-yaml v2's `Marshal` of a JSON-compatible value (`YAML`); without it `YAML` fails. */
  readonly yaml?: (value: unknown) => string;
}

/**
 * KWOK's `Quote`: the JSON of a string unchanged, anything else Go-quoted JSON; a missing
 * value gives `"null"`.
 *
 * @param v - a template value
 * @returns a double-quoted YAML-safe scalar
 * @example
 * ```ts
 * kwokQuote("a<b"); // "\"a\\u003cb\""
 * kwokQuote(true); // "\"true\""
 * ```
 * @category Template
 */
export function kwokQuote(v: unknown): string {
  let json: string;
  try {
    json = goJsonMarshal(v);
  } catch {
    return goQuote(formatValue(v));
  }
  return json.startsWith('"') ? json : goQuote(json);
}

const CONDITIONS: readonly (readonly [string, string, string, string])[] = [
  ["Ready", "True", "KubeletReady", "kubelet is posting ready status"],
  ["MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  ["DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  ["PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  ["NetworkUnavailable", "False", "RouteCreated", "RouteController created a route"],
];

/**
 * KWOK's `YAML x [n]` indent logic around a YAML emitter.
 *
 * @param yaml - the emitter
 * @param value - the value
 * @param indent - the optional indent arguments
 * @returns the YAML text, indented by 2·n spaces after a leading newline when n > 0
 * @example
 * ```ts
 * kwokYaml(() => "a: 1\n", {}, [1n]); // "\n  a: 1\n  "
 * ```
 * @category Template
 */
export function kwokYaml(yaml: (value: unknown) => string, value: unknown, indent: readonly bigint[]): string {
  const y = yaml(value);
  const n = indent[0];
  if (indent.length === 1 && n !== undefined && n > 0n) {
    const pad = " ".repeat(Number(n) * 2);
    return `\n${y}`.replaceAll("\n", `\n${pad}`);
  }
  return y;
}

/**
 * KWOK's default template functions, with time, version and YAML injected.
 *
 * @param options - the clock, start time, version and YAML emitter
 * @returns the function map
 * @example
 * ```ts
 * const fns = kwokFunctions({ now: () => "2006-01-02T15:04:05Z", startTime: "2006-01-02T15:04:05Z" });
 * ```
 * @category Template
 */
export function kwokFunctions(options: KwokFunctionsOptions): FunctionMap {
  const { yaml } = options;
  return {
    Quote: goFunction(["any"], kwokQuote),
    Now: goFunction([], () => options.now()),
    StartTime: goFunction([], () => options.startTime),
    Version: goFunction([], () => options.version ?? "0.9.0"),
    NodeConditions: goFunction([], () =>
      CONDITIONS.map(([type, status, reason, message]) => ({ type, status, lastHeartbeatTime: null, lastTransitionTime: null, reason, message })),
    ),
    YAML: goFunction(
      ["any"],
      (value: unknown, ...indent: bigint[]) => {
        if (yaml === undefined) throw new Error("no YAML emitter configured");
        try {
          return kwokYaml(yaml, value, indent);
        } catch (error) {
          // sigs.k8s.io/yaml.Marshal reads its JSON back with go-yaml: a YAML error is a function error
          if (error instanceof StagecraftError && error.code === ErrorCode.YamlSyntax) throw new Error(`error converting JSON to YAML: ${error.rawMessage}`);
          throw error;
        }
      },
      "int",
    ),
  };
}
