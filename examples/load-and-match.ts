// Load a Stage from YAML, check it, and ask why it does or does not match two pods.
import assert from "node:assert/strict";
import { compileSelector, formatIssues, loadStages } from "stagecraft";

const text = `
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-ready
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchLabels:
      app: web
    matchExpressions:
    - key: '.metadata.deletionTimestamp'
      operator: DoesNotExist
    - key: '.status.phase'
      operator: In
      values: ['Pending']
    - cel:
        expression: "size(self.spec.containers) > 0"
  next:
    statusTemplate: |
      phase: Running
`;

const result = loadStages({ file: "pod-ready.yaml", text });
if (!result.ok) throw new Error(formatIssues(result.issues));
const [stage] = result.stages;
assert.ok(stage?.selector);
console.log(`${stage.name}: ${stage.steps.length} step(s), patch root=${stage.steps[0]?.patch?.root}`);

const selector = compileSelector(stage.selector);
const pending = { metadata: { name: "a", labels: { app: "web" } }, spec: { containers: [{ name: "c" }] }, status: { phase: "Pending" } };
const running = { ...pending, status: { phase: "Running" } };

assert.deepEqual(selector.match(pending), { matched: true });
const miss = selector.match(running);
assert.equal(miss.matched, false);
if (!miss.matched) {
  console.log(`running pod: ${miss.term.description} failed, the query returned ${JSON.stringify(miss.term.values)}`);
  assert.deepEqual(miss.term.values, ["Running"]);
}
