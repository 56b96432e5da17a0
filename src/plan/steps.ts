/**
 * Running a stage's steps into operations (KWOK's `Stage.DoSteps`, spec §4.1–4.5).
 *
 * @module
 */
import { ErrorCode, StagecraftError } from "../errors.js";
import type { ExecuteLimits, FunctionMap } from "../template/exec/index.js";
import { renderToJson } from "../template/exec/render-json.js";
import type { CompiledApply, CompiledPatch, CompiledStage } from "./compile-lifecycle.js";
import { currentFinalizers, finalizerOperations } from "./finalizers.js";
import type { JsonValue } from "../patch/json.js";
import { type JsonPatchOperation, type Operation, PatchContentType, type StepsOutcome } from "./types.js";

/** What steps need to render. */
export interface StepContext {
  /** The object the stage runs on. */
  readonly object: unknown;
  /** {@link toTemplateData} of the object. */
  readonly data: unknown;
  /** The template functions. */
  readonly functions: FunctionMap;
  /** Template work bounds. */
  readonly limits: ExecuteLimits | undefined;
}

/**
 * Runs every step of a stage, in KWOK's order, into operations.
 *
 * @param stage - the compiled stage
 * @param context - the object, its template data and the functions
 * @returns the operations, or the failing step with the operations before it
 */
export function runSteps(stage: CompiledStage, context: StepContext): StepsOutcome {
  const finalizers = currentFinalizers(context.object);
  const operations: Operation[] = [];
  let deleted = false;
  for (let i = 0; i < stage.steps.length; i++) {
    const step = stage.steps[i];
    if (step === undefined) continue;
    try {
      if (step.event !== undefined) operations.push({ kind: "event", step: i, type: step.event.type, reason: step.event.reason, message: step.event.message });
      if (deleted) continue;
      if (step.finalizers !== undefined) {
        const ops = finalizerOperations(finalizers, step.finalizers);
        if (ops.length > 0) {
          operations.push({ kind: "patch", step: i, source: "finalizers", patchType: "json", contentType: PatchContentType.json, subresource: "", data: ops });
        }
      }
      if (step.delete) {
        deleted = true;
        operations.push({ kind: "delete", step: i });
        continue;
      }
      if (step.patch !== undefined) operations.push(patchOperation(step.patch, i, context));
      if (step.apply !== undefined) operations.push(applyOperation(step.apply, i, context));
    } catch (error) {
      if (!(error instanceof StagecraftError)) throw error;
      // KWOK has sent the event (and finalizer patch) of the failing step before it stops
      return { ok: false, error, step: i, operations };
    }
  }
  return { ok: true, operations };
}

function patchOperation(patch: CompiledPatch, step: number, context: StepContext): Operation {
  const rendered = renderToJson(patch.template, context.data, { functions: context.functions, ...(context.limits === undefined ? {} : { limits: context.limits }) });
  const data = patch.patchType === "json" ? rootJsonPatch(rendered, patch.root) : patch.root === "" ? rendered : { [patch.root]: rendered };
  return {
    kind: "patch",
    step,
    source: "patch",
    patchType: patch.patchType,
    contentType: PatchContentType[patch.patchType],
    subresource: patch.subresource,
    data,
    ...(patch.impersonation === undefined ? {} : { impersonation: patch.impersonation }),
  };
}

function applyOperation(apply: CompiledApply, step: number, context: StepContext): Operation {
  const data = renderToJson(apply.template, context.data, { functions: context.functions, ...(context.limits === undefined ? {} : { limits: context.limits }) });
  return {
    kind: "apply",
    step,
    applyType: apply.applyType,
    contentType: PatchContentType[apply.applyType],
    subresource: apply.subresource,
    data,
    ...(apply.impersonation === undefined ? {} : { impersonation: apply.impersonation }),
  };
}

/**
 * KWOK's `root` handling of JSON patches: with a root, the rendered value must be a list of
 * operations; each keeps only `op`, `path` (prefixed with `/<root>`), `value` (also an explicit
 * null) and `from` (unprefixed, dropped when empty). KWOK decodes the list with Go's
 * `encoding/json` into a slice of op structs and encodes it again, so: a rendered `null` stays
 * `null` (a nil slice), a `null` element is the zero op, field names match case-insensitively
 * (the last matching key wins) and a `null` op/path/from leaves the field as it was.
 *
 * @param rendered - the rendered patch
 * @param root - the stage's `root`, `""` for none
 * @returns the patch body
 */
export function rootJsonPatch(rendered: unknown, root: string): unknown {
  if (root === "") return rendered;
  if (rendered === null) return null;
  if (!Array.isArray(rendered)) {
    throw new StagecraftError(ErrorCode.ResultType, `a json patch with root ${JSON.stringify(root)} must render to a list of operations`, {
      expected: "a list of JSON patch operations",
      received: typeof rendered,
    });
  }
  return rendered.map((item: unknown, index): JsonPatchOperation => {
    if (item !== null && (typeof item !== "object" || Array.isArray(item))) {
      throw new StagecraftError(ErrorCode.ResultType, `json patch operation ${index} is not an object`, { expected: "an object", received: describe(item) });
    }
    const fields: { op: string; path: string; from: string } = { op: "", path: "", from: "" };
    let value: { v: unknown } | undefined;
    for (const [key, v] of Object.entries(item ?? {})) {
      const name = key.toLowerCase();
      if (name === "value") value = { v };
      else if (name === "op" || name === "path" || name === "from") {
        if (v === null) continue;
        if (typeof v !== "string") {
          throw new StagecraftError(ErrorCode.ResultType, `json patch operation ${index}: ${name} is not a string`, { expected: "a string", received: describe(v) });
        }
        fields[name] = v;
      }
    }
    return {
      op: fields.op,
      path: `/${root}${fields.path}`,
      ...(value === undefined ? {} : { value: value.v as JsonValue }),
      ...(fields.from === "" ? {} : { from: fields.from }),
    };
  });
}

function describe(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "a list" : typeof v;
}
