import type { HostEnv } from "./createHandlers.js";

/** The real path of a path the renderer names, or why it may not be used (outside the workspace, or not chosen by the user). */
export function allowedPath(
  env: Pick<HostEnv, "resolve">,
  path: string,
): string | { error: string } {
  const real = env.resolve(path);
  return real === null
    ? { error: `Sökvägen ”${path}” är inte tillåten (utanför arbetsmappen).` }
    : real;
}
