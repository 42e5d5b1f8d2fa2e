/**
 * Förhandsgranska and Skriv ut: the PDF exactly as the export writes it (the host's `previewPdf`
 * channel returns its bytes), shown with pdfjs. Only the pages in view are drawn (an
 * IntersectionObserver on one placeholder per page), so a protocol of a thousand pages opens as
 * fast as one of ten. Printing draws every page once into images that only the print shows, then
 * asks the browser (or Electron's window) to print — the same way in the app and the web host.
 */
import * as pdfjs from "pdfjs-dist";
import type { PDFDocumentProxy } from "pdfjs-dist";
import type { App } from "../app.js";
import { serialize } from "../../schemas/file.js";
import { modal, showError } from "./dialogs.js";
import { h } from "./dom.js";

let workerReady = false;
function ensureWorker(): void {
  if (workerReady) return;
  pdfjs.GlobalWorkerOptions.workerPort = new Worker(new URL("./pdfWorker.ts", import.meta.url), {
    type: "module",
  });
  workerReady = true;
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The exported PDF of the open document (UTKAST when it cannot yet be exported as official). */
async function loadPdf(
  app: App,
): Promise<{ pdf: PDFDocumentProxy; draft: boolean; refused: string | null } | null> {
  const r = await app.host.previewPdf({
    text: serialize(app.currentFile()),
    output: "full",
    items: [],
    draft: app.meta.status !== "adjusted",
  });
  if (!r.ok) {
    await showError("Förhandsgranskningen kunde inte visas", r.error);
    return null;
  }
  ensureWorker();
  const pdf = await pdfjs.getDocument({ data: fromBase64(r.pdf), isEvalSupported: false }).promise;
  return { pdf, draft: r.draft, refused: r.refused };
}

/** Draw one page into a canvas at a width in CSS pixels. */
async function drawPage(
  pdf: PDFDocumentProxy,
  number: number,
  cssWidth: number,
): Promise<HTMLCanvasElement> {
  const page = await pdf.getPage(number);
  const base = page.getViewport({ scale: 1 });
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${cssWidth}px`;
  await page.render({ canvas, canvasContext: canvas.getContext("2d")!, viewport }).promise;
  return canvas;
}

/** Print every page of the PDF: images shown only in print (see styles.css, #print-pages). */
async function printPdf(pdf: PDFDocumentProxy): Promise<void> {
  const holder = h("div", { id: "print-pages", "aria-hidden": "true" });
  for (let n = 1; n <= pdf.numPages; n++) {
    const canvas = await drawPage(pdf, n, 794); // A4 at 96 dpi, doubled by devicePixelRatio where there is one
    holder.append(h("img", { src: canvas.toDataURL("image/png"), alt: "" }));
  }
  document.body.append(holder);
  try {
    window.print();
  } finally {
    holder.remove();
  }
}

export async function showPrintPreview(app: App, options: { print?: boolean } = {}): Promise<void> {
  const loaded = await loadPdf(app);
  if (!loaded) return;
  const { pdf, draft, refused } = loaded;
  try {
    if (options.print) return void (await printPdf(pdf));
    const width = 560;
    const first = (await pdf.getPage(1)).getViewport({ scale: 1 });
    const height = Math.round((width / first.width) * first.height);
    const pages = h("div", {
      class: "preview-pages",
      id: "preview-pages",
      tabindex: "0",
      "aria-label": "Sidorna",
    });
    const drawn = new Set<number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const n = Number((e.target as HTMLElement).dataset.page);
          if (!e.isIntersecting || drawn.has(n)) continue;
          drawn.add(n);
          void drawPage(pdf, n, width).then((canvas) => {
            (e.target as HTMLElement).replaceChildren(canvas);
            (e.target as HTMLElement).dataset.drawn = "true";
          });
        }
      },
      { root: pages, rootMargin: "400px 0px" },
    );
    for (let n = 1; n <= pdf.numPages; n++) {
      const slot = h("div", {
        class: "preview-page",
        "data-page": String(n),
        style: `width:${width}px;height:${height}px`,
        "aria-label": `Sida ${n}`,
      });
      pages.append(slot);
      observer.observe(slot);
    }
    const count = h(
      "p",
      { class: "preview-count", id: "preview-count" },
      pdf.numPages === 1 ? "1 sida" : `${pdf.numPages} sidor`,
    );
    const note = draft
      ? h(
          "p",
          { class: "hint" },
          refused
            ? `Visas som UTKAST: ${refused}`
            : "Visas som UTKAST (protokollet är inte justerat).",
        )
      : null;
    const choice = await modal(
      "Förhandsgranska",
      [count, ...(note ? [note] : []), pages],
      [
        { label: "Stäng", value: "close" },
        { label: "Skriv ut", value: "print", primary: true },
      ],
      { id: "preview-dialog", wide: true },
    );
    observer.disconnect();
    if (choice === "print") await printPdf(pdf);
  } finally {
    void pdf.destroy();
  }
}
