/**
 * A PNG logo without transparency, for PDF/A-1b (which forbids soft masks): the image is
 * decoded, composited on white and written again as an 8-bit RGB PNG. A PNG without alpha or
 * tRNS is returned unchanged. Non-interlaced PNGs of every colour type and bit depth; an
 * interlaced or damaged file is refused with a clear message.
 */
import { crc32, deflateSync, inflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function chunks(png: Buffer): Chunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error("Logotypen är ingen PNG-bild / The logo is not a PNG image");
  const out: Chunk[] = [];
  let at = 8;
  while (at + 8 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    if (at + 12 + length > png.length) throw new Error("Logotypen är skadad / The logo PNG is damaged");
    out.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
    if (type === "IEND") break;
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** Undo the per-row filters (PNG spec 9). */
function unfilter(raw: Buffer, rowBytes: number, bpp: number, height: number): Buffer {
  const out = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (rowBytes + 1)]!;
    const src = y * (rowBytes + 1) + 1;
    const row = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const a = x >= bpp ? out[row + x - bpp]! : 0;
      const b = y > 0 ? out[row - rowBytes + x]! : 0;
      const c = x >= bpp && y > 0 ? out[row - rowBytes + x - bpp]! : 0;
      const v = raw[src + x]!;
      let p: number;
      switch (filter) {
        case 0:
          p = 0;
          break;
        case 1:
          p = a;
          break;
        case 2:
          p = b;
          break;
        case 3:
          p = (a + b) >> 1;
          break;
        case 4: {
          const pa = Math.abs(b - c);
          const pb = Math.abs(a - c);
          const pc = Math.abs(a + b - 2 * c);
          p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error("Logotypen är skadad / The logo PNG is damaged");
      }
      out[row + x] = (v + p) & 0xff;
    }
  }
  return out;
}

/** The logo as a PNG with no alpha channel and no transparent colour, on white. */
export function flattenPng(bytes: Uint8Array): Buffer {
  const png = Buffer.from(bytes);
  const list = chunks(png);
  const ihdr = list.find((c) => c.type === "IHDR")?.data;
  if (!ihdr || ihdr.length < 13) throw new Error("Logotypen är skadad / The logo PNG is damaged");
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8]!;
  const colorType = ihdr[9]!;
  const interlace = ihdr[12]!;
  const trns = list.find((c) => c.type === "tRNS")?.data;
  const hasAlpha = colorType === 4 || colorType === 6 || !!trns;
  if (!hasAlpha) return png;
  if (interlace) throw new Error("Logotypen är en sammanflätad PNG: spara den utan sammanflätning / The logo is an interlaced PNG: save it non-interlaced");
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType as 0 | 2 | 3 | 4 | 6];
  if (!channels) throw new Error("Logotypen är skadad / The logo PNG is damaged");
  const bitsPerPixel = channels * depth;
  const rowBytes = Math.ceil((width * bitsPerPixel) / 8);
  const data = unfilter(inflateSync(Buffer.concat(list.filter((c) => c.type === "IDAT").map((c) => c.data))), rowBytes, Math.max(1, bitsPerPixel >> 3), height);
  const palette = list.find((c) => c.type === "PLTE")?.data;
  const max = (1 << depth) - 1;

  /** Sample `i` (0-based across the row) of row `y`, scaled to 0–255 (raw index for palettes). */
  const sample = (y: number, i: number, raw = false): number => {
    const row = y * rowBytes;
    if (depth === 8) return data[row + i]!;
    if (depth === 16) {
      const v = data.readUInt16BE(row + i * 2);
      return raw ? v : v >> 8;
    }
    const bit = i * depth;
    const v = (data[row + (bit >> 3)]! >> (8 - depth - (bit & 7))) & max;
    return raw ? v : Math.round((v * 255) / max);
  };

  const out = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const o = y * (width * 3 + 1);
    out[o] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let r: number, g: number, b: number, a: number;
      if (colorType === 3) {
        const idx = sample(y, x, true);
        r = palette?.[idx * 3] ?? 0;
        g = palette?.[idx * 3 + 1] ?? 0;
        b = palette?.[idx * 3 + 2] ?? 0;
        a = trns && idx < trns.length ? trns[idx]! : 255;
      } else if (colorType === 0 || colorType === 4) {
        r = g = b = sample(y, x * channels);
        a = colorType === 4 ? sample(y, x * channels + 1) : trns && sample(y, x, true) === trns.readUInt16BE(0) ? 0 : 255;
      } else {
        r = sample(y, x * channels);
        g = sample(y, x * channels + 1);
        b = sample(y, x * channels + 2);
        if (colorType === 6) a = sample(y, x * channels + 3);
        else {
          const transparent = trns && trns.length >= 6 && [0, 1, 2].every((k) => sample(y, x * 3 + k, true) === trns.readUInt16BE(k * 2));
          a = transparent ? 0 : 255;
        }
      }
      // Composite on white: c·α + 255·(1 − α).
      out[o + 1 + x * 3] = Math.round((r * a + 255 * (255 - a)) / 255);
      out[o + 2 + x * 3] = Math.round((g * a + 255 * (255 - a)) / 255);
      out[o + 3 + x * 3] = Math.round((b * a + 255 * (255 - a)) / 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2; // truecolour, no alpha
  return Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", deflateSync(out)), chunk("IEND", Buffer.alloc(0))]);
}
