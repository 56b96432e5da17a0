/**
 * Performing one planned operation against a store, as KWOK's controllers do (spec §4.5–4.6).
 *
 * @module
 */
import type { Operation } from "../plan/types.js";
import { isStoreError, StatusReason, StoreError } from "../store/errors.js";
import type { KubeObject, ResourceStore } from "../store/types.js";
import { formatRfc3339Nano } from "../values/go-format.js";
import type { Clock } from "./clock.js";

/** What performing an operation needs. */
export interface OperationContext {
  /** The store. */
  readonly store: ResourceStore;
  /** The clock, for event timestamps. */
  readonly clock: Clock;
  /** Whether `event` operations create core/v1 Events. */
  readonly events: boolean;
  /** A unique, deterministic event name for an object. */
  readonly eventName: (object: KubeObject) => string;
}

function refOf(object: KubeObject): { apiVersion: string; kind: string; name: string; namespace?: string } {
  const ns = object.metadata.namespace;
  return { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name ?? "", ...(ns === undefined || ns === "" ? {} : { namespace: ns }) };
}

/**
 * Performs one operation on behalf of `object` (the snapshot the stage ran on).
 *
 * - `event`: creates a core/v1 Event like client-go's recorder (component `kwok_controller`);
 *   types other than `Normal`/`Warning` are dropped, as client-go drops them.
 * - `patch`: patches the object (or its subresource) with the operation's type.
 * - `delete`: deletes with `gracePeriodSeconds: 0`.
 * - `apply`: with a subresource, patches that subresource of the rendered object; otherwise
 *   creates it (namespace defaulted to the source object's), patching it when it exists.
 *
 * @param op - the operation
 * @param object - the object the stage ran on
 * @param context - store, clock and event settings
 * @returns the object the store returned (patch, apply), or undefined
 */
export async function performOperation(op: Operation, object: KubeObject, context: OperationContext): Promise<KubeObject | undefined> {
  const { store } = context;
  switch (op.kind) {
    case "event": {
      if (!context.events || (op.type !== "Normal" && op.type !== "Warning")) return undefined;
      const now = formatRfc3339Nano(context.clock.now());
      const ns = object.metadata.namespace;
      await store.create({
        apiVersion: "v1",
        kind: "Event",
        metadata: { name: context.eventName(object), namespace: ns === undefined || ns === "" ? "default" : ns },
        involvedObject: {
          ...(object.kind === "Pod" || object.kind === "Node" ? {} : { apiVersion: object.apiVersion }),
          kind: object.kind,
          name: object.metadata.name ?? "",
          ...(ns === undefined || ns === "" ? {} : { namespace: ns }),
          ...(object.metadata.uid === undefined ? {} : { uid: object.metadata.uid }),
        },
        reason: op.reason,
        message: op.message,
        type: op.type,
        source: { component: "kwok_controller" },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        reportingComponent: "kwok_controller",
      });
      return undefined;
    }
    case "delete":
      await store.delete(refOf(object), { gracePeriodSeconds: 0 });
      return undefined;
    case "patch":
      return store.patch(refOf(object), {
        patchType: op.patchType,
        data: op.data,
        ...(op.subresource === "" ? {} : { subresource: op.subresource }),
        ...(op.impersonation === undefined ? {} : { impersonate: op.impersonation.username }),
      });
    case "apply":
      return apply(op, object, context);
  }
}

async function apply(op: Extract<Operation, { kind: "apply" }>, source: KubeObject, context: OperationContext): Promise<KubeObject> {
  const data = op.data as Partial<KubeObject> | null;
  if (data === null || typeof data !== "object" || typeof data.apiVersion !== "string" || typeof data.kind !== "string") {
    throw new StoreError(StatusReason.BadRequest, "template must include apiVersion and kind");
  }
  const meta = (data.metadata ?? {}) as KubeObject["metadata"];
  const sourceNs = source.metadata.namespace;
  const target = {
    ...data,
    metadata: { ...meta, ...(meta.namespace === undefined && sourceNs !== undefined && sourceNs !== "" ? { namespace: sourceNs } : {}) },
  } as KubeObject;
  const patchOptions = {
    patchType: op.applyType,
    data: target,
    ...(op.applyType === "apply" ? { fieldManager: "kwok", force: true } : {}),
    ...(op.impersonation === undefined ? {} : { impersonate: op.impersonation.username }),
  };
  if (op.subresource !== "") return context.store.patch(refOf(target), { ...patchOptions, subresource: op.subresource });
  try {
    return await context.store.create(target);
  } catch (error) {
    if (isStoreError(error) && error.reason === StatusReason.AlreadyExists && target.metadata.name !== undefined) {
      return context.store.patch(refOf(target), patchOptions);
    }
    throw error;
  }
}
