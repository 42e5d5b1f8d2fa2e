/**
 * The bilagor channels and the export beside them, through the host's real handlers on a real
 * temporary workspace (the web host's path policy), reading the exported DOCX and PDF back.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { MAX_ATTACHMENT_BYTES, type Attachment } from "../../schemas/attachments.js";
import { parse, serialize } from "../../schemas/file.js";
import { sha256Bytes } from "../../schemas/review/sha256.js";
import { schema } from "../../schemas/schema.js";
import { protocolFile } from "../../schemas/rules/testBuilder.testkit.js";
import { docxParagraphs, docxParts, readPdf } from "../export/readBack.testkit.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

let dir: string;
let handlers: ReturnType<typeof createHandlers>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-bilagor-"));
  handlers = createHandlers(workspaceHostEnv(new Workspace(dir)));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const b64 = (s: string | Uint8Array) => Buffer.from(s).toString("base64");
const ref = (target: string, withTitle = false) =>
  schema.nodes.attachment_ref.create({ target, withTitle });

/** A saved protocol in the folder "nämnd/" of the workspace. */
function saveDocument(
  attachments: Attachment[] = [],
  decision: (string | ReturnType<typeof ref>)[] = ["Ja."],
): string {
  mkdirSync(join(dir, "nämnd"), { recursive: true });
  const file = protocolFile(
    [
      b.item({ id: "p1", title: "Val av justerare" }, b.decision("Linda Vall utses att justera.")),
      b.item({ id: "p2", title: "Motion om parkbänkar" }, b.decision(decision)),
    ],
    attachments.length ? { attachments } : {},
  );
  writeFileSync(join(dir, "nämnd", "möte.protokoll"), serialize(file));
  return "nämnd/möte.protokoll";
}

