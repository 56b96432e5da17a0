/**
 * Finds the kubectl binaries to test with: `STAGECRAFT_KUBECTL` (a path, or several separated
 * by the path delimiter; `.ci/run` points it at Debian's kubernetes-client) and the `kubectl`
 * on PATH, each once (by real path), with its client version.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, realpathSync } from "node:fs";
import { delimiter, join } from "node:path";

/** A kubectl binary. */
export interface Kubectl {
  /** Its path. */
  readonly path: string;
  /** Its client `gitVersion` (`v1.20.2`). */
  readonly version: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    if (dir !== "" && executable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

function clientVersion(path: string): string | undefined {
  try {
    const out = execFileSync(path, ["version", "--client", "-o", "json"], { encoding: "utf8", timeout: 20_000, stdio: ["ignore", "pipe", "ignore"] });
    return (JSON.parse(out) as { clientVersion: { gitVersion: string } }).clientVersion.gitVersion;
  } catch {
    return undefined;
  }
}

/**
 * The kubectl binaries found, with the paths named in `STAGECRAFT_KUBECTL` that do not work.
 *
 * @returns the binaries and the problems
 */
export function findKubectls(): { kubectls: Kubectl[]; problems: string[] } {
  const candidates = [...(process.env["STAGECRAFT_KUBECTL"] ?? "").split(delimiter).filter((p) => p !== ""), onPath("kubectl")].filter((p): p is string => p !== undefined);
  const seen = new Set<string>();
  const kubectls: Kubectl[] = [];
  const problems: string[] = [];
  for (const path of candidates) {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      problems.push(`${path}: does not exist`);
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    const version = clientVersion(path);
    if (version === undefined) problems.push(`${path}: "kubectl version --client" failed`);
    else kubectls.push({ path, version });
  }
  return { kubectls, problems };
}
