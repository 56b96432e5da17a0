import { CONDITIONS_BY_TYPE, OBJECT_META } from "./object-meta.js";
import { mergeBy } from "./schema.js";
import type { StrategicType } from "./schema.js";

/** `core/v1.NodeSpec`: `podCIDRs` merge as a set; taints have no merge key (atomic). */
export const NODE_SPEC: StrategicType = {
  podCIDRs: { strategy: "merge" },
};

/** `core/v1.NodeStatus`: conditions and addresses by `type`; images and volumes are atomic. */
export const NODE_STATUS: StrategicType = {
  conditions: CONDITIONS_BY_TYPE,
  addresses: mergeBy("type"),
};

/** `core/v1.Node`. */
export const NODE: StrategicType = {
  metadata: { type: OBJECT_META },
  spec: { type: NODE_SPEC },
  status: { type: NODE_STATUS },
};
