/**
 * The Word structure of the DOCX (issue 15, items 3, 4, 7), read back from the real bytes: outline
 * levels, keep-with-next, § references as bookmarks + REF fields, the sekretess marking in the §
 * heading and the list of sekretess §§ on page 1, questions numbered on across an answer, and the
 * font table.
 */
import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { answerFile } from "../../schemas/rules/testBuilder.testkit.js";
import { exportDocument } from "./exportDocument.js";
import { docxParagraphs, docxParts } from "./readBack.testkit.js";
import { confidentialProtocol, seed002 } from "./testFixtures.testkit.js";

async function docx(
  file: ProtokollFile,
  output: "full" | "public" = "full",
): Promise<Record<string, string>> {
  const r = await exportDocument(file, { format: "docx", output, draft: true });
  if (!r.ok) throw new Error(r.error);
  return docxParts(r.bytes);
}

/** The `<w:p>` elements of document.xml. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);

describe("DOCX headings and keep-with-next", () => {
  it("gives Heading 1–3 outline levels 0–2 in the styles and in every heading paragraph", async () => {
    const parts = await docx(seed002());
    for (const [level, lvl] of [
      [1, 0],
      [2, 1],
      [3, 2],
    ] as const)
      expect(parts["word/styles.xml"]).toMatch(
        new RegExp(`w:styleId="Heading${level}">.*?<w:outlineLvl w:val="${lvl}"/>.*?</w:style>`),
      );
    const headings = paragraphs(parts["word/document.xml"]!).filter((p) =>
      /<w:pStyle w:val="Heading[123]"\/>/.test(p),
    );
    expect(headings.length).toBeGreaterThan(40);
    for (const h of headings) {
      const level = Number(/Heading([123])/.exec(h)![1]);
      expect(h).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
      expect(h).toContain("<w:keepNext/>");
    }
  });

  it("keeps a lead-in with what it introduces (Ersättaryttrande / Ersättaren …)", async () => {
    const parts = await docx(seed002());
    expect(parts["word/styles.xml"]).toMatch(/w:styleId="Lead">.*?<w:keepNext\/>.*?<\/w:style>/);
    const leads = paragraphs(parts["word/document.xml"]!).filter((p) =>
      p.includes('<w:pStyle w:val="Lead"/>'),
    );
    expect(leads.some((p) => p.includes("Ersättaren"))).toBe(true);
    for (const p of leads) expect(p).toContain("<w:keepNext/>");
  });
});

describe("DOCX § references", () => {
  it("bookmarks the '§ N' of each § heading and writes references to it as REF fields Word updates on open", async () => {
    const parts = await docx(seed002());
    const xml = parts["word/document.xml"]!;
    const target =
      /<w:bookmarkStart w:id="(\d+)" w:name="(par_[A-Za-z0-9_]+)"\/><w:r><w:t xml:space="preserve">§ 16<\/w:t><\/w:r><w:bookmarkEnd w:id="\1"\/>/.exec(
        xml,
      );
    expect(target).not.toBeNull();
    const ref = new RegExp(
      `<w:fldSimple w:instr=" REF ${target![2]} \\\\h " w:dirty="true"><w:r><w:t xml:space="preserve">§ 16</w:t></w:r></w:fldSimple>`,
    );
    expect(xml).toMatch(ref);
    const para = docxParagraphs(xml).find((p) => p.text.includes("tillägg av skrivelse"));
    expect(para?.text).toBe(
      "Den utsända dagordningen godkändes med tillägg av skrivelse från (V), § 16.",
    );
    // Bookmark names are unique and Word-valid.
    const names = [...xml.matchAll(/<w:bookmarkStart w:id="\d+" w:name="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
  });
});

describe("DOCX sekretess marking", () => {
  it("marks the confidential § in its heading and lists it on the first page; the public version replaces the § instead", async () => {
    const full = (await docx(confidentialProtocol()))["word/document.xml"]!;
    const heading = paragraphs(full).find((p) => p.includes("Placering enligt LVU"))!;
    expect(heading).toContain('<w:pStyle w:val="Heading2"/>');
    expect(docxParagraphs(heading)[0]!.text).toBe(
      "§ 3  Placering enligt LVUSekretess enligt OSL 26 kap. 1 §",
    );
    expect(heading).toMatch(
      /<w:br\/><w:t xml:space="preserve">Sekretess enligt OSL 26 kap. 1 §<\/w:t>/,
    );
    const texts = docxParagraphs(full).map((p) => p.text);
    const firstPage = texts.slice(
      0,
      texts.findIndex((t) => t.startsWith("§ 1")),
    );
    expect(firstPage).toContain("Paragrafen § 3 (OSL 26 kap. 1 §) omfattas av sekretess.");
    const pub = (await docx(confidentialProtocol(), "public"))["word/document.xml"]!;
    expect(pub).not.toContain("Placering enligt LVU");
    expect(docxParagraphs(pub).map((p) => p.text)).toContain(
      "Paragrafen § 3 (OSL 26 kap. 1 §) omfattas av sekretess.",
    );
  });
});

describe("DOCX interpellation answers", () => {
  const answer = () =>
    answerFile([
      "Anna Andersson (V) har i sin interpellation ställt följande frågor till mig:",
      b.question("Fråga ett?"),
      "Svar på den första frågan.",
      b.question("Fråga två?"),
      b.question("Fråga tre?"),
      "Svar på den andra och tredje frågan.",
      b.question("Fråga fyra?"),
      "Svar på den fjärde frågan.",
    ]);

  it("numbers the questions 1, 2, 3, 4 across the answer, not 1, 1, 1, 2", async () => {
    const parts = await docx(answer());
    const numbering = parts["word/numbering.xml"]!;
    // The lists after the first go on from 2 and 4: a startOverride (or start) of 2 and 4 in the numbering.
    const starts = [...numbering.matchAll(/<w:(?:startOverride|start) w:val="(\d+)"\/>/g)].map(
      (m) => Number(m[1]),
    );
    expect(starts).toContain(2);
    expect(starts).toContain(4);
    const questions = paragraphs(parts["word/document.xml"]!).filter((p) =>
      /Fråga (ett|två|tre|fyra)\?/.test(p),
    );
    const numIds = questions.map((p) => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1]);
    expect(numIds.every(Boolean)).toBe(true);
    expect(new Set(numIds).size).toBe(3); // three lists: [1], [2, 3], [4]
  });

  it("prints an existing lead-in once, and adds the generated one only when there is none", async () => {
    const once = docxParagraphs((await docx(answer()))["word/document.xml"]!).filter((p) =>
      /ställt följande frågor/.test(p.text),
    );
    expect(once).toHaveLength(1);
    const other = answerFile([
      "Anna Andersson (V) ställer i en interpellation följande frågor till mig:",
      b.question("Fråga ett?"),
      "Svar.",
    ]);
    expect(
      docxParagraphs((await docx(other))["word/document.xml"]!).filter((p) =>
        /följande frågor/.test(p.text),
      ),
    ).toHaveLength(1);
    const none = answerFile([b.question("Fråga ett?"), "Svar."]);
    expect(
      docxParagraphs((await docx(none))["word/document.xml"]!).filter((p) =>
        /har i sin interpellation ställt följande frågor till mig:/.test(p.text),
      ),
    ).toHaveLength(1);
  });
});

describe("DOCX fonts", () => {
  it("writes fontTable.xml with family, pitch and PANOSE of DejaVu Serif and DejaVu Sans", async () => {
    const table = (await docx(seed002()))["word/fontTable.xml"]!;
    expect(table).toContain(
      '<w:font w:name="DejaVu Serif"><w:panose1 w:val="02060603050605020204"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>',
    );
    expect(table).toContain(
      '<w:font w:name="DejaVu Sans"><w:panose1 w:val="020B0603030804020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>',
    );
  });
});
