/**
 * Reading exported files back, for the tests: the parts of a DOCX (unzipped), the text of its
 * paragraphs, and a PDF's pages, outline and metadata through pdfjs-dist.
 */
import { strFromU8, unzipSync } from "fflate";

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files))
    if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The paragraphs of a DOCX part as (style, text). */
export function docxParagraphs(xml: string): { style: string | null; text: string }[] {
  const out: { style: string | null; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null;
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => unescapeXml(t[1]!))
      .join("");
    out.push({ style, text });
  }
  return out;
}

export interface PdfRead {
  pages: string[];
  outline: string[];
  title: string | null;
  metadataXml: string | null;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((it) => ("str" in it ? it.str + (it.hasEOL ? "\n" : "") : "")).join(""),
      );
      page.cleanup();
    }
    const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
    const meta = await doc.getMetadata();
    const info = meta.info as { Title?: string };
    return {
      pages,
      outline,
      title: info.Title ?? null,
      metadataXml: meta.metadata ? String(meta.metadata.getRaw()) : null,
    };
  } finally {
    await doc.destroy();
  }
}
