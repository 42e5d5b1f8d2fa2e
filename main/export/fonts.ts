/**
 * The fonts the exporters embed: DejaVu Serif (body) and DejaVu Sans (headings, header, footer),
 * shipped in assets/fonts with their licence (Bitstream Vera / DejaVu: free to embed), full
 * coverage of Swedish and of the quotation marks and dashes protocols use. The folder is found
 * relative to this module, so it works from the source tree and from dist/.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const FONT_FILES = {
  serif: "DejaVuSerif.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
  serifItalic: "DejaVuSerif-Italic.ttf",
  serifBoldItalic: "DejaVuSerif-BoldItalic.ttf",
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
} as const;
export type FontName = keyof typeof FONT_FILES;

let folder: string | null = null;

/** assets/fonts, searched upwards from this module (main/export → repo root, or dist/main/export). */
export function fontFolder(): string {
  if (folder) return folder;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "assets", "fonts");
    if (existsSync(join(candidate, FONT_FILES.serif))) return (folder = candidate);
    dir = dirname(dir);
  }
  throw new Error("Typsnitten saknas (assets/fonts) / Fonts not found (assets/fonts)");
}

const cache = new Map<FontName, Buffer>();

/** The bytes of one shipped font (read once). */
export function fontBytes(name: FontName): Buffer {
  let b = cache.get(name);
  if (!b) {
    b = readFileSync(join(fontFolder(), FONT_FILES[name]));
    cache.set(name, b);
  }
  return b;
}