describe("attachFile", () => {
  it("copies an uploaded file into bilagor/ beside the document and returns only the relative path and its hash", async () => {
    const path = saveDocument();
    const r = await handlers.attachFile({
      path,
      upload: { name: "../../Voteringslista.PDF", base64: b64("%PDF-1.4 röster") },
    });
    expect(r).toEqual({
      ok: true,
      file: "bilagor/Voteringslista.pdf",
      sha256: sha256Bytes(Buffer.from("%PDF-1.4 röster")),
      name: "Voteringslista.PDF",
    });
    expect(readFileSync(join(dir, "nämnd", "bilagor", "Voteringslista.pdf"), "utf8")).toBe(
      "%PDF-1.4 röster",
    );
    expect(existsSync(join(dir, "Voteringslista.pdf"))).toBe(false);
  });

  it("never writes over another file: a second file of the same name gets a free name, the same file again is reused", async () => {
    const path = saveDocument();
    const first = await handlers.attachFile({
      path,
      upload: { name: "Reservation.pdf", base64: b64("ett") },
    });
    const other = await handlers.attachFile({
      path,
      upload: { name: "Reservation.pdf", base64: b64("två") },
    });
    const same = await handlers.attachFile({
      path,
      upload: { name: "Reservation.pdf", base64: b64("ett") },
    });
    expect([first, other, same].map((r) => r.ok && r.file)).toEqual([
      "bilagor/Reservation.pdf",
      "bilagor/Reservation (2).pdf",
      "bilagor/Reservation.pdf",
    ]);
    expect(readFileSync(join(dir, "nämnd", "bilagor", "Reservation.pdf"), "utf8")).toBe("ett");
    expect(readdirSync(join(dir, "nämnd", "bilagor")).sort()).toEqual([
      "Reservation (2).pdf",
      "Reservation.pdf",
    ]);
  });

  it("refuses an unsaved document, a path outside the workspace, a bilagor/ that is a link, an empty and a too large file", async () => {
    expect(
      await handlers.attachFile({
        path: "finns-inte.protokoll",
        upload: { name: "a.pdf", base64: b64("x") },
      }),
    ).toEqual({ ok: false, error: expect.stringMatching(/^Spara dokumentet först/) });
    expect(
      await handlers.attachFile({
        path: "../utanför.protokoll",
        upload: { name: "a.pdf", base64: b64("x") },
      }),
    ).toEqual({ ok: false, error: expect.stringMatching(/inte tillåten/) });
    const path = saveDocument();
    expect(await handlers.attachFile({ path, upload: { name: "a.pdf", base64: "" } })).toEqual({
      ok: false,
      error: "Filen är tom.",
    });
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 10, 1).toString("base64");
    expect(await handlers.attachFile({ path, upload: { name: "stor.pdf", base64: big } })).toEqual({
      ok: false,
      error: expect.stringMatching(/för stor för en bilaga/),
    });
    const outside = mkdtempSync(join(tmpdir(), "protokoll-outside-"));
    try {
      symlinkSync(outside, join(dir, "nämnd", "bilagor"));
      expect(
        await handlers.attachFile({ path, upload: { name: "a.pdf", base64: b64("x") } }),
      ).toEqual({ ok: false, error: expect.stringMatching(/symbolisk länk/) });
      expect(readdirSync(outside)).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("in the app, copies the file the user picked in the host's own dialog", async () => {
    const picked = join(
      mkdtempSync(join(tmpdir(), "protokoll-picked-")),
      "Yttrande från revisorerna.docx",
    );
    writeFileSync(picked, "yttrande");
    const app = createHandlers({
      ...workspaceHostEnv(new Workspace(dir)),
      chooseAttachmentPath: async () => picked,
    });
    const r = await app.attachFile({ path: saveDocument() });
    expect(r.ok && r.file).toBe("bilagor/Yttrande från revisorerna.docx");
    expect(JSON.stringify(r)).not.toContain(picked);
    const cancelled = createHandlers({
      ...workspaceHostEnv(new Workspace(dir)),
      chooseAttachmentPath: async () => null,
    });
    expect(await cancelled.attachFile({ path: "nämnd/möte.protokoll" })).toEqual({
      ok: false,
      error: "Ingen fil vald.",
    });
  });
});

describe("Spara som into another folder", () => {
  it("takes the bilagor along, keeps the old ones, and says which could not follow", async () => {
    const path = saveDocument();
    const v = await handlers.attachFile({
      path,
      upload: { name: "votering.pdf", base64: b64("röster") },
    });
    const r = await handlers.attachFile({
      path,
      upload: { name: "res.pdf", base64: b64("reservation") },
    });
    if (!v.ok || !r.ok) throw new Error("attach failed");
    const withBilagor = saveDocument([
      { id: "v", title: "Voteringslista", file: v.file, sha256: v.sha256 },
      { id: "r", title: "Reservation", file: r.file, sha256: r.sha256, item: "p2" },
    ]);
    writeFileSync(join(dir, "nämnd", "bilagor", "res.pdf"), "ändrad");
    mkdirSync(join(dir, "arkiv"));
    const saved = await handlers.saveFile({
      path: "arkiv/kopia.protokoll",
      text: readFileSync(join(dir, withBilagor), "utf8"),
      saveAs: false,
      attachmentsFrom: withBilagor,
    });
    expect(saved).toMatchObject({
      ok: true,
      path: "arkiv/kopia.protokoll",
      notice:
        "Bilagor som inte följde med: bilagor/res.pdf (”Reservation”) har ändrats sedan den bifogades och kopierades inte.",
    });
    expect(readFileSync(join(dir, "arkiv", "bilagor", "votering.pdf"), "utf8")).toBe("röster");
    expect(existsSync(join(dir, "arkiv", "bilagor", "res.pdf"))).toBe(false);
    expect(readFileSync(join(dir, "nämnd", "bilagor", "votering.pdf"), "utf8")).toBe("röster");
    // Saved again in the same folder: nothing to copy, no notice.
    const again = await handlers.saveFile({
      path: "arkiv/kopia2.protokoll",
      text: readFileSync(join(dir, withBilagor), "utf8"),
      saveAs: false,
      attachmentsFrom: "arkiv/kopia.protokoll",
    });
    expect(again.ok && "notice" in again).toBe(false);
  });
});

describe("checkAttachments", () => {
  it("gives the hash of each file now, and null for a missing one", async () => {
    const path = saveDocument();
    const r = await handlers.attachFile({ path, upload: { name: "a.pdf", base64: b64("A") } });
    writeFileSync(join(dir, "nämnd", "bilagor", "a.pdf"), "ändrad");
    const check = await handlers.checkAttachments({
      path,
      files: ["bilagor/a.pdf", "bilagor/borta.pdf", "../möte.protokoll"],
    });
    expect(check).toEqual({
      ok: true,
      files: [
        { file: "bilagor/a.pdf", sha256: sha256Bytes(Buffer.from("ändrad")) },
        { file: "bilagor/borta.pdf", sha256: null },
        { file: "../möte.protokoll", sha256: null },
      ],
    });
    expect(r.ok && r.sha256).not.toBe(sha256Bytes(Buffer.from("ändrad")));
  });
});

describe("exportFile with bilagor", () => {
  async function attached(): Promise<string> {
    const path = saveDocument();
    const v = await handlers.attachFile({
      path,
      upload: { name: "votering.pdf", base64: b64("%PDF votering") },
    });
    const r = await handlers.attachFile({
      path,
      upload: { name: "res.docx", base64: b64("reservation") },
    });
    if (!v.ok || !r.ok) throw new Error("attach failed");
    const attachments: Attachment[] = [
      { id: "res", title: "Skriftlig reservation", file: r.file, sha256: r.sha256, item: "p2" },
      { id: "vot", title: "Voteringslista", file: v.file, sha256: v.sha256, item: "p2" },
      { id: "nar", title: "Närvarolista", file: v.file, sha256: v.sha256 },
    ];
    return saveDocument(attachments, [
      "Motionen avslås, se ",
      ref("vot"),
      " och ",
      ref("res", true),
      ".",
    ]);
  }
  const text = (path: string) => readFileSync(join(dir, path), "utf8");

  it("lists the bilagor in the DOCX and the PDF, with references by number, and writes the files beside the export", async () => {
    const path = await attached();
    const pdf = await handlers
      .exportFile({
        text: text(path),
        format: "pdf",
        output: "full",
        items: [],
        draft: true,
        path: "ut/protokoll.pdf",
        documentPath: path,
      })
      .catch((e) => e);
    // ut/ does not exist: the export writes into an existing folder only.
    expect(pdf.ok).toBe(false);
    mkdirSync(join(dir, "ut"));
    const r = await handlers.exportFile({
      text: text(path),
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
      path: "ut/protokoll.pdf",
      documentPath: path,
    });
    expect(r).toEqual({
      ok: true,
      path: "ut/protokoll.pdf",
      bytes: expect.any(Number),
      attachments: [
        "ut/protokoll-bilagor/Bilaga 1 – Närvarolista.pdf",
        "ut/protokoll-bilagor/Bilaga 2 – Skriftlig reservation.docx",
        "ut/protokoll-bilagor/Bilaga 3 – Voteringslista.pdf",
      ],
    });
    expect(
      readFileSync(join(dir, "ut", "protokoll-bilagor", "Bilaga 3 – Voteringslista.pdf"), "utf8"),
    ).toBe("%PDF votering");
    expect(
      readFileSync(
        join(dir, "ut", "protokoll-bilagor", "Bilaga 2 – Skriftlig reservation.docx"),
        "utf8",
      ),
    ).toBe("reservation");
    const read = await readPdf(new Uint8Array(readFileSync(join(dir, "ut", "protokoll.pdf"))));
    const all = read.pages.join("\n").replace(/\s+/g, " ");
    expect(all).toContain("Motionen avslås, se bilaga 3 och Bilaga 2 – Skriftlig reservation.");
    expect(all).toMatch(
      /Bilagor Bilaga Titel Hör till Bilaga 1 Närvarolista Hela protokollet Bilaga 2 Skriftlig reservation § 2 Bilaga 3 Voteringslista § 2/,
    );

    const d = await handlers.exportFile({
      text: text(path),
      format: "docx",
      output: "full",
      items: [],
      draft: true,
      path: "ut/protokoll.docx",
      documentPath: path,
    });
    expect(d.ok).toBe(true);
    const paragraphs = docxParagraphs(
      docxParts(new Uint8Array(readFileSync(join(dir, "ut", "protokoll.docx"))))[
        "word/document.xml"
      ]!,
    ).map((p) => p.text);
    expect(paragraphs).toContain(
      "Motionen avslås, se bilaga 3 och Bilaga 2 – Skriftlig reservation.",
    );
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        "Bilaga 2 – Skriftlig reservation",
        "Bilaga 3 – Voteringslista",
        "Bilagor",
        "Hela protokollet",
        "§ 2",
      ]),
    );
  });

  it("an extract carries only its §§' bilagor; the anslag none", async () => {
    const path = await attached();
    mkdirSync(join(dir, "ut"));
    const extract = await handlers.exportFile({
      text: text(path),
      format: "pdf",
      output: "extract",
      items: ["p2"],
      draft: true,
      path: "ut/utdrag.pdf",
      documentPath: path,
    });
    expect(extract.ok && extract.attachments).toEqual([
      "ut/utdrag-bilagor/Bilaga 2 – Skriftlig reservation.docx",
      "ut/utdrag-bilagor/Bilaga 3 – Voteringslista.pdf",
    ]);
    const notice = await handlers.exportFile({
      text: text(path),
      format: "pdf",
      output: "notice",
      items: [],
      draft: true,
      path: "ut/anslag.pdf",
      documentPath: path,
    });
    expect(notice.ok && "attachments" in notice).toBe(false);
    expect(existsSync(join(dir, "ut", "anslag-bilagor"))).toBe(false);
  });

  it("refuses, writing nothing, when a bilaga file is missing or changed, or the document is not saved", async () => {
    const path = await attached();
    writeFileSync(join(dir, "nämnd", "bilagor", "res.docx"), "ändrad i efterhand");
    const r = await handlers.exportFile({
      text: text(path),
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
      path: "protokoll.pdf",
      documentPath: path,
    });
    expect(r).toEqual({
      ok: false,
      error:
        "Exporten gjordes inte. Filen till bilaga 2 (”Skriftlig reservation”) har ändrats sedan den bifogades: bilagor/res.docx.",
    });
    rmSync(join(dir, "nämnd", "bilagor", "votering.pdf"));
    const missing = await handlers.exportFile({
      text: text(path),
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
      path: "protokoll.pdf",
      documentPath: path,
    });
    expect(missing.ok ? "" : missing.error).toMatch(
      /Filen till bilaga 1 \(”Närvarolista”\) saknas: bilagor\/votering\.pdf\./,
    );
    const unsaved = await handlers.exportFile({
      text: text(path),
      format: "pdf",
      output: "full",
      items: [],
      draft: true,
      path: "protokoll.pdf",
    });
    expect(unsaved.ok ? "" : unsaved.error).toMatch(/^Dokumentet har bilagor men är inte sparat/);
    expect(existsSync(join(dir, "protokoll.pdf"))).toBe(false);
    expect(existsSync(join(dir, "protokoll-bilagor"))).toBe(false);
  });

  it("the justerare's Word review copy reads the references by number too", async () => {
    const path = await attached();
    const r = await handlers.exportReviewDocx({ text: text(path), path: "granskning.docx" });
    expect(r.ok).toBe(true);
    const paragraphs = docxParagraphs(
      docxParts(new Uint8Array(readFileSync(join(dir, "granskning.docx"))))["word/document.xml"]!,
    ).map((p) => p.text);
    expect(paragraphs.join("\n")).toContain(
      "Motionen avslås, se bilaga 3 och Bilaga 2 – Skriftlig reservation.",
    );
  });

  it("a document whose bilagor are written back unchanged opens again the same", async () => {
    const path = await attached();
    const r = parse(text(path));
    expect(r.ok && serialize(r.file)).toBe(text(path));
  });
});
