import { CONDITIONS_BY_TYPE, OBJECT_META } from "./object-meta.js";
import type { StrategicType } from "./schema.js";

/** `core/v1.PersistentVolumeClaim`: `status.conditions` by `type`. */
export const PERSISTENT_VOLUME_CLAIM: StrategicType = {
  metadata: { type: OBJECT_META },
  status: { type: { conditions: CONDITIONS_BY_TYPE } },
};

/** Any other kind: only the metadata every object shares (finalizers, owner references). */
export const ANY_OBJECT: StrategicType = {
  metadata: { type: OBJECT_META },
};
