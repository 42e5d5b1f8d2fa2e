import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArgs } from "../../schemas/contract.js";
import { serialize } from "../../schemas/file.js";
import { fontFolder } from "../export/fonts.js";
import { docxParts } from "../export/readBack.testkit.js";
import { socialnamnd } from "../../templates/socialnamnd.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

/** A 1×1 RGBA PNG (half-transparent blue). */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYPj/HwADAgH/bZjkFgAAAABJRU5ErkJggg==";

let dir: string;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-profile-host-"));
  handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the Kommunprofil channels", () => {
  it("reads no profile in a new workspace, copies a picked logo and font into profil/, writes profile.json, and every export uses it", async () => {
    const empty = await handlers.readProfile({});
    expect(empty).toEqual({ ok: true, profile: null, folder: dir, logoPreview: null, error: null });
    const logo = await handlers.importProfileFile({
      kind: "logo",
      upload: { name: "Kommun Logga.PNG", base64: PNG },
    });
    expect(logo).toEqual({ ok: true, file: "profil/kommun-logga.png" });
    const font = await handlers.importProfileFile({
      kind: "font",
      upload: {
        name: "Rubrik.ttf",
        base64: readFileSync(join(fontFolder(), "DejaVuSans.ttf")).toString("base64"),
      },
    });
    expect(font).toEqual({ ok: true, file: "profil/rubrik.ttf" });
    const args = parseArgs("writeProfile", {
      profile: {
        municipality: "Exempelby kommun",
        logo: { png: "profil/kommun-logga.png" },
        fonts: { heading: { family: "Exempel Sans", regular: "profil/rubrik.ttf" } },
        extra: { kept: true },
      },
    });
    if (!args.ok) throw new Error(args.error);
    expect(await handlers.writeProfile(args.args)).toEqual({ ok: true });
    const saved = JSON.parse(readFileSync(join(dir, "profile.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(saved).toMatchObject({
      municipality: "Exempelby kommun",
      signatureLayout: "end",
      extra: { kept: true },
    });
    const again = await handlers.readProfile({});
    expect(again.ok && again.logoPreview).toMatch(/^data:image\/png;base64,/);

    const exported = await handlers.exportFile({
      text: serialize(socialnamnd.create({ date: "2020-08-25" })),
      format: "docx",
      output: "full",
      items: [],
      draft: true,
      path: "ut.docx",
    });
    expect(exported.ok).toBe(true);
    const doc = docxParts(new Uint8Array(readFileSync(join(dir, "ut.docx"))))["word/document.xml"]!;
    expect(doc).toContain("Exempelby kommun");
  });

  it("refuses a logo that is not a PNG, a profile without a name, and one naming a missing file, leaving the old profile", async () => {
    const bad = await handlers.importProfileFile({
      kind: "logo",
      upload: { name: "logo.png", base64: Buffer.from("<svg/>").toString("base64") },
    });
    expect(bad).toEqual({ ok: false, error: "Logotypen ska vara en PNG-bild." });
    expect(existsSync(join(dir, "profil", "logo.png"))).toBe(false);
    const noName = await handlers.writeProfile({ profile: { municipality: " " } });
    expect(noName.ok).toBe(false);
    if (!noName.ok) expect(noName.error).toMatch(/municipality: kommunens namn saknas/);
    expect(await handlers.writeProfile({ profile: { municipality: "Exempelby kommun" } })).toEqual({
      ok: true,
    });
    const missing = await handlers.writeProfile({
      profile: { municipality: "Annanby kommun", logo: { png: "profil/saknas.png" } },
    });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.error).toMatch(/finns inte i arbetsmappen.*Profilen sparades inte\./);
    expect(JSON.parse(readFileSync(join(dir, "profile.json"), "utf8"))).toMatchObject({
      municipality: "Exempelby kommun",
    });
  });
});
