import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import type { Attachment } from "../attachments.js";
import { schema } from "../schema.js";
import { validateFile } from "./index.js";
import { protocolFile } from "./testBuilder.testkit.js";

const sha = "c".repeat(64);
const att = (id: string, title: string, item?: string): Attachment => ({
  id,
  title,
  file: `bilagor/${id}.pdf`,
  sha256: sha,
  ...(item ? { item } : {}),
});
const ref = (target: string) => schema.nodes.attachment_ref.create({ target });
const of = (file: ReturnType<typeof protocolFile>, context?: Parameters<typeof validateFile>[1]) =>
  validateFile(file, context).filter((p) => p.rule === "attachments");

const doc = (...decision: (string | ReturnType<typeof ref>)[]) => [
  b.item({ id: "p1", title: "Val av justerare" }, b.decision(decision)),
];

describe("rule attachments", () => {
  it("is silent when every reference names a bilaga in the list and the files are as attached", () => {
    const file = protocolFile(doc("Se ", ref("v1"), "."), {
      attachments: [att("v1", "Voteringslista", "p1")],
    });
    expect(of(file, { attachmentFiles: { "bilagor/v1.pdf": sha } })).toEqual([]);
  });

  it("a reference to a removed bilaga is an error at the reference", () => {
    const file = protocolFile(doc("Se ", ref("gone"), "."), {
      attachments: [att("v1", "Voteringslista", "p1")],
    });
    const found = of(file);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", item: "p1" });
    expect(found[0]!.message).toMatch(/pekar på en bilaga som inte längre finns/);
    expect(file.doc.nodeAt(found[0]!.from)?.type.name).toBe("attachment_ref");
  });

  it("a missing file and a changed file are errors naming the bilaga by its number", () => {
    const file = protocolFile(doc("Ja."), {
      attachments: [att("a", "Närvarolista"), att("v1", "Voteringslista", "p1")],
    });
    const found = of(file, {
      attachmentFiles: { "bilagor/a.pdf": null, "bilagor/v1.pdf": "d".repeat(64) },
    });
    expect(found.map((p) => [p.severity, p.message])).toEqual([
      ["error", expect.stringMatching(/^Filen till bilaga 1 \(”Närvarolista”\) saknas/)],
      ["error", expect.stringMatching(/^Filen till bilaga 2 \(”Voteringslista”\) har ändrats/)],
    ]);
  });

  it("without the host's look at the files, the files are not judged", () => {
    const file = protocolFile(doc("Ja."), { attachments: [att("a", "Närvarolista")] });
    expect(of(file)).toEqual([]);
  });

  it("a bilaga of a § that is gone is a warning", () => {
    const file = protocolFile(doc("Ja."), { attachments: [att("r", "Reservation", "p9")] });
    const found = of(file);
    expect(found.map((p) => p.severity)).toEqual(["warning"]);
    expect(found[0]!.message).toMatch(
      /^Bilaga 1 \(”Reservation”\) hörde till en paragraf som inte längre finns/,
    );
  });
});
