import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync, inflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { renderDocument } from "../../schemas/render/renderDocument.js";
import type { Block } from "../../schemas/render/renderModel.js";
import { adjustedSample, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { runCapturing } from "../cli/runCapturing.js";
import { exportDocument } from "./exportDocument.js";
import { flattenPng } from "./flattenPng.js";
import { fontFolder } from "./fonts.js";
import { fontFacts } from "./fontTable.js";
import { findProfile, loadProfile } from "./loadProfile.js";
import { docxParagraphs, docxParts } from "./readBack.testkit.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-profile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An RGBA PNG written with node's own zlib (not the code under test): 3×2 pixels. */
function rgbaPng(pixels: number[][]): Uint8Array {
  const width = 3;
  const height = 2;
  const crcTable = [...Array(256)].map((_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  // Row 0 unfiltered, row 1 with the "sub" filter, so the decoder's filters are exercised.
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const row = pixels.slice(y * width, (y + 1) * width).flat();
    if (y === 0) rows.push(0, ...row);
    else rows.push(1, ...row.map((v, i) => (i >= 4 ? (v - row[i - 4]! + 256) & 0xff : v)));
  }
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(Buffer.from(rows))),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** The RGB pixels of an 8-bit RGB PNG, read with node's zlib (filter 0 rows, as flattenPng writes). */
function rgbPixels(png: Uint8Array): { colourType: number; pixels: number[][]; chunks: string[] } {
  const b = Buffer.from(png);
  const chunks: string[] = [];
  let idat = Buffer.alloc(0);
  let width = 0;
  let colourType = -1;
  for (let at = 8; at < b.length;) {
    const len = b.readUInt32BE(at);
    const type = b.subarray(at + 4, at + 8).toString("ascii");
    chunks.push(type);
    if (type === "IHDR") {
      width = b.readUInt32BE(at + 8);
      colourType = b[at + 8 + 9]!;
    }
    if (type === "IDAT") idat = Buffer.concat([idat, b.subarray(at + 8, at + 8 + len)]);
    at += 12 + len;
  }
  const raw = inflateSync(idat);
  const pixels: number[][] = [];
  for (let y = 0; y * (width * 3 + 1) < raw.length; y++)
    for (let x = 0; x < width; x++) {
      const o = y * (width * 3 + 1) + 1 + x * 3;
      pixels.push([raw[o]!, raw[o + 1]!, raw[o + 2]!]);
    }
  return { colourType, pixels, chunks };
}

const LOGO = rgbaPng([
  [255, 0, 0, 255], // opaque red
  [255, 0, 0, 128], // half-transparent red
  [0, 0, 0, 0], // transparent
  [0, 0, 255, 255],
  [0, 128, 0, 255],
  [10, 20, 30, 0],
]);

/** A workspace with a profile, a logo and the shipped DejaVu Sans as the profile's heading font. */
function workspace(profile: Record<string, unknown>): string {
  const ws = mkdtempSync(join(dir, "ws-"));
  mkdirSync(join(ws, "profil"));
  writeFileSync(join(ws, "profil", "logo.png"), LOGO);
  copyFileSync(join(fontFolder(), "DejaVuSans.ttf"), join(ws, "profil", "rubrik.ttf"));
  writeFileSync(join(ws, "profile.json"), JSON.stringify(profile, null, 2));
  return ws;
}

const PROFILE = {
  municipality: "Exempelby kommun",
  logo: { png: "profil/logo.png" },
  colours: { accent: "#1F4E79" },
  fonts: { heading: { family: "Exempel Sans", regular: "profil/rubrik.ttf" } },
  addressLine: "Box 1, 123 45 Exempelby",
  administrativeCourt: "Förvaltningsrätten i Exempelstad",
  signatureLayout: "end",
};

describe("the logo for PDF/A-1b and DOCX", () => {
  it("flattens a PNG with alpha onto white as 8-bit RGB without an alpha channel", () => {
    const r = flattenPng(LOGO);
    if (!r.ok) throw new Error(r.error);
    expect([r.width, r.height]).toEqual([3, 2]);
    const back = rgbPixels(r.png);
    expect(back.colourType).toBe(2);
    expect(back.chunks).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(back.pixels).toEqual([
      [255, 0, 0],
      [255, 127, 127],
      [255, 255, 255],
      [0, 0, 255],
      [0, 128, 0],
      [255, 255, 255],
    ]);
  });

  it("refuses what is not a PNG, with a Swedish reason", () => {
    expect(flattenPng(new TextEncoder().encode("<svg/>"))).toEqual({
      ok: false,
      error: "filen är inte en PNG-bild",
    });
  });
});

describe("font facts for fontTable.xml and the embedding check", () => {
  it("reads PANOSE, family and pitch of the shipped fonts and allows embedding them", () => {
    const serif = fontFacts(new Uint8Array(readFileSync(join(fontFolder(), "DejaVuSerif.ttf"))));
    expect(serif).toEqual({
      panose: "02060603050605020204",
      family: "roman",
      pitch: "variable",
      embeddable: true,
    });
    expect(
      fontFacts(new Uint8Array(readFileSync(join(fontFolder(), "DejaVuSans.ttf"))))?.family,
    ).toBe("swiss");
  });

  it("refuses a font whose licence restricts embedding (fsType 2)", () => {
    const bytes = new Uint8Array(readFileSync(join(fontFolder(), "DejaVuSans.ttf")));
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const n = v.getUint16(4);
    for (let i = 0; i < n; i++)
      if (String.fromCharCode(...bytes.subarray(12 + i * 16, 16 + i * 16)) === "OS/2")
        v.setUint16(v.getUint32(12 + i * 16 + 8) + 8, 2);
    expect(fontFacts(bytes)?.embeddable).toBe(false);
  });
});

describe("loading profile.json", () => {
  it("loads the settings and the look (flattened logo, font bytes) and finds the profile from a subfolder upwards", async () => {
    const ws = workspace(PROFILE);
    mkdirSync(join(ws, "2020", "augusti"), { recursive: true });
    expect(findProfile(join(ws, "2020", "augusti"))).toBe(ws);
    const r = await loadProfile(ws);
    if (!r.ok || !r.profile) throw new Error(r.ok ? "no profile" : r.error);
    expect(r.profile.settings.administrativeCourt).toBe("Förvaltningsrätten i Exempelstad");
    expect(r.profile.look.logo?.alt).toBe("Exempelby kommun logotyp");
    expect(rgbPixels(r.profile.look.logo!.png).colourType).toBe(2);
    expect(r.profile.look.fonts.heading?.family).toBe("Exempel Sans");
  });

  it("refuses a profile that names a file outside the workspace or one that does not exist, saying what is wrong", async () => {
    const outside = await loadProfile(workspace({ ...PROFILE, logo: { png: "../logo.png" } }));
    expect(outside.ok).toBe(false);
    if (!outside.ok)
      expect(outside.error).toMatch(/logo\.png: filen ska anges relativt arbetsmappen/);
    const missing = await loadProfile(
      workspace({ ...PROFILE, logo: { png: "profil/saknas.png" } }),
    );
    expect(!missing.ok && missing.error).toMatch(
      /Logotypen ”profil\/saknas.png” finns inte i arbetsmappen/,
    );
    const notJson = workspace(PROFILE);
    writeFileSync(join(notJson, "profile.json"), "{ kommun");
    expect((await loadProfile(notJson)).ok).toBe(false);
  });

  it("is no profile at all when there is no profile.json", async () => {
    expect(await loadProfile(mkdtempSync(join(dir, "empty-")))).toEqual({
      ok: true,
      profile: null,
      path: null,
    });
  });
});

const texts = (blocks: Block[]) => JSON.stringify(blocks);

describe("a document printed with the profile", () => {
  /** The review sample with everyone serving and a protocol number, justerad (so an official export goes through). */
  const justerat = () => {
    const f = sampleProtocol();
    f.meta.attendance = f.meta.persons
      .filter((p) => p.role !== "secretary")
      .map((p) => ({
        person: p.id,
        status: "serving" as const,
        from: null,
        to: null,
        replaces: null,
      }));
    f.meta.protocolNumber = "8/2020";
    return adjustedSample(f);
  };

  it("names the municipality, the förvaltningsrätt in the anslag and the protocol number; prints as today without a profile", async () => {
    const loaded = await loadProfile(workspace(PROFILE));
    if (!loaded.ok || !loaded.profile) throw new Error("profile");
    const full = renderDocument(justerat(), { output: "full", profile: loaded.profile });
    const notice = renderDocument(justerat(), { output: "notice", profile: loaded.profile });
    if (!full.ok || !notice.ok) throw new Error("render");
    expect(full.rendered.profile?.municipality).toBe("Exempelby kommun");
    expect(full.rendered.blocks[0]).toMatchObject({
      type: "heading",
      level: 1,
      runs: [{ text: "Protokoll nr 8/2020 – Socialnämnden" }],
    });
    expect(texts(notice.rendered.blocks)).toContain(
      "ska ha kommit in till Förvaltningsrätten i Exempelstad inom tre veckor",
    );
    const bare = renderDocument(sampleProtocol(), { output: "full" });
    if (!bare.ok) throw new Error("render");
    expect(bare.rendered.profile).toBeNull();
    expect(bare.rendered.blocks[0]).toMatchObject({
      type: "heading",
      level: 1,
      runs: [{ text: "Protokoll – Socialnämnden" }],
    });
    expect(texts(bare.rendered.blocks)).not.toContain("Exempelby");
  });

  it("prints meta.body.municipality above the title when no letterhead prints it", () => {
    const f = sampleProtocol();
    f.meta.body.municipality = "Exempelby kommun";
    const r = renderDocument(f, { output: "full" });
    if (!r.ok) throw new Error(r.error);
    expect(r.rendered.blocks[0]).toEqual({
      type: "paragraph",
      style: "meta",
      runs: [{ text: "Exempelby kommun" }],
    });
  });

  it("puts the signatures on page 1 when the profile says so", async () => {
    const loaded = await loadProfile(workspace({ ...PROFILE, signatureLayout: "first-page" }));
    if (!loaded.ok || !loaded.profile) throw new Error("profile");
    const r = renderDocument(justerat(), { output: "full", profile: loaded.profile });
    if (!r.ok) throw new Error(r.error);
    const firstBreak = r.rendered.blocks.findIndex((b) => b.type === "pageBreak");
    const signatures = r.rendered.blocks.findIndex((b) => b.type === "signatures");
    expect(signatures).toBeGreaterThan(0);
    expect(signatures).toBeLessThan(firstBreak);
    expect(
      r.rendered.blocks.filter((b) => b.type === "heading" && b.runs[0]?.text === "Underskrifter"),
    ).toHaveLength(1);
  });

  it("writes the DOCX letterhead: the flattened logo with its alt text, the name in the accent colour, the fonts in styles and fontTable.xml", async () => {
    const loaded = await loadProfile(workspace(PROFILE));
    if (!loaded.ok || !loaded.profile) throw new Error("profile");
    const r = await exportDocument(justerat(), {
      format: "docx",
      output: "full",
      profile: loaded.profile,
    });
    if (!r.ok) throw new Error(r.error);
    const parts = docxParts(r.bytes);
    const doc = parts["word/document.xml"]!;
    expect(doc).toMatch(/<wp:docPr[^>]*descr="Exempelby kommun logotyp"/);
    // The picture in the package is the flattened PNG: RGB, no alpha.
    const media = Object.entries(unzipSync(r.bytes)).filter(([name]) =>
      /^word\/media\/.+\.png$/.test(name),
    );
    expect(media).toHaveLength(1);
    expect(rgbPixels(media[0]![1]).colourType).toBe(2);
    expect(
      docxParagraphs(doc)
        .slice(0, 3)
        .map((p) => [p.style, p.text]),
    ).toEqual([
      ["Letterhead", ""],
      ["Letterhead", "Exempelby kommun"],
      ["LetterheadAddress", "Box 1, 123 45 Exempelby"],
    ]);
    expect(parts["word/styles.xml"]).toMatch(
      /w:styleId="Heading2">.*?<w:rFonts w:ascii="Exempel Sans"[^>]*>.*?<w:color w:val="1F4E79"\/>/,
    );
    expect(parts["word/fontTable.xml"]).toContain(
      '<w:font w:name="Exempel Sans"><w:panose1 w:val="020B0603030804020204"/>',
    );
  });

  it("CLI: uses the profile found from the document's folder upwards, or the one given with --workspace", async () => {
    const ws = workspace(PROFILE);
    mkdirSync(join(ws, "2020"));
    const path = join(ws, "2020", "sn.protokoll");
    writeFileSync(path, serialize(justerat()));
    const out = join(ws, "a.docx");
    expect((await runCapturing(["export", path, "--docx", out])).code).toBe(0);
    expect(docxParts(new Uint8Array(readFileSync(out)))["word/document.xml"]).toContain(
      "Exempelby kommun",
    );
    const other = workspace({ ...PROFILE, municipality: "Annanby kommun" });
    expect((await runCapturing(["export", path, "--workspace", other, "--docx", out])).code).toBe(
      0,
    );
    expect(docxParts(new Uint8Array(readFileSync(out)))["word/document.xml"]).toContain(
      "Annanby kommun",
    );
    writeFileSync(join(other, "profile.json"), "{}");
    const bad = await runCapturing(["export", path, "--workspace", other, "--docx", out]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("The municipality profile cannot be used / Kommunprofilen");
  });
});
