/**
 * The template functions of a lifecycle: sprig, KWOK's defaults and the lifecycle's own, built
 * once; `Now` and `StartTime` read the instant of the current plan.
 *
 * @module
 */
import { formatRfc3339Nano } from "../values/go-format.js";
import { type FunctionMap, goFunction } from "../template/exec/function-map.js";
import { goJsonMarshal } from "../template/exec/go-json.js";
import { kwokFunctions } from "../template/exec/kwok-functions.js";
import { sprigFunctions } from "../template/exec/sprig.js";
import { marshalGoYaml } from "../yaml/marshal.js";
import { yamlToJson } from "../yaml/to-json.js";
import type { LifecycleOptions } from "./compile-lifecycle.js";

/** The clock cell the functions read, set for the duration of one plan. */
interface Cell {
  now: string;
  startTime: string;
  date: Date;
  rng: () => number;
}

/** Functions of one lifecycle, with the clock cell they read. */
export interface Renderer {
  /**
   * Runs `render` with `Now`/`StartTime` and sprig's `now`/`ago`/`date…` reading `now` and sprig's
   * random functions drawing from `rng`, using `extra` functions over the lifecycle's.
   */
  with<T>(now: Date, rng: () => number, extra: FunctionMap | undefined, render: (functions: FunctionMap) => T): T;
}

/** `sigs.k8s.io/yaml.Marshal` of a template value: Go's JSON first, then JSON → YAML. */
function templateYaml(value: unknown): string {
  return marshalGoYaml(yamlToJson(goJsonMarshal(value)));
}

/**
 * Builds the renderer of a lifecycle.
 *
 * @param options - the lifecycle's options
 * @returns the renderer
 */
export function createRenderer(options: LifecycleOptions): Renderer {
  const cell: Cell = { now: "", startTime: "", date: new Date(0), rng: () => 0 };
  const functions: FunctionMap = {
    ...sprigFunctions({ now: () => cell.date, random: () => cell.rng() }),
    ...kwokFunctions({
      now: () => cell.now,
      startTime: "",
      ...(options.version === undefined ? {} : { version: options.version }),
      yaml: templateYaml,
    }),
    StartTime: goFunction([], () => cell.startTime),
    ...options.functions,
  };
  const merged = new WeakMap<FunctionMap, FunctionMap>();
  return {
    with(now, rng, extra, render) {
      const previous = { ...cell };
      cell.now = formatRfc3339Nano(now);
      cell.startTime = options.startTime ?? cell.now;
      cell.date = now;
      cell.rng = rng;
      try {
        if (extra === undefined) return render(functions);
        let all = merged.get(extra);
        if (all === undefined) {
          all = { ...functions, ...extra };
          merged.set(extra, all);
        }
        return render(all);
      } finally {
        Object.assign(cell, previous);
      }
    },
  };
}

const RENDERERS = new WeakMap<object, Renderer>();

/**
 * The renderer of a lifecycle, built on first use.
 *
 * @param lifecycle - the lifecycle (its options hold the functions)
 * @returns the renderer
 */
export function rendererOf(lifecycle: { readonly options: LifecycleOptions }): Renderer {
  let renderer = RENDERERS.get(lifecycle);
  if (renderer === undefined) {
    renderer = createRenderer(lifecycle.options);
    RENDERERS.set(lifecycle, renderer);
  }
  return renderer;
}
