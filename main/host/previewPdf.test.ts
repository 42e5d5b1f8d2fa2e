import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { socialnamnd } from "../../templates/socialnamnd.js";
import { readPdf } from "../export/readBack.testkit.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

let dir: string;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-preview-host-"));
  handlers = createHandlers(workspaceHostEnv(new Workspace(dir), async () => undefined));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the previewPdf channel", () => {
  it("returns the exported PDF of a draft, watermarked UTKAST with the reason, and writes nothing", async () => {
    const r = await handlers.previewPdf({
      text: serialize(socialnamnd.create({ date: "2020-08-25" })),
      output: "full",
      items: [],
      draft: false,
    });
    if (!r.ok) throw new Error(r.error);
    expect(r.draft).toBe(true);
    expect(r.refused).toMatch(/\S/);
    const bytes = Buffer.from(r.pdf, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const read = await readPdf(new Uint8Array(bytes));
    expect(read.pages.length).toBeGreaterThan(0);
    expect(read.pages.join("\n")).toContain("UTKAST");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses text that is not a well-formed document with a Swedish reason", async () => {
    const r = await handlers.previewPdf({ text: "{}", output: "full", items: [], draft: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/kan inte förhandsgranskas/);
  });
});
