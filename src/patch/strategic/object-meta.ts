import { mergeBy } from "./schema.js";
import type { StrategicType } from "./schema.js";

/** `metav1.ObjectMeta`: finalizers merge as a set, owner references by `uid`. */
export const OBJECT_META: StrategicType = {
  finalizers: { strategy: "merge" },
  ownerReferences: mergeBy("uid"),
};

/** `metav1.Condition` lists (`status.conditions` of newer types) merge by `type`. */
export const CONDITIONS_BY_TYPE = mergeBy("type");
