/**
 * The layer boundaries of eslint.config.js (docs/architecture.md) fire where they should and stay
 * quiet where an import is allowed: ESLint's own API lints a one-line file placed in each room.
 */
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: join(import.meta.dirname, "..") });

/** The messages of no-restricted-imports for `code` as if it were the file at `path`. */
async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, "..", path) });
  return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const cases: [room: string, file: string, code: string, expected: RegExp | null][] = [
  [
    "renderer → main",
    "renderer/ui/probe.ts",
    'import type { MenuCommand } from "../../main/electron/menu.js";\nexport type X = MenuCommand;\n',
    /renderer\/ never imports main\//,
  ],
  [
    "renderer → Electron",
    "renderer/probe.ts",
    'import { ipcRenderer } from "electron";\nexport const x = ipcRenderer;\n',
    /Only main\/electron\/ loads Electron/,
  ],
  [
    "renderer → Node",
    "renderer/probe.ts",
    'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
    /No Node built-ins/,
  ],
  [
    "renderer → schemas (allowed)",
    "renderer/probe.ts",
    'import { schema } from "../schemas/schema.js";\nexport const x = schema;\n',
    null,
  ],
  [
    "main → renderer",
    "main/host/probe.ts",
    'import { App } from "../../renderer/app.js";\nexport const x = App;\n',
    /main\/ never imports renderer\//,
  ],
  [
    "service → host",
    "main/export/probe.ts",
    'import { startWebHost } from "../web/server.js";\nexport const x = startWebHost;\n',
    /never import a host/,
  ],
  [
    "service → Electron",
    "main/files/probe.ts",
    'import { app } from "electron";\nexport const x = app;\n',
    /Only main\/electron\/ loads Electron/,
  ],
  [
    "web host → Electron",
    "main/web/probe.ts",
    'import { app } from "electron";\nexport const x = app;\n',
    /Only main\/electron\/ loads Electron/,
  ],
  [
    "shell → Electron (allowed)",
    "main/electron/probe.ts",
    'import { app } from "electron";\nimport { channels } from "../../schemas/contract.js";\nexport const x = [app, channels];\n',
    null,
  ],
  [
    "host → services and schemas (allowed)",
    "main/host/probe.ts",
    'import { exportDocument } from "../export/exportDocument.js";\nimport { schema } from "../../schemas/schema.js";\nexport const x = [exportDocument, schema];\n',
    null,
  ],
  [
    "schemas → Node",
    "schemas/probe.ts",
    'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n',
    /pure: no Node built-ins/,
  ],
  [
    "schemas → main",
    "schemas/review/probe.ts",
    'import { atomicWrite } from "../../main/files/atomicWrite.js";\nexport const x = atomicWrite;\n',
    /may not depend on main\/ or renderer\//,
  ],
  [
    "templates → renderer",
    "templates/probe.ts",
    'import { App } from "../renderer/app.js";\nexport const x = App;\n',
    /may not depend on main\/ or renderer\//,
  ],
  [
    "production → test helper",
    "main/import/probe.ts",
    'import { texts } from "./testTexts.testkit.js";\nexport const x = texts;\n',
    /never imports test code/,
  ],
  [
    "production → test",
    "schemas/probe.ts",
    'import { x as y } from "./file.test.js";\nexport const x = y;\n',
    /never imports test code/,
  ],
  [
    "test → test helper (allowed)",
    "main/import/probe.test.ts",
    'import { texts } from "./testTexts.testkit.js";\nexport const x = texts;\n',
    null,
  ],
];

describe("the layer boundaries in ESLint", () => {
  for (const [room, file, code, expected] of cases)
    it(`${expected ? "refuses" : "allows"} ${room}`, async () => {
      const messages = await restricted(file, code);
      if (expected)
        expect(
          messages.some((m) => expected.test(m)),
          messages.join("\n") || "no message",
        ).toBe(true);
      else expect(messages).toEqual([]);
    });
});
