// Every problem in a Stage file is reported at once, with line, column, field path and code.
import assert from "node:assert/strict";
import { formatIssues, loadStages } from "stagecraft";

const text = `apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: broken
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - key: '.status.phase'
      operator: in
      values: ['Pending']
    - key: '.metadata.deletionTimestamp'
      operator: Exists
      values: ['now']
  weight: "5"
`;

const result = loadStages({ file: "broken.yaml", text });
console.log(formatIssues(result.issues));
assert.equal(result.ok, false);
assert.deepEqual(result.issues.map((i) => i.code).sort(), ["E_INVALID_OPERATOR", "E_TYPE_MISMATCH", "E_VALUES_FORBIDDEN"]);
assert.equal(result.issues.find((i) => i.code === "E_INVALID_OPERATOR")?.location?.line, 12);
