// ESLint: TypeScript rules everywhere, and the boundaries between the rooms of the house
// (docs/architecture.md):
//   schemas/, templates/  pure — no Electron, no Node built-ins, no file system, no DOM, no main/ or
//                         renderer/ — so the same model runs in main, renderer and CLI;
//   renderer/             the browser side — never main/, Electron or Node; talks to its host only
//                         through the contract (schemas/contract.ts);
//   main/                 the Node side — never renderer/; only main/electron/ loads Electron; the
//                         services (files, import, export, review) never import a host (electron,
//                         web, host, cli);
//   production code       never imports test code (`*.test` or `*.testkit` modules).
// A rule's `files` decide where it applies; ESLint does not merge two `no-restricted-imports`
// options for one file (the later replaces the earlier), so each block below lists all of what its
// files may not import.
import tseslint from "typescript-eslint";

const nodeBuiltins = [
  "fs",
  "path",
  "os",
  "child_process",
  "crypto",
  "http",
  "https",
  "net",
  "url",
  "util",
  "stream",
  "worker_threads",
  "zlib",
  "buffer",
  "process",
];

/** Test code: the tests themselves and their helpers. */
const testFiles = ["**/*.test.ts", "**/*.testkit.ts"];
const noTestCode = {
  group: [
    "**/*.test",
    "**/*.test.js",
    "**/*.test.ts",
    "**/*.testkit",
    "**/*.testkit.js",
    "**/*.testkit.ts",
  ],
  message: "Production code never imports test code (*.test / *.testkit modules).",
};
const noNode = { group: ["node:*"], message: "No Node built-ins here." };
const noElectron = { regex: "^electron(/.*)?$", message: "Only main/electron/ loads Electron." };
const noRenderer = {
  group: ["**/renderer/**", "**/renderer"],
  message: "main/ never imports renderer/ (share code through schemas/).",
};
const noMain = {
  group: ["**/main/**", "**/main"],
  message: "renderer/ never imports main/ (talk to the host through schemas/contract.ts).",
};
const noHosts = {
  group: [
    "**/electron/**",
    "**/web/**",
    "**/host/**",
    "**/cli/**",
    "../electron/*",
    "../web/*",
    "../host/*",
    "../cli/*",
  ],
  message:
    "The services in main/ (files, import, export, review) never import a host (electron, web, host, cli).",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "out/",
      "bench/results/",
      "test-output/",
      "**/*.mjs",
      "**/*.js",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  // schemas/ and templates/: pure.
  {
    files: ["schemas/**/*.ts", "templates/**/*.ts"],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["electron", ...nodeBuiltins],
          patterns: [
            { group: ["node:*"], message: "schemas/ and templates/ are pure: no Node built-ins." },
            {
              group: ["electron", "electron/*"],
              message: "schemas/ and templates/ are pure: no Electron.",
            },
            {
              group: ["**/main/**", "**/renderer/**"],
              message: "schemas/ and templates/ may not depend on main/ or renderer/.",
            },
            noTestCode,
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
  // renderer/: the browser side.
  {
    files: ["renderer/**/*.ts"],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["electron", ...nodeBuiltins],
          patterns: [noMain, noElectron, noNode, noTestCode],
        },
      ],
    },
  },
  // main/electron/: the shell, the one place that loads Electron.
  {
    files: ["main/electron/**/*.ts"],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": ["error", { patterns: [noRenderer, noTestCode] }],
    },
  },
  // main/web, main/host, main/cli: hosts without Electron.
  {
    files: ["main/web/**/*.ts", "main/host/**/*.ts", "main/cli/**/*.ts"],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ["electron"], patterns: [noRenderer, noElectron, noTestCode] },
      ],
    },
  },
  // main/files, import, export, review: the services every host calls.
  {
    files: [
      "main/files/**/*.ts",
      "main/import/**/*.ts",
      "main/export/**/*.ts",
      "main/review/**/*.ts",
    ],
    ignores: testFiles,
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: ["electron"], patterns: [noRenderer, noElectron, noHosts, noTestCode] },
      ],
    },
  },
);
