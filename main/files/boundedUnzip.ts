/**
 * Zip bombs (issue 13, item 4): a DOCX is a zip, and the sizes a zip declares can lie — a 1 MB
 * file can inflate to gigabytes, and entries can overlap so the same bytes count many times.
 * Before mammoth or JSZip see a DOCX, every entry they could read (by the central directory, as
 * they do) is inflated here as a stream in small steps with fflate, counting the real bytes, and
 * the file is refused as soon as an entry or the total passes its cap. Nothing inflated is kept.
 */
import { Inflate } from "fflate";

export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Inflated bytes of one XML part (what the readers parse into memory as text). */
  maxXmlBytes: number;
  /** Inflated bytes of any other entry (images and the like). */
  maxEntryBytes: number;
  /** Inflated bytes of the whole archive. */
  maxTotalBytes: number;
}

const MB = 1024 * 1024;
/** Generous for any real protocol or review copy (their document.xml is a few MB). */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 5000,
  maxXmlBytes: 64 * MB,
  maxEntryBytes: 64 * MB,
  maxTotalBytes: 256 * MB,
};

/** Compressed input handed to the inflater per step: its output per step stays below ~16 MB. */
const STEP = 16 * 1024;

/** `damaged`: not a zip the readers could use (callers word it their own way); `too-large`: over a cap. */
export type ZipCheck =
  | { ok: true; entries: number; inflatedBytes: number }
  | { ok: false; reason: "damaged" | "too-large"; error: string };

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) =>
  (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)) + b[i + 3]! * 0x1000000;

const refuseZip = (error: string, reason: "damaged" | "too-large" = "damaged"): ZipCheck => ({
  ok: false,
  reason,
  error,
});

export function checkZipBounds(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): ZipCheck {
  // End of central directory: the last 22 bytes, or up to 64 kB earlier when there is a comment.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--)
    if (
      bytes[i] === 0x50 &&
      bytes[i + 1] === 0x4b &&
      bytes[i + 2] === 0x05 &&
      bytes[i + 3] === 0x06
    ) {
      eocd = i;
      break;
    }
  if (eocd < 0)
    return refuseZip(
      "Zip-arkivet är skadat: dess innehållsförteckning saknas (damaged zip: no central directory).",
    );
  const count = u16(bytes, eocd + 10);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff)
    return refuseZip(
      "Zip-arkivet är i ZIP64-format, som inte stöds för Word-filer (ZIP64 not supported).",
    );
  if (count > limits.maxEntries)
    return refuseZip(
      `Zip-arkivet har för många delar (${count}, högst ${limits.maxEntries}) (too many zip entries).`,
      "too-large",
    );

  let total = 0;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50)
      return refuseZip("Zip-arkivet är skadat (damaged zip central directory).");
    const method = u16(bytes, at + 10);
    const compressed = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50)
      return refuseZip("Zip-arkivet är skadat (damaged zip local header).");
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    const cap = /\.(xml|rels)$/i.test(name) ? limits.maxXmlBytes : limits.maxEntryBytes;
    const tooLarge = () =>
      refuseZip(
        `Word-filen packas upp till mer än ${Math.round(Math.min(cap, limits.maxTotalBytes) / MB)} MB och läses inte (möjlig zip-bomb) (inflates beyond the limit: possible zip bomb).`,
        "too-large",
      );
    if (method === 0) {
      if (data.length > cap || (total += data.length) > limits.maxTotalBytes) return tooLarge();
      continue;
    }
    if (method !== 8)
      return refuseZip(`Zip-arkivet använder en komprimering som inte stöds (method ${method}).`);
    let size = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (size > cap || total > limits.maxTotalBytes) over = true;
    });
    try {
      for (let i = 0; i < data.length && !over; i += STEP)
        inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    } catch {
      return refuseZip("Zip-arkivet är skadat: en del kan inte packas upp (damaged zip entry).");
    }
    if (over) return tooLarge();
  }
  return { ok: true, entries: count, inflatedBytes: total };
}
