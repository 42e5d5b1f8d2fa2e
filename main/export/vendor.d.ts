/** Types for the two untyped packages the PDF writer uses (only what it calls). */
declare module "linebreak" {
  /** UAX #14 line breaking: each break opportunity in order; `required` after a hard break. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}

declare module "svg-to-pdfkit" {
  interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    assumePt?: boolean;
    fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    colorCallback?: (
      color: [[number, number, number], number],
    ) => [[number, number, number], number];
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x: number,
    y: number,
    options?: SvgToPdfOptions,
  ): void;
}
