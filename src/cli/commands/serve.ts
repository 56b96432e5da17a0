/**
 * `stagecraft serve`: run the simulator on the real clock against an in-memory store served
 * with the Kubernetes REST protocol, so kubectl and controllers can use it as a cluster.
 *
 * @module
 * @internal
 */
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileLifecycle, presetNames } from "../../index.js";
import { createMemoryStore } from "../../memory.js";
import { formatHistory, type KubeObject, Simulator, systemClock } from "../../runtime.js";
import { type KubernetesApiServer, serveKubernetesApi } from "../../server.js";
import { readObjects } from "../inputs.js";
import { type CliIo, ExitCode, UsageError } from "../io.js";
import { parseCommandArgs, SIMULATION_OPTIONS, stringOption } from "../options.js";
import { generatedObjects } from "./simulate-objects.js";
import { loadStagesArg } from "./simulate.js";

const HELP = `Usage: stagecraft serve [--stages DIR|FILE|PRESET]... [-f FILE] [--nodes N] [--pods N]
                       [--port P] [--host H] [--kubeconfig FILE] [--seed S] [--log]

Serves an in-memory cluster with the Kubernetes API on 127.0.0.1 and drives its objects through
their stages in real time, until interrupted (Ctrl-C, SIGTERM). Point kubectl at it:

  stagecraft serve --nodes 2 --kubeconfig ./kubeconfig &
  KUBECONFIG=./kubeconfig kubectl apply -f pod.yaml
  KUBECONFIG=./kubeconfig kubectl get pods -w

Options:
  -s, --stages X        stage files/folders, or a preset: PRESETS (default: fast)
  -f, --objects FILE    objects to create at the start (YAML, "-" = stdin)
      --nodes N         create N nodes node-0 … (default 0)
      --pods N          create N pods pod-0 … bound to the nodes (needs --nodes)
      --port P          port (default 0: a free one, printed)
      --host H          address to bind (default 127.0.0.1)
      --kubeconfig FILE write a kubeconfig for the server there (default: a temporary
                        file, removed at exit)
      --seed S          random seed (default 0)
      --scheduler       bind pods without spec.nodeName to the first schedulable node
      --node-lease S    keep a Lease per node, S seconds long
      --crd-delay MS    how long a new CustomResourceDefinition takes to become Established
                        (default 0)
      --log             print every applied stage on standard error
`;

/** How `serve` waits and reports readiness; tests pass their own. */
export interface ServeCommandOptions {
  /** Ends the command (default: the first SIGINT or SIGTERM). */
  readonly signal?: AbortSignal;
  /** Called once the server is up and the objects exist. */
  readonly onReady?: (server: KubernetesApiServer) => void;
}

