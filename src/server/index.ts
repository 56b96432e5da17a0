/**
 * The Kubernetes-compatible HTTP front.
 *
 * @module
 */
export { serveKubernetesApi } from "./serve.js";
export type { KubernetesApiServer, ServeOptions } from "./serve.js";
export type { FaultCounts, FaultInjectionOptions } from "./faults.js";
export type { KubeconfigOptions } from "./kubeconfig.js";
export { BUILT_IN_RESOURCES } from "./resources.js";
export type { ServedResource } from "./resources.js";
