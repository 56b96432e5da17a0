/**
 * A kubeconfig for the front: one cluster, context and user named `stagecraft`, no
 * authentication.
 *
 * @module
 */

/**
 * Options of `KubernetesApiServer.kubeconfig()`.
 *
 * @category Server
 */
export interface KubeconfigOptions {
  /** Name of the cluster, context and user. Default `stagecraft`. */
  readonly name?: string;
  /** The context's default namespace. Default `default`. */
  readonly namespace?: string;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/**
 * The YAML text of a kubeconfig pointing at `url`.
 *
 * @param url - the server URL
 * @param options - names
 * @returns the kubeconfig
 */
export function kubeconfigYaml(url: string, options: KubeconfigOptions = {}): string {
  const name = quote(options.name ?? "stagecraft");
  return [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- name: " + name,
    "  cluster:",
    "    server: " + quote(url),
    "contexts:",
    "- name: " + name,
    "  context:",
    "    cluster: " + name,
    "    user: " + name,
    "    namespace: " + quote(options.namespace ?? "default"),
    "current-context: " + name,
    "users:",
    "- name: " + name,
    "  user: {}",
    "preferences: {}",
    "",
  ].join("\n");
}
