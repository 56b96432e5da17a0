/**
 * `toSvg`: an exploration rendered as SVG by Graphviz compiled to WebAssembly (`@viz-js/viz`, an
 * optional peer dependency loaded only when this function runs).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { Exploration } from "./explore.js";
import { type GraphOptions, toDot } from "./graph.js";

/**
 * The part of `@viz-js/viz` that {@link toSvg} uses.
 *
 * @category Analysis
 */
export interface VizModule {
  /** Creates a Graphviz instance (loads the WebAssembly). */
  instance(): Promise<{
    /** Renders DOT source; throws on a Graphviz error. */
    renderString(dot: string, options: { format: "svg" }): string;
  }>;
}

/**
 * Options of {@link toSvg}: the graph options, and how to load Graphviz.
 *
 * @category Analysis
 * @example
 * ```ts
 * await toSvg(exploration, { direction: "LR" });
 * ```
 */
export interface SvgOptions extends GraphOptions {
  /** Loads `@viz-js/viz`. Default: `import("@viz-js/viz")`. Inject it to use another copy or a bundler's chunk. */
  readonly importViz?: () => Promise<VizModule>;
}

const PACKAGE = "@viz-js/viz";

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND" || (error instanceof Error && /Cannot find (module|package)/.test(error.message));
}

async function loadViz(importViz: (() => Promise<VizModule>) | undefined): Promise<VizModule> {
  try {
    return await (importViz ?? (() => import(PACKAGE) as Promise<VizModule>))();
  } catch (error) {
    if (!isMissingModule(error)) throw error;
    throw new StagecraftError(ErrorCode.Io, `SVG output needs the optional package ${PACKAGE}, which is not installed: run \`npm install ${PACKAGE}\` (or write DOT or Mermaid instead)`, {
      expected: `the package ${PACKAGE}`,
      cause: error,
    });
  }
}

/**
 * Renders an exploration as SVG: {@link toDot}'s graph laid out by Graphviz (`dot`), compiled to
 * WebAssembly by `@viz-js/viz`. That package is an optional peer dependency, imported only
 * here: install it to use this function.
 *
 * @param exploration - what `explore` returned
 * @param options - graph options, and a loader for `@viz-js/viz`
 * @returns the SVG document
 * @throws StagecraftError `E_IO` when `@viz-js/viz` is not installed, saying how to install it
 * @example
 * ```ts
 * import { toSvg } from "stagecraft/node";
 * writeFileSync("docs/pod.svg", await toSvg(explore(pod, lifecycle)));
 * ```
 * @category Analysis
 */
export async function toSvg(exploration: Exploration, options: SvgOptions = {}): Promise<string> {
  const viz = await (await loadViz(options.importViz)).instance();
  return viz.renderString(toDot(exploration, options), { format: "svg" });
}
