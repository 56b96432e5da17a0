/**
 * The v1alpha1 Stage schema for the decoder, field by field as in KWOK's Go types, plus
 * stagecraft's `jsonata` extension fields.
 *
 * @module
 * @internal
 */
import type { Schema } from "./decode.js";

const str = { type: "string" } as const;
const int = { type: "int" } as const;
const bool = { type: "bool" } as const;
const obj = (fields: Record<string, Schema>, open = false): Schema => ({ type: "object", fields, open });
const arr = (items: Schema): Schema => ({ type: "array", items });

const expression = obj({ expression: str });
const expressionFrom = obj({ cel: expression, jq: expression, jsonata: expression, expressionFrom: str });
const impersonation = obj({ username: str });
const event = obj({ type: str, reason: str, message: str });
const finalizerItem = obj({ value: str });
const finalizers = obj({ add: arr(finalizerItem), remove: arr(finalizerItem), empty: bool });
const patch = obj({ subresource: str, root: str, template: str, type: str, impersonation });
const apply = obj({ subresource: str, template: str, type: str, impersonation });

const selectorJq = obj({ key: str, operator: str, values: arr(str) });
const matchExpression = obj({
  jq: selectorJq,
  cel: expression,
  jsonata: expression,
  key: str,
  operator: str,
  values: arr(str),
});

/** Schema of a whole `Stage` document. */
export const stageSchema: Schema = obj({
  apiVersion: str,
  kind: str,
  metadata: obj({ name: str }, true),
  spec: obj({
    resourceRef: obj({ apiGroup: str, kind: str }),
    selector: obj({
      matchLabels: { type: "map", values: str },
      matchAnnotations: { type: "map", values: str },
      matchExpressions: arr(matchExpression),
    }),
    weight: int,
    weightFrom: expressionFrom,
    delay: obj({
      durationMilliseconds: int,
      durationFrom: expressionFrom,
      jitterDurationMilliseconds: int,
      jitterDurationFrom: expressionFrom,
    }),
    steps: arr(obj({ event, finalizers, delete: bool, patch, apply })),
    next: obj({
      event,
      finalizers,
      delete: bool,
      patches: arr(patch),
      statusTemplate: str,
      statusSubresource: str,
      statusPatchAs: impersonation,
    }),
    immediateNextStage: bool,
  }),
  status: { type: "any" },
});
