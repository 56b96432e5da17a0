/**
 * Stage presets written by stagecraft, loadable by name: `node-fast`, `node-heartbeat`,
 * `pod-fast`, `pod-general`, and the combinations `fast` and `general`. They behave like the
 * stage sets KWOK ships under the same names; the YAML is embedded, so loading needs no file I/O.
 *
 * The stages are written for stagecraft (own names, the current `steps`/`jq` form, own
 * templates). Annotation names that tune `pod-general` per pod are KWOK's
 * (`pod-ready.stage.kwok.x-k8s.io/delay`, …), so manifests written for KWOK behave the same.
 * Patch types are left unset, so a controller uses strategic merge for Pods and Nodes as KWOK does.
 *
 * Differences from KWOK's stage files, on inputs where KWOK's own stages misbehave:
 * - `node-fast` quotes the `nodeInfo` values it copies; KWOK writes them unquoted, so a
 *   `kernelVersion` of `5.10` would become the number 5.1 (which the API server rejects).
 * - `pod-general` and `pod-fast` do not look up the old container statuses; KWOK's templates do
 *   (`index .status.containerStatuses $i`, unused) and fail when the status lists fewer
 *   containers than the spec.
 * - `pod-fast` follows KWOK's `pod/fast` set as its conformance cases describe it; KWOK's files
 *   for it are not part of the reference data this project tests against.
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import { loadStagesOrThrow, type StageSource } from "../stage/load.js";
import type { Stage } from "../stage/model.js";
import { NODE_FAST_YAML } from "./node-fast.js";
import { NODE_HEARTBEAT_YAML } from "./node-heartbeat.js";
import { POD_FAST_YAML } from "./pod-fast.js";
import { POD_GENERAL_YAML } from "./pod-general.js";

export { NODE_FAST_YAML, NODE_HEARTBEAT_YAML, POD_FAST_YAML, POD_GENERAL_YAML };

/** The single-file presets, in the order combinations list them. */
const PARTS = {
  "node-fast": NODE_FAST_YAML,
  "node-heartbeat": NODE_HEARTBEAT_YAML,
  "pod-fast": POD_FAST_YAML,
  "pod-general": POD_GENERAL_YAML,
} as const;

type PartName = keyof typeof PARTS;

/**
 * The name of a stage preset.
 *
 * - `node-fast`: Nodes become Ready at once.
 * - `node-heartbeat`: Ready nodes refresh their conditions every 20–25 s.
 * - `pod-fast`: Pods become Running at once, Job pods succeed at once, terminating pods go away at once.
 * - `pod-general`: the full Pod lifecycle (init containers included) with 1–5 s per stage.
 * - `fast`: `node-fast` + `node-heartbeat` + `pod-fast`.
 * - `general`: `node-fast` + `node-heartbeat` + `pod-general`.
 *
 * @example
 * ```ts
 * const name: PresetName = "fast";
 * ```
 * @category Presets
 */
export type PresetName = "node-fast" | "node-heartbeat" | "pod-fast" | "pod-general" | "fast" | "general";

/** What each preset name stands for, single presets first. */
const COMPOSITION: Readonly<Record<PresetName, readonly PartName[]>> = {
  "node-fast": ["node-fast"],
  "node-heartbeat": ["node-heartbeat"],
  "pod-fast": ["pod-fast"],
  "pod-general": ["pod-general"],
  fast: ["node-fast", "node-heartbeat", "pod-fast"],
  general: ["node-fast", "node-heartbeat", "pod-general"],
};

function joinDocuments(parts: readonly PartName[]): string {
  return parts.map((p) => PARTS[p].replace(/\n*$/, "\n")).join("---\n");
}

/**
 * The Stage YAML of every preset, by name. Combined presets (`fast`, `general`) hold their
 * parts as one multi-document text.
 *
 * @example
 * ```ts
 * writeFileSync("stages.yaml", PRESETS["pod-general"]); // a file KWOK can load too
 * ```
 * @category Presets
 */
export const PRESETS: Readonly<Record<PresetName, string>> = Object.freeze(
  Object.fromEntries(Object.entries(COMPOSITION).map(([name, parts]) => [name, joinDocuments(parts)])) as Record<PresetName, string>,
);

/**
 * The names of all presets, single ones first, then the combinations.
 *
 * @returns `["node-fast", "node-heartbeat", "pod-fast", "pod-general", "fast", "general"]`
 * @example
 * ```ts
 * presetNames().includes("fast"); // true
 * ```
 * @category Presets
 */
export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

/**
 * Tells whether a string names a preset.
 *
 * @param name - the candidate, e.g. a CLI argument
 * @returns true when {@link loadPreset} accepts it
 * @example
 * ```ts
 * isPresetName("general"); // true
 * isPresetName("./stages"); // false
 * ```
 * @category Presets
 */
export function isPresetName(name: string): name is PresetName {
  return Object.prototype.hasOwnProperty.call(COMPOSITION, name);
}

/**
 * Loads one preset, or several, as Stages. Parts named more than once (`["fast", "general"]`
 * both hold `node-fast`) are loaded once; stages keep the order of the names.
 *
 * @param names - a preset name or a list of names
 * @returns the stages, ready for `compileLifecycle`
 * @throws StagecraftError with code `E_INVALID_VALUE` for an unknown name (the message lists the known ones)
 * @example
 * ```ts
 * const lifecycle = compileLifecycle(loadPreset("general").filter((s) => s.resourceRef.kind === "Pod"));
 * loadPreset(["node-fast", "pod-fast"]).length; // 4
 * ```
 * @category Presets
 */
export function loadPreset(names: string | readonly string[]): Stage[] {
  const list: readonly string[] = typeof names === "string" ? [names] : names;
  const parts: PartName[] = [];
  for (const name of list) {
    if (!isPresetName(name)) {
      throw new StagecraftError(ErrorCode.InvalidValue, `unknown stage preset ${JSON.stringify(name)}; known presets: ${presetNames().join(", ")}`, {
        expected: `one of ${presetNames().join(", ")}`,
        received: JSON.stringify(name),
      });
    }
    for (const part of COMPOSITION[name]) if (!parts.includes(part)) parts.push(part);
  }
  const sources: StageSource[] = parts.map((part) => ({ file: `preset:${part}`, text: PARTS[part] }));
  return [...loadStagesOrThrow(sources)];
}
