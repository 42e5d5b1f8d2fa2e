/**
 * The PDF writer checked on real output with real tools: line breaking in a 500-§ protocol
 * (pdftotext -layout and pdfjs), the structure (pdfinfo -struct-text), PDF/A-1b at 2,000 §§
 * (PDFBox Preflight, qpdf, the shape of the page tree and the structure parent tree), sekretess
 * marks and the municipality profile (text, fonts, images, Preflight).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProtocol } from "../../bench/generate.js";
import type { Node } from "prosemirror-model";
import type { ProtokollFile } from "../../schemas/file.js";
import { renderDocument } from "../../schemas/render/renderDocument.js";
import type {
  RenderedDocument,
  RenderLogo,
  RenderProfile,
} from "../../schemas/render/renderModel.js";
import {
  flat,
  pdffonts,
  pdfStructure,
  pdftotext,
  preflightA1b,
  qpdfCheck,
  tempDir,
  write,
} from "./externalTools.testkit.js";
import { fontBytes } from "./fonts.js";
import { encodePng } from "./png.testkit.js";
import { readPdf } from "./readBack.testkit.js";
import { confidentialProtocol, SECRET_TEXT } from "./testFixtures.testkit.js";
import { writePdf } from "./writePdf.js";

const dir = tempDir("protokoll-pdf-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rendered(file: ProtokollFile): RenderedDocument {
  const r = renderDocument(file, { output: "full", draft: true });
  if (!r.ok) throw new Error(r.error);
  return r.rendered;
}

/** Lines of text that start with punctuation that belongs to the end of the previous line. */
const strayPunctuation = (lines: string[]) =>
  lines.map((l) => l.trim()).filter((l) => /^[.,:;]/.test(l));

/** An object of a PDF as qpdf prints it ("trailer", or an object number). */
function showObject(pdf: string, id: string | number): string {
  const r = spawnSync("qpdf", [`--show-object=${id}`, pdf], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return r.stdout;
}
const refTo = (dict: string, key: string) =>
  Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
const arrayLength = (dict: string, key: string) => {
  const m = new RegExp(`/${key} \\[([^\\]]*)\\]`).exec(dict);
  return m ? (m[1]!.match(/\d+ 0 R|\[|-?\d+(?= )/g)?.length ?? 0) : -1;
};

describe("a 500-§ protocol", () => {
  let path = "";
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writePdf(rendered(generateProtocol({ items: 500, seed: 2026 })));
    path = write(dir, "p500.pdf", bytes);
  }, 600_000);

  it(
    "has no extracted line (pdftotext -layout) that starts with . , : or ;",
    { timeout: 600_000 },
    () => {
      const r = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      });
      const lines = r.stdout.split("\n");
      expect(lines.length).toBeGreaterThan(10_000);
      expect(strayPunctuation(lines)).toEqual([]);
    },
  );

  it("has no line in pdfjs's text that starts with . , : or ;", { timeout: 600_000 }, async () => {
    const pdf = await readPdf(bytes);
    const lines = pdf.pages.flatMap((p) => p.split("\n"));
    expect(lines.length).toBeGreaterThan(10_000);
    expect(strayPunctuation(lines)).toEqual([]);
    // The references the issue saw broken are there, with their punctuation on the same line.
    expect(pdf.pages.join("\n")).toMatch(/Se även § \d+\./);
  });

  it(
    "wraps each § in a Sect element of the Document, with the § heading inside it",
    { timeout: 600_000 },
    () => {
      // pdfinfo -struct (without the text, which is slow at this size): "  Sect …", indented by depth.
      const out = spawnSync("pdfinfo", ["-struct", path], {
        encoding: "latin1",
        maxBuffer: 256 * 1024 * 1024,
      }).stdout;
      const tree = out
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => ({ depth: (/^ */.exec(l)![0].length / 2) | 0, type: l.trim().split(" ")[0]! }));
      expect(tree[0]?.type).toBe("Document");
      const top = tree.filter((e) => e.depth === 1);
      // 500 §§ plus Närvarande, Underskrifter and ANSLAG/BEVIS
      expect(top.filter((e) => e.type === "Sect").length).toBe(503);
      expect(top.length).toBeLessThan(520);
      const headings = tree.map((e, i) => ({ ...e, i })).filter((e) => e.type === "H2");
      expect(headings.length).toBe(503);
      // Each H2 is the first element inside its Sect.
      for (const h of headings) expect(tree[h.i - 1]).toEqual({ depth: h.depth - 1, type: "Sect" });
    },
  );
});

