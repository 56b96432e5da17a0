/**
 * Authentication through client-node: the headers and TLS material of the current context
 * (tokens, client certificates, exec plugins, basic auth, kubeconfig impersonation), refreshed
 * periodically and after a 401, with every secret registered for redaction.
 *
 * @module
 */
import type { Agent } from "node:http";
import type { SecureContextOptions } from "node:tls";
import { StatusReason, StoreError } from "../../store/errors.js";
import type { ClientNodeModule } from "./client-node.js";
import { forPlainHttp } from "./client-node.js";
import type { KubeConfigLike } from "./options.js";
import type { Redactor } from "./redact.js";

/** What a request needs from the kubeconfig. */
export interface RequestAuth {
  /** Headers (`Authorization`, `Impersonate-User`, …). */
  readonly headers: Readonly<Record<string, string>>;
  /** TLS material for an https agent. */
  readonly tls: SecureContextOptions & { readonly rejectUnauthorized?: boolean; readonly servername?: string };
  /** client-node's proxy agent, when the cluster has a `proxy-url` (it carries the TLS material itself). */
  readonly proxyAgent?: Agent;
}

/** How long applied options are reused (exec plugins cache tokens themselves; this bounds the calls). */
const TTL_MS = 60_000;

/** The authentication of one cluster. */
export class ClusterAuth {
  /** The API server's base URL (no trailing slash). */
  readonly server: URL;
  private readonly kc: KubeConfigLike;
  private readonly redactor: Redactor;
  private readonly now: () => number;
  private cached: { auth: RequestAuth; at: number } | undefined;
  private pending: Promise<RequestAuth> | undefined;

  /**
   * @param mod - client-node
   * @param kc - the kubeconfig
   * @param redactor - receives every secret
   * @param now - the clock
   */
  constructor(mod: ClientNodeModule, kc: KubeConfigLike, redactor: Redactor, now: () => number) {
    const cluster = kc.getCurrentCluster();
    if (cluster === null) throw new StoreError(StatusReason.BadRequest, "the kubeconfig has no current cluster");
    this.server = new URL(cluster.server.replace(/\/+$/, ""));
    this.kc = this.server.protocol === "http:" && cluster.skipTLSVerify !== true ? forPlainHttp(mod, kc) : kc;
    this.redactor = redactor;
    this.now = now;
    const user = kc.getCurrentUser();
    redactor.add(user?.token, user?.password, user?.keyData);
  }

  /** Forgets the cached options (after a 401, so an expired exec-plugin token is renewed). */
  invalidate(): void {
    this.cached = undefined;
  }

  /**
   * The headers and TLS material for the next request.
   *
   * @returns the options
   * @throws StoreError `Unauthorized` when client-node cannot produce credentials (message redacted)
   */
  async get(): Promise<RequestAuth> {
    if (this.cached !== undefined && this.now() - this.cached.at < TTL_MS) return this.cached.auth;
    this.pending ??= this.apply().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async apply(): Promise<RequestAuth> {
    const opts: Record<string, unknown> & { headers?: Record<string, unknown> } = {};
    try {
      await this.kc.applyToHTTPSOptions(opts);
    } catch (error) {
      // exec plugins put their output in these messages: never pass the original error on
      const text = this.redactor.redact(error instanceof Error ? error.message : String(error));
      throw new StoreError(StatusReason.Unauthorized, `cannot get credentials for context "${this.kc.getCurrentContext()}": ${text}`);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(opts.headers ?? {})) {
      if (typeof value === "string" || typeof value === "number") headers[name] = String(value);
      else if (Array.isArray(value)) headers[name] = value.join(", ");
    }
    if (typeof opts["auth"] === "string" && opts["auth"] !== "undefined:undefined") {
      headers["Authorization"] = `Basic ${Buffer.from(opts["auth"]).toString("base64")}`;
      this.redactor.add(opts["auth"], opts["auth"].split(":").slice(1).join(":"));
    }
    const authorization = headers["Authorization"] ?? headers["authorization"];
    if (authorization !== undefined) this.redactor.add(authorization, authorization.replace(/^\S+\s+/, ""));
    const tls: Record<string, unknown> = {};
    for (const key of ["ca", "cert", "key", "pfx", "passphrase", "rejectUnauthorized", "servername"]) {
      if (opts[key] !== undefined && opts[key] !== null) tls[key] = opts[key];
    }
    this.redactor.add(opts["key"] as Buffer | undefined, opts["passphrase"] as string | undefined);
    const proxied = this.kc.getCurrentCluster()?.proxyUrl;
    const auth: RequestAuth = { headers, tls, ...(proxied !== undefined && proxied !== "" && opts["agent"] !== undefined ? { proxyAgent: opts["agent"] as Agent } : {}) };
    this.cached = { auth, at: this.now() };
    return auth;
  }
}
