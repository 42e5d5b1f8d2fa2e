/**
 * The DOCX as Word users get it (issue 15, items 7 and 8), checked with real tools: the OOXML
 * validator, and LibreOffice converting it to PDF — its outline (built from the headings' outline
 * levels) lists every §, § references read the current number, the sekretess marking is printed,
 * and the profile's letterhead shows.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adjustedSample, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { exportDocument } from "./exportDocument.js";
import {
  libreOfficeToPdf,
  ooxmlValidate,
  pdftotext,
  readBytes,
  tempDir,
  write,
} from "./externalTools.testkit.js";
import { fontFolder } from "./fonts.js";
import { loadProfile } from "./loadProfile.js";
import { confidentialProtocol, seed002 } from "./testFixtures.testkit.js";

/** Every title of a PDF's outline, nested ones included, in order. */
async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const out: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null) => {
      for (const i of items ?? []) {
        out.push(i.title);
        walk(i.items as { title: string; items: unknown[] }[]);
      }
    };
    walk((await doc.getOutline()) as { title: string; items: unknown[] }[] | null);
    return out;
  } finally {
    await doc.destroy();
  }
}

describe("the DOCX in Word's validator and in LibreOffice", () => {
  const dir = tempDir("protokoll-docx-word-");

  it("seed 002 passes the OOXML validator, and LibreOffice builds an outline of every § from the headings and reads § 16 in the reference", async () => {
    const r = await exportDocument(seed002(), { format: "docx", output: "full" });
    if (!r.ok) throw new Error(r.error);
    const docx = write(dir, "seed002.docx", r.bytes);
    expect((await ooxmlValidate(docx)).errors).toEqual([]);
    const pdf = libreOfficeToPdf(docx, dir);
    const titles = await outlineTitles(readBytes(pdf));
    for (let n = 1; n <= 16; n++)
      expect(
        titles.some((t) => t.startsWith(`§ ${n} `)),
        `§ ${n} in the outline`,
      ).toBe(true);
    expect(titles).toContain("Socialnämndens beslut");
    expect(pdftotext(pdf).replace(/\s+/g, " ")).toContain(
      "Den utsända dagordningen godkändes med tillägg av skrivelse från (V), § 16.",
    );
  });

  it("a protocol with a sekretess § passes the validator and prints the marking in the heading and the list on page 1", async () => {
    const r = await exportDocument(confidentialProtocol(), {
      format: "docx",
      output: "full",
      draft: true,
    });
    if (!r.ok) throw new Error(r.error);
    const docx = write(dir, "sekretess.docx", r.bytes);
    expect((await ooxmlValidate(docx)).errors).toEqual([]);
    const text = pdftotext(libreOfficeToPdf(docx, dir));
    const pages = text.split("\f");
    expect(pages[0]!.replace(/\s+/g, " ")).toContain(
      "Paragrafen § 3 (OSL 26 kap. 1 §) omfattas av sekretess.",
    );
    expect(text).toMatch(/§ 3 +Placering enligt LVU\s+Sekretess enligt OSL 26 kap\. 1 §/);
  });

  it("a protocol with a profile passes the validator and shows the letterhead on page 1", async () => {
    const ws = tempDir("protokoll-ws-");
    mkdirSync(join(ws, "profil"));
    copyFileSync(join(fontFolder(), "DejaVuSans.ttf"), join(ws, "profil", "rubrik.ttf"));
    // A 2×2 RGBA PNG (one pixel transparent, one half): the flattened logo goes into the DOCX.
    writeFileSync(
      join(ws, "profil", "logo.png"),
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAYAAABytg0kAAAAGElEQVR4nGOQ96v8L+9XycDw//9/EKMBAEM2CC7HWgliAAAAAElFTkSuQmCC",
        "base64",
      ),
    );
    writeFileSync(
      join(ws, "profile.json"),
      JSON.stringify({
        municipality: "Exempelby kommun",
        logo: { png: "profil/logo.png" },
        colours: { accent: "#1F4E79" },
        fonts: { heading: { family: "DejaVu Sans", regular: "profil/rubrik.ttf" } },
        addressLine: "Box 1, 123 45 Exempelby",
      }),
    );
    const loaded = await loadProfile(ws);
    if (!loaded.ok || !loaded.profile) throw new Error(loaded.ok ? "no profile" : loaded.error);
    const f = sampleProtocol();
    f.meta.attendance = f.meta.persons
      .filter((p) => p.role !== "secretary")
      .map((p) => ({
        person: p.id,
        status: "serving" as const,
        from: null,
        to: null,
        replaces: null,
      }));
    const r = await exportDocument(adjustedSample(f), {
      format: "docx",
      output: "full",
      profile: loaded.profile,
    });
    if (!r.ok) throw new Error(r.error);
    const docx = write(dir, "profil.docx", r.bytes);
    expect((await ooxmlValidate(docx)).errors).toEqual([]);
    const first = pdftotext(libreOfficeToPdf(docx, dir)).split("\f")[0]!;
    expect(first.indexOf("Exempelby kommun")).toBeLessThan(
      first.indexOf("Protokoll – Socialnämnden"),
    );
    expect(first).toContain("Box 1, 123 45 Exempelby");
  });
});
