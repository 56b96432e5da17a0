/**
 * The CustomResourceDefinition of KWOK's `Stage` (`stages.kwok.x-k8s.io`), written from the
 * Stage API (spec §1.1): cluster scoped, `v1alpha1`, a structural schema that declares the
 * fields the API server defaults in CRD mode (`resourceRef.apiGroup: v1`, `weight: 0`) and keeps
 * every other field of `spec` as given, and a `status` subresource.
 *
 * @module
 */
import type { KubeObject } from "../../store/types.js";

/**
 * The Stage resource: group, version, kind, plural, and the CRD's name.
 *
 * @category Kubernetes
 * @example
 * ```ts
 * const type = { apiVersion: STAGE_RESOURCE.apiVersion, kind: STAGE_RESOURCE.kind };
 * ```
 */
export const STAGE_RESOURCE = {
  /** The API group. */
  group: "kwok.x-k8s.io",
  /** The version. */
  version: "v1alpha1",
  /** `group/version`. */
  apiVersion: "kwok.x-k8s.io/v1alpha1",
  /** The kind. */
  kind: "Stage",
  /** The plural resource name. */
  plural: "stages",
  /** The CustomResourceDefinition's name. */
  crdName: "stages.kwok.x-k8s.io",
} as const;

const expressionFrom = {
  type: "object",
  properties: {
    expressionFrom: { type: "string" },
    jq: { type: "object", properties: { expression: { type: "string" } } },
    cel: { type: "object", properties: { expression: { type: "string" } } },
  },
};

/**
 * The Stage CRD manifest (a new object on every call).
 *
 * @returns the CustomResourceDefinition
 * @category Kubernetes
 * @example
 * ```ts
 * await store.create(stageCrdManifest());
 * ```
 */
export function stageCrdManifest(): KubeObject {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: STAGE_RESOURCE.crdName },
    spec: {
      group: STAGE_RESOURCE.group,
      scope: "Cluster",
      names: { kind: STAGE_RESOURCE.kind, listKind: "StageList", plural: STAGE_RESOURCE.plural, singular: "stage" },
      versions: [
        {
          name: STAGE_RESOURCE.version,
          served: true,
          storage: true,
          subresources: { status: {} },
          schema: {
            openAPIV3Schema: {
              type: "object",
              description: "Stage is an API that describes the staged change of a resource (KWOK).",
              properties: {
                apiVersion: { type: "string" },
                kind: { type: "string" },
                metadata: { type: "object" },
                spec: {
                  type: "object",
                  required: ["resourceRef"],
                  "x-kubernetes-preserve-unknown-fields": true,
                  properties: {
                    resourceRef: {
                      type: "object",
                      required: ["kind"],
                      properties: { apiGroup: { type: "string", default: "v1" }, kind: { type: "string" } },
                    },
                    weight: { type: "integer", minimum: 0, default: 0 },
                    weightFrom: expressionFrom,
                    immediateNextStage: { type: "boolean" },
                    delay: {
                      type: "object",
                      properties: {
                        durationMilliseconds: { type: "integer", format: "int64", minimum: 0 },
                        durationFrom: expressionFrom,
                        jitterDurationMilliseconds: { type: "integer", format: "int64", minimum: 0 },
                        jitterDurationFrom: expressionFrom,
                      },
                    },
                  },
                },
                status: { type: "object", "x-kubernetes-preserve-unknown-fields": true },
              },
            },
          },
        },
      ],
    },
  };
}
