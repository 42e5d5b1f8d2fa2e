import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packagedTestCode } from "./packaged-files.mjs";

const root = join(import.meta.dirname, "..");

/** A package listing with the given own files (and their text), plus a production dependency. */
function check(files: Record<string, string>, extra: string[] = []) {
  return packagedTestCode(
    ["/package.json", "/node_modules/zod/package.json", ...Object.keys(files), ...extra],
    root,
    (p) => files[p] ?? "",
  );
}

describe("the packaging check's test for test code in the installer", () => {
  const good = {
    "/dist/main/review/mergeWordReview.js":
      'import JSZip from "jszip";\nimport { itemBookmark } from "./wordBookmarks.js";\n',
    "/dist/main/review/wordBookmarks.js":
      'import { sha256 } from "../../schemas/review/sha256.js";\n',
    "/dist/schemas/review/sha256.js": "export function sha256() {}\n",
    "/dist/main/electron/app.js": 'import { app } from "electron";\n',
    "/dist/main/electron/preload.cjs": 'require("electron");\n',
    "/dist/renderer/index.html": "<!doctype html>",
  };

  it("passes the compiled production code, importing only each other and production packages", () => {
    expect(check(good)).toEqual([]);
  });

  it("finds a compiled test helper, by its name and by its source", () => {
    expect(
      check({ ...good, "/dist/main/import/testTexts.testkit.js": "export const x = 1;\n" }),
    ).toEqual([
      "/dist/main/import/testTexts.testkit.js: test code by its name",
      "/dist/main/import/testTexts.testkit.js: compiled from test code (main/import/testTexts.testkit.ts)",
    ]);
  });

  it("finds a stale build output whose source is gone, such as a test helper from before its rename", () => {
    expect(check({ ...good, "/dist/main/import/testTexts.js": "export const x = 1;\n" })).toEqual([
      "/dist/main/import/testTexts.js: no production source main/import/testTexts.ts (a stale or foreign build output)",
    ]);
  });

  it("finds a production module that imports test code left out of the package", () => {
    const bad = {
      ...good,
      "/dist/main/review/wordBookmarks.js":
        'import { sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";\n',
    };
    expect(check(bad)).toEqual([
      "/dist/main/review/wordBookmarks.js: imports ../../schemas/review/sampleProtocol.testkit.js, which is not in the package (test code)",
    ]);
  });

  it("finds test packages imported or packed, and Electron imported outside the shell", () => {
    const bad = {
      ...good,
      "/dist/schemas/review/sha256.js":
        'import { expect } from "vitest";\nimport fc from "fast-check";\nimport { app } from "electron";\n',
    };
    expect(check(bad, ["/node_modules/vitest/package.json"])).toEqual([
      "/dist/schemas/review/sha256.js: imports the test or tool package vitest",
      "/dist/schemas/review/sha256.js: imports the test or tool package fast-check",
      "/dist/schemas/review/sha256.js: imports the test or tool package electron",
      "/node_modules/vitest: the test or tool package vitest is packed",
    ]);
  });
});
