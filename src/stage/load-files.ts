/**
 * Loads Stages from files and folders (Node.js only: this module reads the file system).
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { ErrorCode } from "../errors.js";
import { type Issue, Severity } from "../issues.js";
import { type LoadStagesResult, type StageSource, loadStages } from "./load.js";
import type { ParseStageOptions } from "./parse-stage.js";

/**
 * Options of {@link loadStageFiles}.
 *
 * @category Spec
 */
export interface LoadStageFilesOptions extends ParseStageOptions {
  /**
   * Descend into subfolders of folder arguments (skipping `testdata` folders, which hold golden
   * inputs and outputs, and hidden folders). Default: false, like KWOK's stage test harness.
   */
  readonly recursive?: boolean;
}

const KUSTOMIZATION = /^kustomization\.ya?ml$/i;

/**
 * Loads Stages from files and folders. A folder contributes its `*.yaml`/`*.yml` files in name
 * order, except `kustomization.yaml` (KWOK renders folders with kustomize; stagecraft reads
 * the files directly). Unreadable paths are reported as `E_IO` issues; nothing throws.
 *
 * @param paths - files and folders (or already-read sources, e.g. stdin), loaded in the given order
 * @param options - see {@link LoadStageFilesOptions}
 * @returns stages, ignored documents and issues
 * @example
 * ```ts
 * import { loadStageFiles } from "stagecraft/node";
 * const { ok, stages, issues } = loadStageFiles(["stages/"]);
 * ```
 * @category Spec
 */
export function loadStageFiles(
  paths: string | readonly (string | StageSource)[],
  options: LoadStageFilesOptions = {},
): LoadStagesResult {
  const sources: StageSource[] = [];
  const issues: Issue[] = [];
  for (const path of typeof paths === "string" ? [paths] : paths) {
    if (typeof path !== "string") {
      sources.push(path);
      continue;
    }
    for (const file of expand(path, options.recursive === true, issues)) {
      try {
        sources.push({ file, text: readFileSync(file, "utf8") });
      } catch (error) {
        issues.push(ioIssue(file, error));
      }
    }
  }
  const result = loadStages(sources, options);
  if (issues.length === 0) return result;
  return { ok: false, stages: [], ignored: result.ignored, issues: [...issues, ...result.issues] };
}

/** Lists the YAML files a path stands for, in load order. */
export function listStageFiles(path: string, options: { readonly recursive?: boolean } = {}): string[] {
  const issues: Issue[] = [];
  return expand(path, options.recursive === true, issues);
}

function expand(path: string, recursive: boolean, issues: Issue[]): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (error) {
    issues.push(ioIssue(path, error));
    return [];
  }
  if (!isDir) return [path];
  const files: string[] = [];
  const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) {
      if (recursive && entry.name !== "testdata" && !entry.name.startsWith(".")) files.push(...expand(full, true, issues));
    } else if (/\.ya?ml$/i.test(entry.name) && !KUSTOMIZATION.test(basename(entry.name))) {
      files.push(full);
    }
  }
  return files;
}

function ioIssue(file: string, error: unknown): Issue {
  const code = (error as { code?: string }).code;
  const why = code === "ENOENT" ? "no such file or folder" : code === "EACCES" ? "permission denied" : String((error as Error).message ?? error);
  return {
    code: ErrorCode.Io,
    severity: Severity.Error,
    message: `cannot read ${file}: ${why}`,
    path: [],
    location: { file, line: 1, column: 1 },
  };
}
