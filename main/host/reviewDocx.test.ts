/**
 * The host's Word review channels (justering in Word): the DOCX review copy is written where asked,
 * and a copy with a justerare's Word comments comes back merged into the document sent along —
 * by path in the workspace or as uploaded bytes, refusing what is not a Word file.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, serialize, type ProtokollFile } from "../../schemas/file.js";
import { addComment, sendForReview } from "../../schemas/review/index.js";
import { sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { writeReviewCopyDocx } from "../review/writeReviewCopyDocx.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

let dir: string;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-review-host-"));
  const ws = new Workspace(dir);
  handlers = createHandlers(workspaceHostEnv(ws));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function inReview(): ProtokollFile {
  const r = sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00");
  if (!r.ok) throw new Error(r.error);
  return r.file;
}

/** The copy as the justerare returns it from Word: one new comment on "ytterstaden" in § 5. */
async function justerareDocx(sent: ProtokollFile): Promise<Uint8Array> {
  const item = sent.doc.child(4);
  let from = -1;
  item.descendants((n, pos) => {
    if (n.isText && from < 0 && n.text!.includes("ytterstaden"))
      from = pos + n.text!.indexOf("ytterstaden");
  });
  const withComment = addComment(sent, {
    item: "p5",
    anchor: { from, to: from + "ytterstaden".length },
    author: "Linda Vall",
    text: "Vilka stadsdelar?",
    at: "2020-08-28T10:00",
  });
  if (!withComment.ok) throw new Error(withComment.error);
  return writeReviewCopyDocx(withComment.file);
}

describe("the Word review channels of the host", () => {
  it("writes the DOCX review copy under a derived name, with every § as a heading", async () => {
    const r = await handlers.exportReviewDocx({ text: serialize(inReview()) });
    expect(r).toMatchObject({ ok: true, path: "Socialnämnden 2020-08-25 granskning.docx" });
    const bytes = readFileSync(join(dir, "Socialnämnden 2020-08-25 granskning.docx"));
    expect(r.ok && r.bytes).toBe(bytes.byteLength);
    const xml = await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    expect(xml).toMatch(/w:name="par_p5"/);
    expect(xml).toContain("Yttrande över remiss om äldreomsorg");
  });

  it("merges the justerare's Word comments into the document sent along, by path or upload", async () => {
    const sent = inReview();
    const docx = await justerareDocx(sent);
    writeFileSync(join(dir, "tillbaka.docx"), docx);
    const byPath = await handlers.importReviewDocx({
      text: serialize(sent),
      path: "tillbaka.docx",
      receivedAt: "2020-08-29T08:00",
    });
    if (!byPath.ok) throw new Error(byPath.error);
    expect(byPath.sourceName).toBe("tillbaka.docx");
    expect(byPath.report.addedComments).toHaveLength(1);
    const merged = parse(byPath.text);
    if (!merged.ok) throw new Error("not well-formed");
    expect(merged.file.doc.eq(sent.doc)).toBe(true);
    expect(merged.file.review.comments).toMatchObject([
      {
        item: "p5",
        author: "Linda Vall",
        text: "Vilka stadsdelar?",
        anchor: { text: "ytterstaden" },
      },
    ]);

    const upload = await handlers.importReviewDocx({
      text: serialize(sent),
      upload: { name: "kopia.docx", base64: Buffer.from(docx).toString("base64") },
      receivedAt: "2020-08-29T08:00",
    });
    expect(upload.ok && upload.report.addedComments).toHaveLength(1);
  });

  it("refuses a file that is not a Word copy, a missing file and a broken document, and writes nothing", async () => {
    writeFileSync(join(dir, "inte.docx"), "hej");
    const notWord = await handlers.importReviewDocx({
      text: serialize(inReview()),
      path: "inte.docx",
      receivedAt: "2020-08-29T08:00",
    });
    expect(notWord).toEqual({
      ok: false,
      error: "Filen är inte en Word-fil (docx) och kan inte läsas som granskningskopia.",
    });
    const missing = await handlers.importReviewDocx({
      text: serialize(inReview()),
      path: "borta.docx",
      receivedAt: "2020-08-29T08:00",
    });
    expect(!missing.ok && missing.error).toBe("Filen ”borta.docx” finns inte.");
    const broken = await handlers.exportReviewDocx({ text: "{", path: "x.docx" });
    expect(broken.ok).toBe(false);
    expect(existsSync(join(dir, "x.docx"))).toBe(false);
    const outside = await handlers.exportReviewDocx({
      text: serialize(inReview()),
      path: "../utanför.docx",
    });
    expect(outside.ok).toBe(false);
  });
});
