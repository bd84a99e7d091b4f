/** Label matching shared by controllers and kubectl. Models k8s.io/apimachinery/pkg/labels Set.AsSelector. */

/** Whether every key=value of `selector` is in `labels` (an empty selector matches everything). */
export function matchesLabels(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [k, v] of Object.entries(selector)) if (labels?.[k] !== v) return false;
  return true;
}
