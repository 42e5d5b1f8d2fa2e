/**
 * What Word needs to substitute a font it does not have: `word/fontTable.xml` naming each font the
 * document uses with its PANOSE classification, family (roman, swiss …) and pitch, read from the
 * font file itself (the OS/2 table of the TrueType file). Without it a Word without DejaVu falls
 * back to its default font blindly; with it Word picks the closest serif or sans font.
 *
 * Also tells whether a TrueType file may be embedded at all (OS/2 fsType), so a municipality
 * profile cannot make the PDF/A embed a font whose licence forbids it.
 */

export interface FontFacts {
  /** 20 hex digits, e.g. "02060603050605020204". */
  panose: string;
  family: "roman" | "swiss" | "modern" | "script" | "decorative" | "auto";
  pitch: "fixed" | "variable";
  /** fsType allows embedding in a document (installable, editable or preview & print). */
  embeddable: boolean;
}

/** The table directory of a TrueType/OpenType file: tag → [offset, length]; null when it is not one. */
function tables(bytes: Uint8Array): Map<string, [number, number]> | null {
  if (bytes.length < 12) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = v.getUint32(0);
  if (
    version !== 0x00010000 &&
    version !== 0x74727565 /* 'true' */ &&
    version !== 0x4f54544f /* 'OTTO' */
  )
    return null;
  const n = v.getUint16(4);
  if (12 + n * 16 > bytes.length) return null;
  const out = new Map<string, [number, number]>();
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
    out.set(tag, [v.getUint32(at + 8), v.getUint32(at + 12)]);
  }
  return out;
}

/** PANOSE, family, pitch and embedding permission of a TrueType file; null when the bytes are not a font with an OS/2 table. */
export function fontFacts(bytes: Uint8Array): FontFacts | null {
  const t = tables(bytes);
  const os2 = t?.get("OS/2");
  if (!os2 || os2[0] + 42 > bytes.length) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = os2[0];
  const fsType = v.getUint16(at + 8);
  const familyClass = v.getUint8(at + 30);
  const panoseBytes = bytes.subarray(at + 32, at + 42);
  const panose = [...panoseBytes]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
  // IBM font class (high byte of sFamilyClass) → Word's font family.
  const family: FontFacts["family"] =
    familyClass >= 1 && familyClass <= 7
      ? "roman"
      : familyClass === 8
        ? "swiss"
        : familyClass === 9 || familyClass === 12
          ? "decorative"
          : familyClass === 10
            ? "script"
            : panoseBytes[1]! >= 11
              ? "swiss"
              : panoseBytes[0] === 2
                ? "roman"
                : "auto";
  // PANOSE proportion 9 is monospaced.
  const pitch = panoseBytes[0] === 2 && panoseBytes[3] === 9 ? "fixed" : "variable";
  // Bit 1 (0x0002) alone: restricted licence embedding — not allowed.
  const embeddable = (fsType & 0x000f) !== 0x0002;
  return { panose, family, pitch, embeddable };
}

const xmlAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/** word/fontTable.xml for the given fonts (each with the facts of its regular face). */
export function fontTableXml(fonts: readonly { name: string; facts: FontFacts | null }[]): string {
  const seen = new Set<string>();
  const entries = fonts
    .filter((f) => !seen.has(f.name) && seen.add(f.name))
    .map(
      (f) =>
        `<w:font w:name="${xmlAttr(f.name)}">` +
        (f.facts ? `<w:panose1 w:val="${f.facts.panose}"/>` : "") +
        '<w:charset w:val="00"/>' +
        `<w:family w:val="${f.facts?.family ?? "auto"}"/>` +
        `<w:pitch w:val="${f.facts?.pitch ?? "variable"}"/>` +
        "</w:font>",
    );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join("") +
    "</w:fonts>"
  );
}
