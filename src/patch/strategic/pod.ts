import { CONDITIONS_BY_TYPE, OBJECT_META } from "./object-meta.js";
import { mergeBy } from "./schema.js";
import type { StrategicType } from "./schema.js";

/** `core/v1.Container` (and `EphemeralContainer`, which has the same tags). */
export const CONTAINER: StrategicType = {
  ports: mergeBy("containerPort"),
  env: mergeBy("name"),
  volumeMounts: mergeBy("mountPath"),
  volumeDevices: mergeBy("devicePath"),
};

/**
 * `core/v1.PodSpec`. Tolerations, readiness gates and `resizePolicy` have no tags (atomic);
 * `volumes` and `resourceClaims` are `merge,retainKeys`.
 */
export const POD_SPEC: StrategicType = {
  volumes: mergeBy("name"),
  initContainers: mergeBy("name", CONTAINER),
  containers: mergeBy("name", CONTAINER),
  ephemeralContainers: mergeBy("name", CONTAINER),
  imagePullSecrets: mergeBy("name"),
  hostAliases: mergeBy("ip"),
  topologySpreadConstraints: mergeBy("topologyKey"),
  schedulingGates: mergeBy("name"),
  resourceClaims: mergeBy("name"),
};

/**
 * `core/v1.PodStatus`. The container status lists have no tags: a patch replaces them whole.
 */
export const POD_STATUS: StrategicType = {
  conditions: CONDITIONS_BY_TYPE,
  podIPs: mergeBy("ip"),
  hostIPs: mergeBy("ip"),
  resourceClaimStatuses: mergeBy("name"),
};

/** `core/v1.Pod`. */
export const POD: StrategicType = {
  metadata: { type: OBJECT_META },
  spec: { type: POD_SPEC },
  status: { type: POD_STATUS },
};
