/**
 * Normalizes `spec.steps`, converting the deprecated `spec.next` exactly as KWOK's conversion
 * does (event, finalizers, patches or statusTemplate, delete — each its own step).
 *
 * @module
 * @internal
 */
import { ErrorCode, type FieldPath } from "../errors.js";
import { Severity } from "../issues.js";
import type { StageStep } from "./model.js";
import { type NormalizeContext, ignored } from "./normalize-context.js";
import type {
  StageApplyV1alpha1,
  StageEventV1alpha1,
  StageFinalizersV1alpha1,
  StageNextV1alpha1,
  StagePatchV1alpha1,
  StageStepV1alpha1,
} from "./v1alpha1.js";

const PATCH_TYPES = ["json", "merge", "strategic"] as const;
const APPLY_TYPES = ["apply", "merge", "strategic"] as const;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Picks `steps` or converts `next`, reporting ignored parts. */
export function normalizeSteps(
  ctx: NormalizeContext,
  spec: { steps?: StageStepV1alpha1[]; next?: StageNextV1alpha1 },
  path: FieldPath,
): StageStep[] {
  const steps = (spec.steps ?? []).filter((s): s is StageStepV1alpha1 => s != null);
  if (steps.length > 0) {
    if (spec.next !== undefined) ignored(ctx, [...path, "next"], "`steps` is set, so the deprecated `next` is not used");
    return steps.map((step, i) => normalizeStep(ctx, step, [...path, "steps", i]));
  }
  if (spec.next === undefined) return [];
  return convertNext(ctx, spec.next, [...path, "next"]);
}

function convertNext(ctx: NormalizeContext, next: StageNextV1alpha1, path: FieldPath): StageStep[] {
  const out: StageStep[] = [];
  if (next.event !== undefined) out.push({ event: normalizeEvent(ctx, next.event, [...path, "event"]) });
  if (next.finalizers !== undefined) out.push({ finalizers: normalizeFinalizers(next.finalizers) });
  const patches = (next.patches ?? []).filter((p): p is StagePatchV1alpha1 => p != null);
  if (patches.length > 0) {
    for (const field of ["statusTemplate", "statusSubresource", "statusPatchAs"] as const) {
      if (next[field] !== undefined) ignored(ctx, [...path, field], "`patches` is set, so the status template fields are not used");
    }
    patches.forEach((p, i) => {
      const patch = normalizePatch(ctx, p, [...path, "patches", i]);
      if (patch) out.push({ patch });
    });
  } else if (next.statusTemplate) {
    if (!ctx.checkTemplate(next.statusTemplate, [...path, "statusTemplate"])) return out;
    const impersonation = next.statusPatchAs?.username === undefined ? undefined : { username: next.statusPatchAs.username };
    out.push({
      patch: {
        subresource: next.statusSubresource ?? "status",
        root: "status",
        template: next.statusTemplate,
        ...(impersonation ? { impersonation } : {}),
      },
    });
  } else {
    for (const field of ["statusSubresource", "statusPatchAs"] as const) {
      if (next[field] !== undefined) ignored(ctx, [...path, field], "there is no `statusTemplate`");
    }
  }
  if (next.delete === true) out.push({ delete: true });
  return out;
}

function normalizeStep(ctx: NormalizeContext, step: StageStepV1alpha1, path: FieldPath): StageStep {
  const out: Mutable<StageStep> = {};
  if (step.event !== undefined) out.event = normalizeEvent(ctx, step.event, [...path, "event"]);
  if (step.finalizers !== undefined) out.finalizers = normalizeFinalizers(step.finalizers);
  if (step.delete === true) out.delete = true;
  if (step.patch !== undefined) {
    if (out.delete) ignored(ctx, [...path, "patch"], "KWOK skips the patch of a step that deletes the object");
    const patch = normalizePatch(ctx, step.patch, [...path, "patch"]);
    if (patch) out.patch = patch;
  }
  if (step.apply !== undefined) {
    if (out.delete) ignored(ctx, [...path, "apply"], "KWOK skips the apply of a step that deletes the object");
    const apply = normalizeApply(ctx, step.apply, [...path, "apply"]);
    if (apply) out.apply = apply;
  }
  if (Object.keys(step).length === 0 || (step.delete === false && Object.keys(step).length === 1)) {
    ctx.report({ code: ErrorCode.SuspiciousStep, severity: Severity.Warning, message: "step has no action", path });
  }
  return out;
}

function normalizeEvent(ctx: NormalizeContext, event: StageEventV1alpha1, path: FieldPath) {
  const type = event.type ?? "";
  if (type !== "Normal" && type !== "Warning") {
    ctx.report({
      code: ErrorCode.SuspiciousStep,
      severity: Severity.Warning,
      message: "client-go's event recorder drops events whose type is not Normal or Warning",
      path: [...path, "type"],
      expected: "Normal or Warning",
      received: JSON.stringify(type),
    });
  }
  return { type, reason: event.reason ?? "", message: event.message ?? "" };
}

function normalizeFinalizers(finalizers: StageFinalizersV1alpha1) {
  const values = (items: { value?: string }[] | undefined) => (items ?? []).map((item) => item?.value ?? "");
  return { add: values(finalizers.add), remove: values(finalizers.remove), empty: finalizers.empty === true };
}

function normalizePatch(ctx: NormalizeContext, patch: StagePatchV1alpha1, path: FieldPath) {
  const type = checkType(ctx, patch.type, PATCH_TYPES, [...path, "type"], "patch");
  const parsed = patch.template === undefined || ctx.checkTemplate(patch.template, [...path, "template"]);
  if (type === null || !parsed) return undefined;
  return {
    subresource: patch.subresource ?? "",
    root: patch.root ?? "",
    template: patch.template ?? "",
    ...(type === undefined ? {} : { type }),
    ...(patch.impersonation?.username === undefined ? {} : { impersonation: { username: patch.impersonation.username } }),
  };
}

function normalizeApply(ctx: NormalizeContext, apply: StageApplyV1alpha1, path: FieldPath) {
  const type = checkType(ctx, apply.type, APPLY_TYPES, [...path, "type"], "apply");
  const parsed = apply.template === undefined || ctx.checkTemplate(apply.template, [...path, "template"]);
  if (type === null || !parsed) return undefined;
  return {
    subresource: apply.subresource ?? "",
    template: apply.template ?? "",
    ...(type === undefined ? {} : { type }),
    ...(apply.impersonation?.username === undefined ? {} : { impersonation: { username: apply.impersonation.username } }),
  };
}

/** Returns the type, `undefined` for unset/empty, or `null` after reporting an invalid one. */
function checkType<T extends string>(
  ctx: NormalizeContext,
  type: string | undefined,
  allowed: readonly T[],
  path: FieldPath,
  what: string,
): T | undefined | null {
  if (type === undefined || type === "") return undefined;
  if ((allowed as readonly string[]).includes(type)) return type as T;
  ctx.report({
    code: ErrorCode.InvalidValue,
    severity: Severity.Error,
    message: `unknown ${what} type (KWOK fails the step at run time)`,
    path,
    expected: `one of ${allowed.join(", ")}`,
    received: JSON.stringify(type),
  });
  return null;
}
