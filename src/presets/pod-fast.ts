/**
 * The `pod-fast` preset: Pods start, finish (Job pods) and go away without any delay.
 *
 * @module
 */

/**
 * Stage YAML of the `pod-fast` preset: `pod-start-now`, `pod-finish-job-now`, `pod-remove-now`.
 *
 * | stage | picks | does |
 * |---|---|---|
 * | `pod-start-now` | not terminating, no `podIP` yet | `Initialized`/`Ready`/`ContainersReady` (and every readiness gate) True; containers running and ready; init containers completed (`initContainerStatuses` cleared when the pod has none); `hostIP`/`hostIPs` from `NodeIPsWith`, `podIP`/`podIPs` from `PodIPsWith`; phase `Running`, `startTime` |
 * | `pod-finish-job-now` | not terminating, `Running`, owned by a `Job` | containers terminated with exit code 0, phase `Succeeded` |
 * | `pod-remove-now` | terminating | removes every finalizer, then deletes the pod |
 *
 * No stage has a delay or a weight.
 *
 * Behaves like KWOK's `pod/fast` stage set (`pod-ready`, `pod-complete`, `pod-delete`), as
 * described by its conformance cases; written for stagecraft.
 *
 * @example
 * ```ts
 * const stages = loadStagesOrThrow({ file: "pod-fast", text: POD_FAST_YAML });
 * stages.map((s) => s.name); // ["pod-start-now", "pod-finish-job-now", "pod-remove-now"]
 * ```
 * @category Presets
 */
export const POD_FAST_YAML = `# stagecraft preset "pod-fast": a scheduled Pod is Running and Ready at once, a Job's pod
# succeeds at once, and a terminating Pod is removed at once.
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-start-now
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.podIP, operator: DoesNotExist}
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        phase: Running
        startTime: {{ $at | Quote }}
        conditions:
        {{- range list "Initialized" "Ready" "ContainersReady" }}
        - type: {{ . }}
          status: "True"
          lastProbeTime: null
          lastTransitionTime: {{ $at | Quote }}
        {{- end }}
        {{- range .spec.readinessGates }}
        - type: {{ .conditionType | Quote }}
          status: "True"
          lastTransitionTime: {{ $at | Quote }}
        {{- end }}
        {{- /* Written even without init containers: the empty list becomes null and clears the field. */}}
        initContainerStatuses:
        {{- range .spec.initContainers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: false
          restartCount: 0
          state:
            terminated: {exitCode: 0, reason: Completed, startedAt: {{ $at | Quote }}, finishedAt: {{ $at | Quote }}}
        {{- end }}
        containerStatuses:
        {{- range .spec.containers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: true
          restartCount: 0
          state: {running: {startedAt: {{ $at | Quote }}}}
        {{- end }}
        {{- with NodeIPsWith .spec.nodeName }}
        hostIP: {{ index . 0 | Quote }}
        hostIPs:
        {{- range . }}
        - ip: {{ . | Quote }}
        {{- end }}
        {{- end }}
        {{- with PodIPsWith .spec.nodeName (or .spec.hostNetwork false) (or .metadata.uid "") (or .metadata.name "") (or .metadata.namespace "") }}
        podIP: {{ index . 0 | Quote }}
        podIPs:
        {{- range . }}
        - ip: {{ . | Quote }}
        {{- end }}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-finish-job-now
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: DoesNotExist}
    - jq: {key: .status.phase, operator: In, values: [Running]}
    - jq: {key: '.metadata.ownerReferences[].kind', operator: In, values: [Job]}
  steps:
  - patch:
      subresource: status
      root: status
      template: |
        {{- $at := Now }}
        phase: Succeeded
        containerStatuses:
        {{- range .spec.containers }}
        - name: {{ .name | Quote }}
          image: {{ .image | Quote }}
          ready: true
          started: false
          restartCount: 0
          state:
            terminated: {exitCode: 0, reason: Completed, startedAt: {{ $at | Quote }}, finishedAt: {{ $at | Quote }}}
        {{- end }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: pod-remove-now
spec:
  resourceRef:
    apiGroup: v1
    kind: Pod
  selector:
    matchExpressions:
    - jq: {key: .metadata.deletionTimestamp, operator: Exists}
  steps:
  # Drop whatever finalizers are left, then delete.
  - finalizers: {empty: true}
    delete: true
`;
