/**
 * Loading `@kubernetes/client-node` (an optional peer dependency, ESM-only) with a dynamic
 * `import()`, and resolving the `KubeConfig` the adapter uses.
 *
 * @module
 */
import { StatusReason, StoreError } from "../../store/errors.js";
import type { KubeConfigLike, KubernetesStoreOptions } from "./options.js";

/** The parts of the client-node module the adapter uses. */
export interface ClientNodeModule {
  /** The `KubeConfig` class. */
  readonly KubeConfig: new () => KubeConfigLike & {
    loadFromDefault(): void;
    loadFromFile(file: string): void;
    loadFromOptions(options: object): void;
    setCurrentContext(name: string): void;
  };
}

/**
 * Imports client-node, or takes the injected module.
 *
 * @param injected - `options.clientNode`
 * @returns the module
 * @throws StoreError `BadRequest` when the package is not installed
 */
export async function loadClientNode(injected: unknown): Promise<ClientNodeModule> {
  if (injected !== undefined) {
    const mod = typeof injected === "function" ? await (injected as () => unknown)() : injected;
    return mod as ClientNodeModule;
  }
  try {
    const specifier = "@kubernetes/client-node";
    return (await import(specifier)) as ClientNodeModule;
  } catch (error) {
    throw new StoreError(
      StatusReason.BadRequest,
      `stagecraft/kubernetes needs the optional peer dependency @kubernetes/client-node (^1.4): npm install @kubernetes/client-node (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * The `KubeConfig` to use: the given one, a file, or client-node's default loading; switched to
 * `options.context` on a copy, so the caller's object is not changed.
 *
 * @param mod - client-node
 * @param options - the store options
 * @returns the KubeConfig
 * @throws StoreError `BadRequest` for an unknown context or a kubeconfig without a cluster
 */
export function resolveKubeConfig(mod: ClientNodeModule, options: KubernetesStoreOptions): KubeConfigLike {
  let kc: KubeConfigLike;
  if (options.kubeConfig !== undefined) {
    kc = options.context === undefined ? options.kubeConfig : copyWithContext(mod, options.kubeConfig, options.context);
  } else {
    const fresh = new mod.KubeConfig();
    if (options.kubeconfigPath !== undefined) fresh.loadFromFile(options.kubeconfigPath);
    else fresh.loadFromDefault();
    if (options.context !== undefined) {
      if (fresh.getContextObject(options.context) === null) throw unknownContext(options.context, fresh);
      fresh.setCurrentContext(options.context);
    }
    kc = fresh;
  }
  if (kc.getCurrentCluster() === null) {
    throw new StoreError(StatusReason.BadRequest, `the kubeconfig has no cluster for context "${kc.getCurrentContext()}" (set KUBECONFIG, pass kubeconfigPath, or run in a cluster)`);
  }
  return kc;
}

function unknownContext(name: string, kc: KubeConfigLike): StoreError {
  const known = kc.getContexts().map((c) => (c as { name?: string }).name ?? "");
  return new StoreError(StatusReason.BadRequest, `the kubeconfig has no context "${name}" (contexts: ${known.join(", ") || "none"})`);
}

function copyWithContext(mod: ClientNodeModule, kc: KubeConfigLike, context: string): KubeConfigLike {
  if (kc.getContextObject(context) === null) throw unknownContext(context, kc);
  const copy = new mod.KubeConfig();
  copy.loadFromOptions({ clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: context });
  return copy;
}

/**
 * A copy of `kc` whose current cluster has `skipTLSVerify` set: client-node refuses to build
 * options for a plain `http:` server otherwise, and there is no TLS to verify on one.
 *
 * @param mod - client-node
 * @param kc - a kubeconfig whose server is `http:`
 * @returns the copy
 */
export function forPlainHttp(mod: ClientNodeModule, kc: KubeConfigLike): KubeConfigLike {
  const current = kc.getCurrentCluster();
  const copy = new mod.KubeConfig();
  copy.loadFromOptions({
    clusters: kc.getClusters().map((c) => ((c as { name?: string }).name === current?.name ? { ...c, skipTLSVerify: true } : c)),
    users: kc.getUsers(),
    contexts: kc.getContexts(),
    currentContext: kc.getCurrentContext(),
  });
  return copy;
}