describe("a 2,000-§ protocol as PDF/A-1b", () => {
  let path = "";
  beforeAll(async () => {
    path = write(
      dir,
      "p2000-1b.pdf",
      await writePdf(rendered(generateProtocol({ items: 2000, seed: 7 })), { pdfa: "1b" }),
    );
  }, 900_000);

  it("passes PDFBox Preflight and qpdf --check", { timeout: 1_800_000 }, () => {
    const check = preflightA1b(path, 900_000);
    expect(check.valid, check.output.slice(0, 2000)).toBe(true);
    const q = qpdfCheck(path, 600_000);
    expect(q.ok, q.output.slice(0, 2000)).toBe(true);
  });

  it("has a balanced page tree and structure parent tree: no node with more than 32 kids or entries", () => {
    const root = showObject(path, refTo(showObject(path, "trailer"), "Root"));
    const pages = showObject(path, refTo(root, "Pages"));
    expect(Number(/\/Count (\d+)/.exec(pages)?.[1])).toBeGreaterThan(4000);
    expect(arrayLength(pages, "Kids")).toBeLessThanOrEqual(32);
    const firstKid = showObject(path, Number(/\/Kids \[ (\d+) 0 R/.exec(pages)?.[1]));
    expect(firstKid).toMatch(/\/Type \/Pages/);
    expect(arrayLength(firstKid, "Kids")).toBeLessThanOrEqual(32);

    const structRoot = showObject(path, refTo(root, "StructTreeRoot"));
    const parentTree = showObject(path, refTo(structRoot, "ParentTree"));
    expect(parentTree).not.toMatch(/\/Nums/);
    expect(arrayLength(parentTree, "Kids")).toBeLessThanOrEqual(32);
    const node = showObject(path, Number(/\/Kids \[ (\d+) 0 R/.exec(parentTree)?.[1]));
    expect(node).toMatch(/\/Limits \[ 0 \d+ \]/);
    // The Document element has one kid per part, not one per paragraph.
    const documentElement = showObject(
      path,
      Number(/\/K \[ (\d+) 0 R/.exec(structRoot)?.[1] ?? /\/K (\d+) 0 R/.exec(structRoot)?.[1]),
    );
    expect(documentElement).toMatch(/\/S \/Document/);
    expect((documentElement.match(/\d+ 0 R/g) ?? []).length).toBeLessThan(2100);
  }, 600_000);
});

/**
 * The confidential fixture's render model with the § marked as the render model marks it
 * (`marking` on its heading), whether or not this branch's renderer sets it yet.
 */
function confidentialRendered(): { model: RenderedDocument; title: string; marking: string } {
  const file = confidentialProtocol();
  let secret: Node | null = null;
  file.doc.forEach((n) => {
    if (n.attrs.confidential) secret = n;
  });
  const node = secret as unknown as Node;
  const marking = `Sekretess enligt ${node.attrs.confidential as string}`;
  const title = node.firstChild!.textContent;
  const model = rendered(file);
  model.blocks = model.blocks.map((b) =>
    b.type === "heading" && b.level === 2 && b.bookmark?.endsWith(title) ? { ...b, marking } : b,
  );
  return { model, title, marking };
}

describe("a § under sekretess", () => {
  it("carries its marking in its heading (text and H2 element) and in its Sect's title", async () => {
    const { model, title, marking } = confidentialRendered();
    const path = write(dir, "secret.pdf", await writePdf(model));
    const pages = (await readPdf(new Uint8Array(readFileSync(path)))).pages.map(flat);
    const page = pages.find((p) => p.includes(SECRET_TEXT))!;
    expect(page).toBeDefined();
    // The marking comes right after the § heading, before the §'s text.
    expect(page.indexOf(marking)).toBeGreaterThan(page.indexOf(title));
    expect(page.indexOf(marking)).toBeLessThan(page.indexOf(SECRET_TEXT));
    // No other page carries it.
    expect(pages.filter((p) => p.includes(marking)).length).toBe(1);
    const tree = pdfStructure(path);
    const h2 = tree.find((e) => e.type === "H2" && flat(e.text).includes(title))!;
    expect(flat(h2.text)).toContain(marking);
    // The Sect's /T, read back with qpdf: "§ 3 Placering … (Sekretess enligt OSL …)" (UTF-16 in the file).
    const json = spawnSync("qpdf", ["--json=2", "--json-key=qpdf", path], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    }).stdout;
    const titles = [...json.matchAll(/"\/T": "u:([^"]*)"/g)].map((m) => m[1]);
    expect(
      titles.some((t) => t?.includes(title) && t.includes(`(${marking})`)),
      titles.join(" | "),
    ).toBe(true);
  });
});

/** An opaque logo (the profile hands the writers a PNG without alpha): a yellow disc on blue. */
const logoPng = () =>
  encodePng(60, 40, 2, (x, y) =>
    Math.hypot(x - 20, y - 20) < 14 ? [250, 200, 40] : [20, 70, 140],
  );

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40"><rect x="2" y="2" width="36" height="36" rx="6" fill="#1f4e79"/><path d="M8 30 L20 8 L32 30 Z" fill="#ffffff"/><text x="44" y="27" font-family="sans-serif" font-size="16" fill="#1f4e79">Kommun</text></svg>`;

function profile(
  logo: RenderLogo | null,
  fonts: RenderProfile["fonts"] = { body: null, heading: null },
): RenderProfile {
  return {
    municipality: "Testby kommun",
    addressLine: "Storgatan 1 · 123 45 Testby · 0123-45 67 89",
    logo,
    colours: { accent: "#1f4e79" },
    fonts,
  };
}

describe("the municipality profile", () => {
  let plain = "";
  beforeAll(async () => {
    plain = write(dir, "plain.pdf", await writePdf(rendered(confidentialProtocol())));
  });

  it("prints a letterhead on the first page only: the municipality and the address line, nothing of it without a profile", async () => {
    const model = { ...rendered(confidentialProtocol()), profile: profile(null) };
    const path = write(dir, "profile.pdf", await writePdf(model));
    const pages = pdftotext(path)
      .split("\f")
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(2);
    const first = flat(pages[0]!);
    // Above the title.
    expect(first.indexOf("Testby kommun")).toBeGreaterThanOrEqual(0);
    expect(first.indexOf("Storgatan 1 · 123 45 Testby")).toBeGreaterThan(
      first.indexOf("Testby kommun"),
    );
    expect(first.indexOf("Storgatan 1")).toBeLessThan(first.indexOf("Protokoll –"));
    for (const p of pages.slice(1)) expect(p).not.toContain("Storgatan");
    expect(pdftotext(plain)).not.toContain("Testby kommun");
    const tree = pdfStructure(path);
    expect(tree.find((e) => e.type === "P")?.text).toContain("Testby kommun");
  });

  it("draws the PNG logo once, as a tagged Figure without soft mask, in a valid PDF/A-1b", async () => {
    const model = {
      ...rendered(confidentialProtocol()),
      profile: profile({ png: logoPng(), width: 60, height: 40, alt: "Testby kommun" }),
    };
    const path = write(dir, "logo-png-1b.pdf", await writePdf(model, { pdfa: "1b" }));
    const images = spawnSync("pdfimages", ["-list", path], { encoding: "utf8" })
      .stdout.split("\n")
      .slice(2)
      .filter((l) => l.trim());
    expect(images.length).toBe(1);
    expect(images[0]).toMatch(/^\s*1\s+0\s+image\s+60\s+40\s+rgb/);
    expect(images.some((l) => /\bsmask\b/.test(l))).toBe(false);
    // pdfinfo prints "Figure:" followed by its layout attributes.
    expect(pdfStructure(path).some((e) => e.type.startsWith("Figure"))).toBe(true);
    const check = preflightA1b(path);
    expect(check.valid, check.output.slice(0, 2000)).toBe(true);
    expect(qpdfCheck(path).ok).toBe(true);
    // The pixels are the logo's.
    const out = `${dir}/img`;
    spawnSync("pdfimages", ["-f", "1", "-l", "1", path, out]);
    const ppm = readFileSync(`${out}-000.ppm`);
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString("latin1", 0, 30))!;
    const w = Number(header[1]);
    const px = (x: number, y: number) => [
      ...ppm.subarray(header[0].length + (y * w + x) * 3, header[0].length + (y * w + x) * 3 + 3),
    ];
    expect(px(20, 20)).toEqual([250, 200, 40]);
    expect(px(55, 5)).toEqual([20, 70, 140]);
  });

  it("draws an SVG logo as vectors, its text in the embedded fonts, in a valid PDF/A-1b", async () => {
    const model = {
      ...rendered(confidentialProtocol()),
      profile: profile({
        png: logoPng(),
        width: 100,
        height: 40,
        svg: LOGO_SVG,
        alt: "Testby kommun",
      }),
    };
    const path = write(dir, "logo-svg-1b.pdf", await writePdf(model, { pdfa: "1b" }));
    expect(pdftotext(path)).toContain("Kommun");
    // Vectors, not the PNG fallback.
    expect(
      spawnSync("pdfimages", ["-list", path], { encoding: "utf8" })
        .stdout.split("\n")
        .slice(2)
        .filter((l) => l.trim()),
    ).toEqual([]);
    expect(pdffonts(path).every((f) => f.embedded && /DejaVu/.test(f.name))).toBe(true);
    const check = preflightA1b(path);
    expect(check.valid, check.output.slice(0, 2000)).toBe(true);
  });

  it("sets the body and the headings in the profile's fonts, a missing style in the family's regular face", async () => {
    // Stand-ins for a municipality's fonts: DejaVu Sans as the body, DejaVu Serif Bold as the headings.
    const fonts = {
      body: { family: "Test Body", regular: new Uint8Array(fontBytes("sans")) },
      heading: { family: "Test Heading", regular: new Uint8Array(fontBytes("serifBold")) },
    };
    const model = { ...rendered(confidentialProtocol()), profile: profile(null, fonts) };
    const path = write(dir, "font.pdf", await writePdf(model));
    const names = pdffonts(path).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
    expect(names).toContain("DejaVuSans");
    expect(names).toContain("DejaVuSerif-Bold");
    expect(names).not.toContain("DejaVuSerif");
    expect(names).not.toContain("DejaVuSans-Bold");
    // Without the profile: DejaVu Serif body, DejaVu Sans Bold headings.
    const plainNames = pdffonts(plain).map((f) => f.name.replace(/^[A-Z]{6}\+/, ""));
    expect(plainNames).toContain("DejaVuSerif");
    expect(plainNames).toContain("DejaVuSans-Bold");
  });
});
