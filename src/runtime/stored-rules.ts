/**
 * `NodeReadinessRule` objects read from the store for the {@link ReadinessController}: parsed on
 * every change, with the status each rule should carry.
 *
 * @module
 */
import { formatIssues } from "../issues.js";
import { NODE_READINESS_API_VERSION, type NodeReadinessRule } from "../readiness/node-readiness-rule.js";
import { parseNodeReadinessRule } from "../readiness/parse-node-readiness-rule.js";
import type { KubeObject, WatchEvent } from "../store/types.js";

/** The resource type of node readiness rules. */
export const RULE_TYPE = { apiVersion: NODE_READINESS_API_VERSION, kind: "NodeReadinessRule" } as const;

/** What a rule event changed. */
export type RuleChange = { readonly kind: "none" } | { readonly kind: "rules" } | { readonly kind: "invalid"; readonly message: string };

/** The valid rules of the store, by name, and the status last written for each. */
export class StoredRules {
  private readonly rules = new Map<string, { readonly rule: NodeReadinessRule; readonly spec: string }>();
  private readonly written = new Map<string, string>();

  /** The valid rules, sorted by name. */
  list(): NodeReadinessRule[] {
    return [...this.rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r.rule);
  }

  /**
   * Takes a watch event of a rule.
   * @param event - the event
   * @returns whether the set of rules (or a spec) changed, or why the rule is invalid
   */
  apply(event: WatchEvent): RuleChange {
    const name = event.object.metadata.name ?? "";
    if (event.type === "BOOKMARK") return { kind: "none" };
    if (event.type === "DELETED") {
      this.written.delete(name);
      return this.rules.delete(name) ? { kind: "rules" } : { kind: "none" };
    }
    const parsed = parseNodeReadinessRule({ apiVersion: event.object.apiVersion, kind: event.object.kind, metadata: { name }, spec: event.object.spec });
    if (parsed.rule === undefined) {
      const had = this.rules.delete(name);
      return had ? { kind: "rules" } : { kind: "invalid", message: formatIssues(parsed.issues.filter((i) => i.severity === "error")) };
    }
    const spec = JSON.stringify(parsed.rule.spec);
    if (this.rules.get(name)?.spec === spec) return { kind: "none" };
    this.rules.set(name, { rule: parsed.rule, spec });
    return { kind: "rules" };
  }

  /**
   * Whether a status differs from the last one written for the rule, ignoring evaluation times
   * (so re-evaluating without a change writes nothing); records it as written when it does.
   * @param name - the rule name
   * @param status - the status to write
   * @returns whether to write it
   */
  needsWrite(name: string, status: unknown): boolean {
    const key = JSON.stringify(status, (k, v: unknown) => (k === "lastEvaluationTime" ? undefined : v));
    if (this.written.get(name) === key) return false;
    this.written.set(name, key);
    return true;
  }

  /**
   * @param object - any object
   * @returns whether it is a node readiness rule
   */
  static isRule(object: KubeObject): boolean {
    return object.apiVersion === RULE_TYPE.apiVersion && object.kind === RULE_TYPE.kind;
  }
}
