/**
 * Zip bombs and huge inputs (issue 13, item 4): DOCX inputs are inflated with a byte cap before
 * mammoth or JSZip see them, for imports and for Word review copies merged back; imports run in a
 * worker thread with a timeout, so the host lives on; PDFs have a page limit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PDFDocument from "pdfkit";
import { afterAll, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { checkZipBounds, DOCX_LIMITS } from "../files/boundedUnzip.js";
import { overlappingZipBomb, zipBomb } from "../files/zipBomb.testkit.js";
import { MAX_IMPORT_PDF_PAGES } from "../../schemas/limits.js";
import { extractText } from "../import/extractText.js";
import { NAMND } from "../import/testTexts.testkit.js";
import { mergeWordReview } from "../review/mergeWordReview.js";
import { writeReviewCopyDocx } from "../review/writeReviewCopyDocx.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";
import { importInWorker } from "./importWorker.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base64 = (b: Uint8Array) => Buffer.from(b).toString("base64");

describe("zip bombs", () => {
  it("lets a real Word file through and refuses a bomb whose declared size lies, and one of overlapping entries", async () => {
    const real = await writeReviewCopyDocx(sampleProtocol());
    expect(checkZipBounds(real)).toMatchObject({ ok: true });
    const bomb = zipBomb(DOCX_LIMITS.maxXmlBytes / (1024 * 1024) + 16);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkZipBounds(bomb)).toEqual({
      ok: false,
      reason: "too-large",
      error: expect.stringMatching(/zip-bomb/),
    });
    // 300 entries of 1 MB each over the same bytes: each under the cap, together over the total.
    expect(checkZipBounds(overlappingZipBomb(300, 1))).toEqual({
      ok: false,
      reason: "too-large",
      error: expect.stringMatching(/zip-bomb/),
    });
    expect(checkZipBounds(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).toMatchObject({
      ok: false,
    });
  });

  it("refuses the bomb as an import and as a Word review copy, and the web host imports on afterwards", async () => {
    const handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
    const bomb = zipBomb(100);
    const imported = await handlers.importFile({
      upload: { name: "bomb.docx", base64: base64(bomb) },
    });
    expect(imported).toEqual({ ok: false, error: expect.stringMatching(/zip-bomb/) });
    const merged = await mergeWordReview(sampleProtocol(), bomb, "2020-08-30T10:00");
    expect(merged).toEqual({ ok: false, error: expect.stringMatching(/zip-bomb/) });
    const viaHost = await handlers.importReviewDocx({
      text: serialize(sampleProtocol()),
      upload: { name: "bomb.docx", base64: base64(bomb) },
      receivedAt: "2020-08-30T10:00",
    });
    expect(viaHost).toMatchObject({ ok: false });
    const next = await handlers.importFile({
      upload: { name: "namnd.txt", base64: base64(new TextEncoder().encode(NAMND)) },
    });
    expect(next).toMatchObject({ ok: true });
  }, 120_000);
});

describe("imports in a worker", () => {
  it("gives the same document as importing in-process, and ends an import that runs too long", async () => {
    const bytes = new TextEncoder().encode(NAMND);
    const r = await importInWorker(bytes, "namnd.txt");
    const { importDocument } = await import("../import/importDocument.js");
    const direct = await importDocument(bytes, "namnd.txt");
    expect(r.ok && direct.ok && serialize(r.file)).toBe(direct.ok && serialize(direct.file));
    const slow = await importInWorker(bytes, "namnd.txt", { timeoutMs: 5 });
    expect(slow).toEqual({ ok: false, error: expect.stringMatching(/avbröts efter 0 sekunder/) });
  }, 120_000);
});

describe("PDF limits", () => {
  it(`refuses a PDF of more than ${MAX_IMPORT_PDF_PAGES} pages`, async () => {
    const pdf = new PDFDocument({ autoFirstPage: false, compress: true });
    const chunks: Buffer[] = [];
    pdf.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise((r) => pdf.on("end", r));
    for (let i = 0; i <= MAX_IMPORT_PDF_PAGES; i++) pdf.addPage({ size: [100, 100] });
    pdf.end();
    await done;
    const r = await extractText(new Uint8Array(Buffer.concat(chunks)), "manga.pdf");
    expect(r).toEqual({
      ok: false,
      error: expect.stringMatching(
        new RegExp(`${MAX_IMPORT_PDF_PAGES + 1} sidor – högst ${MAX_IMPORT_PDF_PAGES}`),
      ),
    });
  }, 120_000);
});
