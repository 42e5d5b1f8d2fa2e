import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { distribution } from "../../schemas/build.js";
import { distributionGroups } from "../../schemas/agenda/distributionGroups.js";
import { parse, type ProtokollFile } from "../../schemas/file.js";
import type { Node as ProseNode } from "prosemirror-model";
import { adjustedSample, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { readPdf } from "../export/readBack.testkit.js";
import { exportedAttachmentName } from "../../schemas/attachments.js";
import { storeAttachment } from "../files/attachmentFiles.js";
import { sendExtracts } from "./sendExtracts.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-utdrag-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample protocol with "Expedieras till" in § 3 (two recipients) and § 5 (one of them again). */
function withRecipients(): ProtokollFile {
  const base = sampleProtocol();
  const items: ProseNode[] = [];
  base.doc.forEach((item) => {
    const id = item.attrs.id as string;
    const extra =
      id === "p3"
        ? distribution("Socialförvaltningen", "Revisionen.")
        : id === "p5"
          ? distribution("socialförvaltningen")
          : null;
    items.push(extra ? item.copy(item.content.addToEnd(extra)) : item);
  });
  const attendance = ["jj", "lv", "ab"].map((person) => ({
    person,
    status: "serving" as const,
    from: null,
    to: null,
    replaces: null,
  }));
  return { ...base, meta: { ...base.meta, attendance }, doc: base.doc.type.create(null, items) };
}

describe("Skicka utdrag", () => {
  it("groups the §§ by recipient of Expedieras till, case-insensitively, in document order", () => {
    const f = withRecipients();
    expect(distributionGroups(f.doc, f.meta).map((g) => [g.recipient, g.numbers])).toEqual([
      ["Socialförvaltningen", [3, 5]],
      ["Revisionen", [3]],
    ]);
  });

  it("writes one extract per recipient and the list into a new folder, after justering only", async () => {
    expect(await sendExtracts(withRecipients(), dir)).toEqual({
      ok: false,
      error: "Protokollet är inte justerat. Utdrag skickas efter justeringen.",
    });
    const adjusted = adjustedSample(withRecipients());
    const r = await sendExtracts(adjusted, dir);
    if (!r.ok) throw new Error(r.error);
    expect(readdirSync(r.folder).sort()).toEqual([
      "01_socialforvaltningen.pdf",
      "02_revisionen.pdf",
      "utskickslista.txt",
    ]);
    const list = readFileSync(join(r.folder, "utskickslista.txt"), "utf8");
    expect(list).toContain("Socialförvaltningen\t§§ 3, 5\t01_socialforvaltningen.pdf");
    expect(list).toContain("Revisionen\t§ 3\t02_revisionen.pdf");
    const pdf = await readPdf(
      new Uint8Array(readFileSync(join(r.folder, "01_socialforvaltningen.pdf"))),
    );
    expect(pdf.outline.map((t) => t.split(" ").slice(0, 2).join(" "))).toEqual(["§ 3", "§ 5"]);
    // a second run never writes over the first
    const again = await sendExtracts(adjusted, dir);
    if (!again.ok) throw new Error(again.error);
    expect(again.folder).not.toBe(r.folder);
    expect(again.folder.endsWith("-2")).toBe(true);
  });

  it("reads the recipients of a justerat file of the old format, whose Expedieras till is prose kept as sealed", () => {
    const r = parse(
      readFileSync(
        join(import.meta.dirname, "../../schemas/fixtures/v1-expedieras-justerat.protokoll"),
        "utf8",
      ),
    );
    if (!r.ok) throw new Error(r.errors[0]!.message);
    expect(
      distributionGroups(r.file.doc, r.file.meta).map((g) => [g.recipient, g.numbers]),
    ).toEqual([
      ["Kommunstyrelsen", [3, 5]],
      ["Ekonomienheten", [3]],
      ["Revisionen", [3]],
      ["Socialförvaltningen", [4]],
      ["Akten", [4]],
      ["Vård- och omsorgsförvaltningen", [5]],
    ]);
  });

  it("puts the bilagor of an extract's §§ beside it, and sends nothing when a bilaga's file has changed", async () => {
    const folder = mkdtempSync(join(dir, "dokument-"));
    const documentPath = join(folder, "nämnd.protokoll");
    const bytes = new TextEncoder().encode("%PDF voteringslista");
    const stored = await storeAttachment(documentPath, "votering.pdf", bytes);
    const f = withRecipients();
    const bilaga = {
      id: "b1",
      title: "Voteringslista",
      file: stored.file,
      item: "p5",
      sha256: stored.sha256,
    };
    const adjusted = adjustedSample({ ...f, meta: { ...f.meta, attachments: [bilaga] } });
    const r = await sendExtracts(adjusted, folder, documentPath);
    if (!r.ok) throw new Error(r.error);
    // § 5 goes to Socialförvaltningen only: its extract has the bilaga beside it, Revisionen's (§ 3) none.
    expect(readdirSync(r.folder).sort()).toEqual([
      "01_socialforvaltningen-bilagor",
      "01_socialforvaltningen.pdf",
      "02_revisionen.pdf",
      "utskickslista.txt",
    ]);
    const name = exportedAttachmentName(1, bilaga);
    expect(name).toMatch(/^Bilaga 1 – Voteringslista\.pdf$/);
    expect(readdirSync(join(r.folder, "01_socialforvaltningen-bilagor"))).toEqual([name]);
    expect(
      new Uint8Array(readFileSync(join(r.folder, "01_socialforvaltningen-bilagor", name))),
    ).toEqual(bytes);

    writeFileSync(join(folder, stored.file), "%PDF ändrad");
    const before = readdirSync(folder).sort();
    const refused = await sendExtracts(adjusted, folder, documentPath);
    expect(refused).toEqual({
      ok: false,
      error: expect.stringMatching(/Socialförvaltningen.*bilaga 1 .*har ändrats/),
    });
    expect(readdirSync(folder).sort()).toEqual(before);
  });
});
