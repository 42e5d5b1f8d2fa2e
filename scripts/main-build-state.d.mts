/** Types of scripts/main-build-state.mjs (for the tests). */
export function newestMainSource(root: string): number;
export function mainBuildState(root: string): "current" | "stale" | "missing";
