/**
 * `metav1.LabelSelector` (`matchLabels` + `matchExpressions`) evaluated against labels, as
 * `metav1.LabelSelectorAsSelector` does: every requirement must hold; an empty selector selects
 * everything.
 *
 * @module
 */

/**
 * One `matchExpressions` entry of a label selector.
 *
 * @category Readiness
 */
export interface LabelSelectorRequirement {
  /** The label key. */
  readonly key: string;
  /** `In`, `NotIn`, `Exists` or `DoesNotExist`. */
  readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  /** The values of `In`/`NotIn`. */
  readonly values?: readonly string[];
}

/**
 * A structured label selector (`metav1.LabelSelector`).
 *
 * @category Readiness
 */
export interface LabelSelector {
  /** Labels that must have exactly these values. */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /** Requirements that must all hold. */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/**
 * Whether labels satisfy a structured label selector (`NotIn` and `DoesNotExist` hold for an
 * absent label, as in Kubernetes).
 *
 * @param selector - the selector; undefined or empty selects everything
 * @param labels - the labels
 * @returns whether they match
 * @example
 * ```ts
 * matchesLabelSelector({ matchLabels: { role: "worker" } }, { role: "worker" }); // true
 * ```
 * @category Readiness
 */
export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (selector === undefined) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, req.key);
    const value = labels[req.key];
    const values = req.values ?? [];
    switch (req.operator) {
      case "In":
        if (!has || !values.includes(value ?? "")) return false;
        break;
      case "NotIn":
        if (has && values.includes(value ?? "")) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
