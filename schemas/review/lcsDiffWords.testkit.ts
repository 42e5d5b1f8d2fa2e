/**
 * The review diff as it was before issue 12: a full longest-common-subsequence table over the
 * words, quadratic in time and memory. Kept only as the reference the tests compare the Myers
 * diff with (same number of unchanged words) and as the baseline of the diff benchmark.
 */
import type { DiffPart } from "./changesSince.js";

/** Word-level diff (longest common subsequence over words and whitespace), common ends trimmed first. */
export function lcsDiffWords(before: string, after: string): DiffPart[] {
  const a = before.match(/\s+|[^\s]+/g) ?? [];
  const b = after.match(/\s+|[^\s]+/g) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length,
    endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (type: DiffPart["type"], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  };
  push("same", a.slice(0, start).join(""));
  const x = a.slice(start, endA),
    y = b.slice(start, endB);
  const n = x.length,
    m = y.length;
  // lcs[i][j] = length of the LCS of x[i..] and y[j..]
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let i = 0,
    j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      push("same", x[i]!);
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) push("removed", x[i++]!);
    else push("added", y[j++]!);
  }
  push("same", a.slice(endA).join(""));
  return parts;
}
