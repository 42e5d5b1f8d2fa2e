/**
 * A logo for PDF/A-1b and DOCX alike: any non-interlaced PNG (greyscale, RGB, palette, with or
 * without alpha, 1–16 bits) → an 8-bit RGB PNG without alpha, transparent pixels composited onto
 * white. PDF/A-1b forbids transparency (pdfkit would write an SMask for an alpha channel), and a
 * logo on white paper looks the same flattened. Pure; the zlib streams through fflate.
 */
import { unzlibSync, zlibSync } from "fflate";

export type FlattenResult =
  { ok: true; png: Uint8Array; width: number; height: number } | { ok: false; error: string };

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** A logo larger than this (in pixels) is refused: it would only bloat every export. */
const MAX_PIXELS = 4096 * 4096;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Is this a PNG file (by its signature)? */
export function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

export function flattenPng(bytes: Uint8Array): FlattenResult {
  if (!isPng(bytes)) return { ok: false, error: "filen är inte en PNG-bild" };
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colour = -1;
  let interlace = 0;
  let palette: Uint8Array | null = null;
  let trns: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 12 <= bytes.length;) {
    const len = v.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + len > bytes.length) return { ok: false, error: "PNG-filen är avkortad" };
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === "IHDR") {
      width = v.getUint32(at + 8);
      height = v.getUint32(at + 12);
      depth = data[8]!;
      colour = data[9]!;
      interlace = data[12]!;
    } else if (type === "PLTE") palette = data;
    else if (type === "tRNS") trns = data;
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + len;
  }
  if (!width || !height || colour < 0)
    return { ok: false, error: "PNG-filen saknar bildhuvud (IHDR)" };
  if (width * height > MAX_PIXELS)
    return {
      ok: false,
      error: `logotypen är för stor (${width}×${height} bildpunkter; högst 4096×4096)`,
    };
  if (interlace !== 0)
    return {
      ok: false,
      error: "PNG-filen är sammanflätad (interlaced); spara den utan sammanflätning",
    };
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colour];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth) || (colour === 3 && !palette))
    return { ok: false, error: "PNG-filens färgformat stöds inte" };

  let raw: Uint8Array;
  try {
    const joined = new Uint8Array(idat.reduce((s, d) => s + d.length, 0));
    let o = 0;
    for (const d of idat) {
      joined.set(d, o);
      o += d.length;
    }
    raw = unzlibSync(joined);
  } catch {
    return { ok: false, error: "PNG-filens bilddata är skadade" };
  }
  const bitsPerPixel = channels * depth;
  const stride = Math.ceil((width * bitsPerPixel) / 8);
  const bpp = Math.max(1, bitsPerPixel >> 3);
  if (raw.length < height * (stride + 1))
    return { ok: false, error: "PNG-filens bilddata är avkortade" };

  // Undo the per-row filters.
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const src = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? row[x - bpp]! : 0;
      const b = prev ? prev[x]! : 0;
      const c = prev && x >= bpp ? prev[x - bpp]! : 0;
      const s = src[x]!;
      row[x] =
        (filter === 0
          ? s
          : filter === 1
            ? s + a
            : filter === 2
              ? s + b
              : filter === 3
                ? s + ((a + b) >> 1)
                : filter === 4
                  ? s + paeth(a, b, c)
                  : s) & 0xff;
    }
  }

  // Sample n of a row as 0–255.
  const max = (1 << Math.min(depth, 8)) - 1;
  const sample = (row: number, n: number): number => {
    const base = row * stride;
    if (depth === 16) return pixels[base + n * 2]!;
    if (depth === 8) return pixels[base + n]!;
    const bit = n * depth;
    const byte = pixels[base + (bit >> 3)]!;
    const value = (byte >> (8 - depth - (bit & 7))) & max;
    return colour === 3 ? value : Math.round((value * 255) / max);
  };
  const rawSample = (row: number, n: number): number => {
    // The unscaled value (for palette indices and the tRNS grey/colour key).
    const base = row * stride;
    if (depth === 16) return (pixels[base + n * 2]! << 8) | pixels[base + n * 2 + 1]!;
    if (depth === 8) return pixels[base + n]!;
    const bit = n * depth;
    return (pixels[base + (bit >> 3)]! >> (8 - depth - (bit & 7))) & max;
  };

  const out = new Uint8Array(height * (width * 3 + 1));
  const key =
    trns && (colour === 0 || colour === 2)
      ? [...Array(trns.length / 2)].map((_, i) => (trns![i * 2]! << 8) | trns![i * 2 + 1]!)
      : null;
  for (let y = 0; y < height; y++) {
    const o = y * (width * 3 + 1);
    out[o] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let r: number, g: number, b: number;
      let alpha = 255;
      if (colour === 3) {
        const i = rawSample(y, x);
        r = palette![i * 3] ?? 0;
        g = palette![i * 3 + 1] ?? 0;
        b = palette![i * 3 + 2] ?? 0;
        if (trns && i < trns.length) alpha = trns[i]!;
      } else if (colour === 0 || colour === 4) {
        r = g = b = sample(y, x * channels);
        if (colour === 4) alpha = sample(y, x * channels + 1);
        else if (key && rawSample(y, x) === key[0]) alpha = 0;
      } else {
        r = sample(y, x * channels);
        g = sample(y, x * channels + 1);
        b = sample(y, x * channels + 2);
        if (colour === 6) alpha = sample(y, x * channels + 3);
        else if (
          key &&
          rawSample(y, x * 3) === key[0] &&
          rawSample(y, x * 3 + 1) === key[1] &&
          rawSample(y, x * 3 + 2) === key[2]
        )
          alpha = 0;
      }
      // Onto white.
      const p = o + 1 + x * 3;
      out[p] = Math.round((r * alpha + 255 * (255 - alpha)) / 255);
      out[p + 1] = Math.round((g * alpha + 255 * (255 - alpha)) / 255);
      out[p + 2] = Math.round((b * alpha + 255 * (255 - alpha)) / 255);
    }
  }

  const ihdr = new Uint8Array(13);
  const hv = new DataView(ihdr.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlibSync(out, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ];
  const png = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    png.set(p, at);
    at += p.length;
  }
  return { ok: true, png, width, height };
}
