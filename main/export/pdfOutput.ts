/**
 * Cheaper output for pdfkit documents. pdfkit turns every string it writes (each operator added
 * to a page, each line of each object) into its own Uint8Array with a JavaScript loop and pushes
 * it through a Readable stream: ~300 000 small buffers for a 500-§ protocol, and much of the
 * export's garbage collection. Here
 * - a page's content is kept as strings and turned into bytes once, when the page is written,
 *   and compressed with `level` (zlib's fastest levels cost a fraction of the default 6 on this
 *   repetitive text, for a slightly larger file);
 * - the file itself is collected as Buffers (`Buffer.from(…, "latin1")`, native) instead of
 *   going through the stream.
 * Same bytes as pdfkit would write apart from the compression level. pdfkit internals used:
 * `_write`, `_offset`, `page.content` (a PDFReference: `write`, `finalize`, `buffer`, `data`,
 * `compress`) (pdfkit 0.20).
 */
import { deflateSync } from "node:zlib";

type Doc = PDFKit.PDFDocument;

interface ContentRef {
  write(chunk: string | Uint8Array): void;
  finalize(): void;
  buffer: Uint8Array[];
  data: Record<string, unknown>;
  compress: boolean;
}

interface DocInternals {
  _write(data: string | Uint8Array): void;
  _offset: number;
  page: { content: ContentRef };
}

/** Collect the document's bytes; returns the list the chunks are appended to. */
export function collectOutput(doc: Doc): Buffer[] {
  const d = doc as unknown as DocInternals;
  // The header pdfkit wrote in its constructor is still in the stream's buffer.
  const head = doc.read() as Buffer | null;
  const chunks: Buffer[] = head ? [head] : [];
  d._write = (data) => {
    const b =
      typeof data === "string"
        ? Buffer.from(data + "\n", "latin1")
        : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    chunks.push(b);
    d._offset += b.length;
  };
  return chunks;
}

/** Keep each new page's content as strings; compress it once at `level` when it is written. */
export function bufferPageContent(doc: Doc, level = 1): void {
  const d = doc as unknown as DocInternals;
  doc.on("pageAdded", () => {
    const content = d.page.content;
    // What pdfkit wrote before announcing the page (its flipped coordinate system) comes first.
    const parts: string[] = content.buffer.map((b) =>
      Buffer.from(b).toString("latin1").replace(/\n$/, ""),
    );
    content.buffer = [];
    content.compress = false;
    content.write = (chunk) => {
      parts.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1"));
    };
    const finalize = content.finalize.bind(content);
    content.finalize = () => {
      if (parts.length) {
        const bytes = deflateSync(Buffer.from(parts.join("\n") + "\n", "latin1"), { level });
        content.buffer = [bytes];
        content.data.Filter = "FlateDecode";
        content.data.Length = bytes.length;
      }
      finalize();
    };
  });
}
