import { describe, expect, it } from "vitest";
import * as b from "./build.js";
import {
  attachmentLabel,
  attachmentPathError,
  exportedAttachmentName,
  numberedAttachments,
  safeAttachmentName,
  type Attachment,
} from "./attachments.js";
import { parse, serialize } from "./file.js";
import { schema } from "./schema.js";
import { protocolFile } from "./rules/testBuilder.testkit.js";

const hash = (c: string) => c.repeat(64);
const att = (id: string, title: string, item?: string): Attachment => ({
  id,
  title,
  file: `bilagor/${id}.pdf`,
  sha256: hash("a"),
  ...(item ? { item } : {}),
});
const ref = (target: string, withTitle = false) =>
  schema.nodes.attachment_ref.create({ target, withTitle });

describe("bilaga paths", () => {
  it.each([
    ["bilagor/Voteringslista.pdf", null],
    ["bilagor/Reservation (S) 2.docx", null],
    ["../bilagor/x.pdf", "sökvägen får inte innehålla .. eller ."],
    ["bilagor/../profile.json", "sökvägen får inte innehålla .. eller ."],
    ["/etc/passwd", "sökvägen får inte vara absolut"],
    ["C:/Users/x.pdf", "sökvägen får inte vara absolut"],
    ["c:bilagor/x.pdf", "sökvägen får inte vara absolut"],
    ["bilagor\\x.pdf", "sökvägen får inte innehålla bakstreck"],
    ["profil/logo.png", "filen ska ligga direkt i mappen bilagor/"],
    ["bilagor/sub/x.pdf", "filen ska ligga direkt i mappen bilagor/"],
    ["bilagor/.hidden", "filnamnet saknas eller är dolt"],
    ["bilagor/", "filnamnet saknas eller är dolt"],
    ["bilagor/a\u0000.pdf", "sökvägen innehåller styrtecken"],
  ])("%s → %s", (path, error) => {
    expect(attachmentPathError(path)).toBe(error);
  });

  it("a document naming a bilaga outside bilagor/ is refused when it is opened, with the path of the entry", () => {
    const file = protocolFile();
    const json = JSON.parse(serialize(file)) as { meta: Record<string, unknown> };
    json.meta.attachments = [
      { id: "b1", title: "Lösenord", file: "../../etc/passwd", sha256: hash("b") },
    ];
    const r = parse(JSON.stringify(json));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => `${e.path}: ${e.message}`).join("\n")).toMatch(
        /meta\.attachments\[0\]\.file: .*Ogiltig sökväg till bilaga/,
      );
  });

  it("two bilagor with one id are refused when the file is opened", () => {
    const json = JSON.parse(serialize(protocolFile())) as { meta: Record<string, unknown> };
    json.meta.attachments = [att("b1", "Ett"), att("b1", "Två")];
    const r = parse(JSON.stringify(json));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("meta.attachments[1].id");
  });

  it("file names from the user's disk become plain names in bilagor/", () => {
    expect(safeAttachmentName("Reservation (S).PDF")).toBe("Reservation (S).pdf");
    expect(safeAttachmentName("../../etc/passwd")).toBe("passwd");
    expect(safeAttachmentName("C:\\Users\\Åsa\\Skriftlig reservation – Ö.docx")).toBe(
      "Skriftlig reservation Ö.docx",
    );
    expect(safeAttachmentName(".bashrc")).toBe("bashrc");
    expect(safeAttachmentName("???.pdf")).toBe("bilaga.pdf");
    expect(exportedAttachmentName(2, { title: "Reservation: S/V", file: "bilagor/r.docx" })).toBe(
      "Bilaga 2 – Reservation S V.docx",
    );
  });
});

describe("bilaga numbers", () => {
  const doc = () =>
    b.protocol(
      b.item({ id: "p1", title: "Ett" }, b.decision("A.")),
      b.item({ id: "p2", title: "Två" }, b.decision("B.")),
    );

  it("the whole protocol's bilagor first, then each §'s in § order, each group in list order", () => {
    const list = [
      att("x", "Reservation", "p2"),
      att("y", "Voteringslista", "p1"),
      att("z", "Närvarolista"),
      att("w", "Yttrande", "p2"),
    ];
    expect(
      numberedAttachments(doc(), list).map((n) => `${n.number}:${n.attachment.title}:${n.itemId}`),
    ).toEqual(["1:Närvarolista:null", "2:Voteringslista:p1", "3:Reservation:p2", "4:Yttrande:p2"]);
  });

  it("moving a § renumbers its bilagor; a bilaga of a removed § counts as the whole protocol's", () => {
    const list = [att("x", "Reservation", "p2"), att("y", "Voteringslista", "p1")];
    const swapped = b.protocol(doc().child(1), doc().child(0));
    expect(numberedAttachments(swapped, list).map((n) => n.attachment.title)).toEqual([
      "Reservation",
      "Voteringslista",
    ]);
    const without = b.protocol(doc().child(0));
    expect(numberedAttachments(without, list).map((n) => [n.attachment.title, n.itemId])).toEqual([
      ["Reservation", null],
      ["Voteringslista", "p1"],
    ]);
  });

  it("labels read as in running text or with the title", () => {
    expect(attachmentLabel(3)).toBe("bilaga 3");
    expect(attachmentLabel(3, "Voteringslista")).toBe("Bilaga 3 – Voteringslista");
    expect(attachmentLabel(undefined)).toBe("bilaga ?");
  });
});

describe("the file format with bilagor", () => {
  it("a document without bilagor has no attachments key (old files keep their bytes)", () => {
    const text = serialize(protocolFile());
    expect(text).not.toContain("attachments");
    const again = parse(text);
    expect(again.ok && serialize(again.file)).toBe(text);
  });

  it("bilagor and references survive a save and an open", () => {
    const file = protocolFile(
      [
        b.item(
          { id: "p1", title: "Ett" },
          b.decision(["Se ", ref("v1"), " och ", ref("v1", true), "."]),
        ),
      ],
      {
        attachments: [att("v1", "Voteringslista", "p1")],
      },
    );
    const r = parse(serialize(file));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file.meta.attachments).toEqual([att("v1", "Voteringslista", "p1")]);
    const refs: unknown[] = [];
    r.file.doc.descendants((n) => {
      if (n.type.name === "attachment_ref") refs.push(n.attrs);
    });
    expect(refs).toEqual([
      { target: "v1", withTitle: false },
      { target: "v1", withTitle: true },
    ]);
  });
});
