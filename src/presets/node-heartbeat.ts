/**
 * The `node-heartbeat` preset: keeps Ready nodes fresh by rewriting their conditions with a
 * new `lastHeartbeatTime` every 20 to 25 seconds.
 *
 * @module
 */

/**
 * Stage YAML of the `node-heartbeat` preset (one stage, `node-renew-heartbeat`).
 *
 * It selects Nodes in phase `Running` whose `Ready` condition is `"True"`, waits between
 * 20 s and 25 s (`durationMilliseconds: 20000`, `jitterDurationMilliseconds: 25000`), then
 * writes the five standard conditions again with `lastHeartbeatTime` = now and
 * `lastTransitionTime` = the node's `creationTimestamp`. `immediateNextStage` re-matches the
 * patched node right away, so the next heartbeat is scheduled without waiting for a watch event.
 *
 * Behaves like KWOK's `node/heartbeat` stage set; written for stagecraft.
 *
 * @example
 * ```ts
 * const [stage] = loadStagesOrThrow({ file: "node-heartbeat", text: NODE_HEARTBEAT_YAML });
 * stage?.immediateNextStage; // true
 * ```
 * @category Presets
 */
export const NODE_HEARTBEAT_YAML = `# stagecraft preset "node-heartbeat": Ready nodes report in every 20-25 seconds.
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: node-renew-heartbeat
spec:
  resourceRef:
    apiGroup: v1
    kind: Node
  selector:
    matchExpressions:
    - jq:
        key: .status.phase
        operator: In
        values: [Running]
    - jq:
        key: '.status.conditions[] | select(.type == "Ready") | .status'
        operator: In
        values: ['True']
  delay:
    durationMilliseconds: 20000
    jitterDurationMilliseconds: 25000
  immediateNextStage: true
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        {{- $since := or .metadata.creationTimestamp $at }}
        conditions:
        {{- range NodeConditions }}
        - type: {{ .type | Quote }}
          status: {{ .status | Quote }}
          reason: {{ .reason | Quote }}
          message: {{ .message | Quote }}
          lastHeartbeatTime: {{ $at | Quote }}
          lastTransitionTime: {{ $since | Quote }}
        {{- end }}
`;