function count(value: string | undefined, flag: string): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value)) throw new UsageError(`${flag} must be a non-negative integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

function processSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    },
  };
}

interface Parsed {
  readonly port: number;
  readonly host: string;
  readonly seed: number;
  readonly nodes: number;
  readonly pods: number;
  readonly leaseSeconds: number | undefined;
  readonly crdDelayMs: number;
}

function parseNumbers(values: Record<string, string | boolean | string[] | undefined>): Parsed {
  const port = count(stringOption(values["port"]), "--port");
  if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
  const seedText = stringOption(values["seed"]) ?? "0";
  if (!/^-?\d+$/.test(seedText)) throw new UsageError(`--seed must be an integer, got ${JSON.stringify(seedText)}`);
  const leaseText = stringOption(values["node-lease"]);
  if (leaseText !== undefined && !/^[1-9]\d*$/.test(leaseText)) throw new UsageError(`--node-lease must be a positive number of seconds, got ${JSON.stringify(leaseText)}`);
  const nodes = count(stringOption(values["nodes"]), "--nodes");
  const pods = count(stringOption(values["pods"]), "--pods");
  if (pods > 0 && nodes === 0) throw new UsageError("--pods needs at least one node (--nodes N)");
  return {
    port,
    host: stringOption(values["host"]) ?? "127.0.0.1",
    seed: Number(seedText),
    nodes,
    pods,
    leaseSeconds: leaseText === undefined ? undefined : Number(leaseText),
    crdDelayMs: count(stringOption(values["crd-delay"]), "--crd-delay"),
  };
}

/** Runs `serve` until the signal. */
export async function runServe(args: readonly string[], io: CliIo, options: ServeCommandOptions = {}): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    ...SIMULATION_OPTIONS,
    port: { type: "string" },
    host: { type: "string" },
    kubeconfig: { type: "string" },
    "crd-delay": { type: "string" },
    log: { type: "boolean" },
  });
  if (values["help"] === true) {
    io.out(HELP.replace("PRESETS", presetNames().join(", ")));
    return ExitCode.Ok;
  }
  if (positionals.length > 0) throw new UsageError(`serve takes no positional arguments (got ${positionals.join(" ")}); use --stages and --objects`);
  const n = parseNumbers(values);
  const stages = loadStagesArg(Array.isArray(values["stages"]) ? values["stages"] : [], io);
  if (stages === undefined) return ExitCode.Invalid;
  const file = stringOption(values["objects"]);
  const read = file === undefined ? [] : await readObjects(file, io);
  if (read === undefined) return ExitCode.Invalid;
  const objects = [...(read as KubeObject[]), ...generatedObjects({ nodes: n.nodes, pods: n.pods, bound: values["scheduler"] !== true })];

  const store = createMemoryStore();
  const lifecycle = compileLifecycle(stages, { defaultPatchType: "controller" });
  const log = values["log"] === true;
  const simulator = new Simulator({
    store,
    lifecycle,
    clock: systemClock,
    seed: n.seed,
    history: "none",
    ...(log ? { onHistory: (entry) => io.err(formatHistory([entry])) } : {}),
    ...(values["scheduler"] === true ? { scheduler: true } : {}),
    ...(n.leaseSeconds === undefined ? {} : { nodeLease: { durationSeconds: n.leaseSeconds } }),
  });
  let server: KubernetesApiServer;
  try {
    server = await serveKubernetesApi({ store, port: n.port, host: n.host, crdEstablishDelayMs: n.crdDelayMs });
  } catch (error) {
    io.err(`stagecraft: cannot listen on ${n.host}:${n.port}: ${(error as Error).message}\n`);
    return ExitCode.Failure;
  }
  const signals = options.signal === undefined ? processSignal() : undefined;
  const signal = options.signal ?? (signals as { signal: AbortSignal }).signal;
  const kubeconfigPath = stringOption(values["kubeconfig"]) ?? join(tmpdir(), `stagecraft-${process.pid}-${server.port}.kubeconfig`);
  const temporary = stringOption(values["kubeconfig"]) === undefined;
  try {
    await simulator.start();
    for (const w of simulator.warnings) io.err(`warning: ${w}\n`);
    for (const o of objects) {
      try {
        await store.create(o);
      } catch (error) {
        io.err(`stagecraft: cannot create ${o.kind ?? "object"} ${o.metadata?.name ?? ""}: ${(error as Error).message}\n`);
        return ExitCode.Invalid;
      }
    }
    writeFileSync(kubeconfigPath, server.kubeconfig(), { mode: 0o600 });
    io.out(`stagecraft: serving a simulated cluster at ${server.url} (${stages.length} stages, ${objects.length} objects)\n`);
    if (!isLoopback(n.host)) {
      io.err(`warning: the API has no authentication: anyone who can reach ${n.host}:${server.port} can read and change the simulated cluster\n`);
    }
    io.out(`export KUBECONFIG=${kubeconfigPath}\n`);
    options.onReady?.(server);
    if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
    io.out("stagecraft: shutting down\n");
    return ExitCode.Ok;
  } finally {
    signals?.dispose();
    simulator.stop();
    await server.close();
    if (temporary) rmSync(kubeconfigPath, { force: true });
  }
}

/** Whether an address only accepts connections from this machine. */
function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || /^127\./.test(host);
}
