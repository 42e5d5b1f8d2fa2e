/**
 * Whether a PDF belongs to a justerad file by its content, not by the seal printed in it (which
 * anyone can copy): the file is exported again (the exporters are deterministic functions of the
 * document) as each public kind of PDF — the full protocol, the public version, the anslag — and
 * the text of every page is compared with the PDF's, page by page. Byte comparison is not used:
 * the PDF carries its creation time.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import { MAX_VERIFIED_PDF_PAGES } from "../../schemas/limits.js";
import type { exportDocument as ExportDocument } from "../export/exportDocument.js";

/** The exporters (pdfkit, docx) are loaded only when a PDF is compared. */
const exportDocument: typeof ExportDocument = async (file, options) =>
  (await import("../export/exportDocument.js")).exportDocument(file, options);

export type PdfMatch =
  | { ok: true; output: "full" | "public" | "notice"; pages: number }
  | { ok: false; /** English / Swedish. */ message: string; page: number | null };

const normalize = (s: string) => s.replace(/\s+/g, " ").trim();

/** The text of each page, whitespace collapsed. Throws on a PDF that cannot be read. */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    if (doc.numPages > MAX_VERIFIED_PDF_PAGES)
      throw new Error(
        `the PDF has ${doc.numPages} pages (at most ${MAX_VERIFIED_PDF_PAGES}) / PDF-filen har ${doc.numPages} sidor (högst ${MAX_VERIFIED_PDF_PAGES})`,
      );
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        normalize(
          content.items
            .map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : " ") : ""))
            .join(""),
        ),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

export async function pdfMatchesFile(file: ProtokollFile, pdf: Uint8Array): Promise<PdfMatch> {
  let given: string[];
  try {
    given = await pdfPageTexts(pdf);
  } catch (e) {
    return {
      ok: false,
      message: `Not a readable PDF / Inte en läsbar PDF: ${e instanceof Error ? e.message.slice(0, 200) : "?"}`,
      page: null,
    };
  }
  let firstDifference: PdfMatch | null = null;
  for (const output of ["full", "public", "notice"] as const) {
    const r = await exportDocument(file, { format: "pdf", output });
    if (!r.ok) continue;
    const expected = await pdfPageTexts(r.bytes);
    if (expected.length === given.length && expected.every((t, i) => t === given[i]))
      return { ok: true, output, pages: given.length };
    if (output === "full" && !firstDifference) {
      const page = expected.findIndex((t, i) => t !== given[i]);
      firstDifference =
        expected.length !== given.length && page === -1
          ? {
              ok: false,
              message: `the PDF has ${given.length} pages, the protocol ${expected.length} / PDF-filen har ${given.length} sidor, protokollet ${expected.length}`,
              page: null,
            }
          : {
              ok: false,
              message: `page ${page + 1} of the PDF differs from the protocol / sidan ${page + 1} i PDF-filen skiljer sig från protokollet`,
              page: page + 1,
            };
    }
  }
  return (
    firstDifference ?? {
      ok: false,
      message:
        "the file could not be exported to compare / filen kunde inte exporteras för jämförelse",
      page: null,
    }
  );
}
