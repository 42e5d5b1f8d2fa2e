// ESLint: TypeScript rules everywhere, and `schemas/` and `templates/` kept pure — no Electron,
// no Node built-ins, no file system, no DOM — so the same model runs in main, renderer and CLI.
import tseslint from "typescript-eslint";

const nodeBuiltins = ["fs", "path", "os", "child_process", "crypto", "http", "https", "net", "url", "util", "stream", "worker_threads", "zlib", "buffer", "process"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "out/", "bench/results/", "test-output/", "**/*.mjs", "**/*.js"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["schemas/**/*.ts", "templates/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["electron", ...nodeBuiltins],
          patterns: [
            { group: ["node:*"], message: "schemas/ is pure: no Node built-ins." },
            { group: ["electron", "electron/*"], message: "schemas/ is pure: no Electron." },
            { group: ["**/main/**", "**/renderer/**"], message: "schemas/ may not depend on main/ or renderer/." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "schemas/ is pure: no DOM." },
        { name: "document", message: "schemas/ is pure: no DOM." },
        { name: "navigator", message: "schemas/ is pure: no DOM." },
        { name: "localStorage", message: "schemas/ is pure: no DOM." },
        { name: "require", message: "schemas/ is pure: use imports." },
        { name: "process", message: "schemas/ is pure: no Node process." },
        { name: "Buffer", message: "schemas/ is pure: no Node Buffer." },
      ],
    },
  },
);
