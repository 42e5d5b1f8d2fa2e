import { describe, expect, it } from "vitest";
import { formatFingerprint, makeSeal, sealEntries } from "../../schemas/review/seal.js";
import { exportDocument } from "../export/exportDocument.js";
import { seed002 } from "../export/testFixtures.testkit.js";
import { pdfPageTexts } from "./pdfMatchesFile.js";
import { signed, testKey } from "./sealKeys.testkit.js";

/** The complete test protocol, sealed in form 2 and signed with a key of the body. */
function signedProtocol() {
  const base = seed002();
  const own = sealEntries(base.history).at(-1)!;
  const { at, by } = base.meta.seal!;
  own.seal = null;
  base.meta.seal = null;
  own.seal = base.meta.seal = makeSeal(base, at, by);
  const key = testKey("Socialnämnden, Testkommun");
  return { file: signed(base, key), key };
}

describe("the signing key on the exported protocol", () => {
  it("prints the key's fingerprint and holder under the seal in the PDF, for publication", async () => {
    const { file, key } = signedProtocol();
    const r = await exportDocument(file, { format: "pdf", output: "full" });
    if (!r.ok) throw new Error(r.error);
    const text = (await pdfPageTexts(r.bytes)).join(" ");
    expect(text).toContain(`Kontrollsumma (SHA-256): ${file.meta.seal!.sha256}`);
    expect(text).toContain(
      `Sigillet är signerat med nyckeln ${formatFingerprint(key.fingerprint)} (Socialnämnden, Testkommun).`,
    );
  });

  it("names the key in the DOCX too, and not for a protocol whose seal is unsigned", async () => {
    const { file, key } = signedProtocol();
    const docx = await exportDocument(file, { format: "docx", output: "full" });
    if (!docx.ok) throw new Error(docx.error);
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(docx.bytes);
    const body = await zip.file("word/document.xml")!.async("string");
    expect(body.replace(/<[^>]+>/g, "")).toContain(
      `Sigillet är signerat med nyckeln ${formatFingerprint(key.fingerprint)}`,
    );
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain(
      `Nyckel: ${formatFingerprint(key.fingerprint)}`,
    );
    const unsigned = await exportDocument(seed002(), { format: "pdf", output: "full" });
    if (!unsigned.ok) throw new Error(unsigned.error);
    expect((await pdfPageTexts(unsigned.bytes)).join(" ")).not.toContain("Sigillet är signerat");
  });
});
