import { describe, expect, it } from "vitest";
import { recipientsOf } from "./agenda/distributionGroups.js";
import * as b from "./build.js";
import {
  CURRENT_VERSION,
  createFile,
  parse,
  serialize,
  toJSON,
  type ProtokollFile,
} from "./file.js";
import { anchorText } from "./review/comments.js";
import { findItem } from "./review/items.js";
import { schema } from "./schema.js";
import { splitRecipients } from "./splitRecipients.js";

describe("splitting Expedieras till into recipients", () => {
  it("gives one recipient a line, and splits lines on semicolons", () => {
    expect(splitRecipients("Kommunstyrelsen\nEkonomienheten\r\nAkten")).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Akten",
    ]);
    expect(splitRecipients("Kommunstyrelsen; Revisionen;")).toEqual([
      "Kommunstyrelsen",
      "Revisionen",
    ]);
  });

  it("splits a line of names on commas, och and samt, and drops bullets and a closing full stop", () => {
    expect(splitRecipients("Kommunstyrelsen, Ekonomienheten och Revisionen.")).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Revisionen",
    ]);
    expect(splitRecipients("Anna Ek samt Bo Lind")).toEqual(["Anna Ek", "Bo Lind"]);
    expect(splitRecipients("- Socialförvaltningen\n• Byggnadsnämnden,")).toEqual([
      "Socialförvaltningen",
      "Byggnadsnämnden",
    ]);
  });

  it("keeps a body's own name whole: the och of a compound, a lower-case part after och", () => {
    expect(splitRecipients("Vård- och omsorgsnämnden")).toEqual(["Vård- och omsorgsnämnden"]);
    expect(
      splitRecipients("Barn- och utbildningsförvaltningen, Kultur- och fritidsnämnden"),
    ).toEqual(["Barn- och utbildningsförvaltningen", "Kultur- och fritidsnämnden"]);
    expect(splitRecipients("Enheten för ekonomi och styrning")).toEqual([
      "Enheten för ekonomi och styrning",
    ]);
  });

  it("keeps a line that is a sentence rather than a list as one recipient", () => {
    expect(splitRecipients("Kommunstyrelsen, för kännedom")).toEqual([
      "Kommunstyrelsen, för kännedom",
    ]);
    expect(splitRecipients("Anna Ek, nämndsekreterare")).toEqual(["Anna Ek, nämndsekreterare"]);
    expect(
      splitRecipients(
        "Den sökande, som enligt beslutet ska underrättas skriftligen om utgången i ärendet",
      ),
    ).toEqual([
      "Den sökande, som enligt beslutet ska underrättas skriftligen om utgången i ärendet",
    ]);
  });

  it("gives nothing for empty text", () => {
    expect(splitRecipients(" \n ; , ")).toEqual([]);
  });
});

const persons = [
  { id: "jj", name: "Jon Järvholm", party: "L", role: "chair" as const },
  { id: "lv", name: "Linda Vall", party: "S", role: "member" as const },
];
/** A protocol as format version 1 wrote it: "Expedieras till" as prose (paragraphs, a list, a line break). */
function versionOne(
  extra: { review?: unknown; history?: unknown; meta?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const doc = b.protocol(
    b.item(
      { id: "p1", title: "Budget" },
      b.decision("Budgeten antas."),
      b.distributionProse("Kommunstyrelsen, Ekonomienheten och Revisionen"),
      b.p("Efter listan."),
    ),
    b.item(
      { id: "p2", title: "Taxor" },
      b.decision("Taxan antas."),
      b.distributionProse(b.ul("Vård- och omsorgsnämnden", "Akten")),
    ),
    b.item(
      { id: "p3", title: "Remiss" },
      b.decision("Yttrandet antas."),
      b.distributionProse(b.p("Miljönämnden", schema.nodes.hard_break.create(), "Byggnadsnämnden")),
    ),
  );
  const json = toJSON(
    createFile(
      "protokoll",
      { body: { name: "Testnämnden" }, persons, chair: "jj", ...extra.meta },
      doc,
      extra.review ?? {},
      extra.history ?? [],
    ),
  );
  return { ...json, version: 1 };
}
const read = (raw: Record<string, unknown>): ProtokollFile => {
  const r = parse(JSON.stringify(raw));
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("; "));
  return r.file;
};
const shapeOf = (file: ProtokollFile, id: string) => {
  let shape = "";
  findItem(file.doc, id)!.forEach(
    (n) => void (n.type.name === "distribution" && (shape = n.firstChild?.type.name ?? "empty")),
  );
  return shape;
};

describe("the migration of format version 1 (Expedieras till as prose)", () => {
  it("turns each line and each name of a prose distribution into a recipient, and writes the current version", () => {
    const file = read(versionOne());
    expect(["p1", "p2", "p3"].map((id) => shapeOf(file, id))).toEqual([
      "recipient",
      "recipient",
      "recipient",
    ]);
    expect(recipientsOf(findItem(file.doc, "p1")!)).toEqual([
      "Kommunstyrelsen",
      "Ekonomienheten",
      "Revisionen",
    ]);
    expect(recipientsOf(findItem(file.doc, "p2")!)).toEqual(["Vård- och omsorgsnämnden", "Akten"]);
    expect(recipientsOf(findItem(file.doc, "p3")!)).toEqual(["Miljönämnden", "Byggnadsnämnden"]);
    // what follows the block in the § is kept
    expect(findItem(file.doc, "p1")!.lastChild!.textContent).toBe("Efter listan.");
    expect(JSON.parse(serialize(file)).version).toBe(CURRENT_VERSION);
    expect(CURRENT_VERSION).toBe(2);
  });

  it("reads its own output again unchanged (the migration runs once)", () => {
    const text = serialize(read(versionOne()));
    expect(serialize(read(JSON.parse(text) as Record<string, unknown>))).toBe(text);
  });

  it("moves a comment anchored after the block with its text, and converts the justerare's last-seen copy", () => {
    const raw = versionOne();
    const file0 = read({ ...raw, version: CURRENT_VERSION, doc: raw.doc }); // the prose doc as it is, to measure the anchor
    const p1 = findItem(file0.doc, "p1")!;
    const from = p1.content.size - "Efter listan.".length - 1;
    const anchor = { from, to: from + "Efter listan".length, text: "Efter listan" };
    expect(anchorText(p1, anchor.from, anchor.to)).toBe("Efter listan");
    const review = {
      comments: [
        {
          id: "c1",
          item: "p1",
          anchor,
          author: "Linda Vall",
          at: "2020-08-27T10:00",
          text: "Stämmer?",
        },
      ],
      lastSeen: { lv: { at: "2020-08-27T10:00", doc: raw.doc } },
    };
    const file = read(versionOne({ review }));
    const moved = file.review.comments[0]!.anchor!;
    expect(anchorText(findItem(file.doc, "p1")!, moved.from, moved.to)).toBe("Efter listan");
    expect(moved.from).not.toBe(anchor.from);
    expect(JSON.stringify(file.review.lastSeen.lv!.doc)).toContain('"recipient"');
    expect(JSON.stringify(file.review.lastSeen.lv!.doc)).not.toContain(
      "Kommunstyrelsen, Ekonomienheten",
    );
  });

  it("leaves every block of a justerat protocol exactly as stored", () => {
    const raw = versionOne({ meta: { status: "adjusted" } });
    const file = read(raw);
    expect(["p1", "p2", "p3"].map((id) => shapeOf(file, id))).toEqual([
      "paragraph",
      "bullet_list",
      "paragraph",
    ]);
    expect(file.doc.toJSON()).toEqual(raw.doc);
    // and reads the recipients from the prose
    expect(recipientsOf(findItem(file.doc, "p2")!)).toEqual(["Vård- och omsorgsnämnden", "Akten"]);
  });

  it("leaves the § justerad at the meeting and the § a justerare approved as stored, and converts the rest", () => {
    const history = [
      {
        kind: "adjusted",
        item: "p1",
        at: "2020-08-25T19:30",
        by: "Jon Järvholm",
        what: "Paragrafen justerades omedelbart.",
      },
    ];
    const review = {
      approvals: [{ item: "p2", by: "lv", at: "2020-08-27T10:00", state: "approved" }],
    };
    const file = read(versionOne({ history, review }));
    expect(["p1", "p2", "p3"].map((id) => shapeOf(file, id))).toEqual([
      "paragraph",
      "bullet_list",
      "recipient",
    ]);
  });

  it("keeps an empty distribution block valid, and refuses a block that mixes the two shapes", () => {
    const raw = versionOne();
    const doc = JSON.parse(JSON.stringify(raw.doc)) as {
      content: { content: { type: string; content?: unknown[] }[] }[];
    };
    const dist = doc.content[0]!.content.find((n) => n.type === "distribution")!;
    delete dist.content;
    expect(shapeOf(read({ ...raw, doc }), "p1")).toBe("empty");
    dist.content = [
      { type: "recipient", content: [{ type: "text", text: "Kommunstyrelsen" }] },
      { type: "paragraph", content: [{ type: "text", text: "Revisionen" }] },
    ];
    const r = parse(JSON.stringify({ ...raw, version: CURRENT_VERSION, doc }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("doc");
  });

  it("does not throw on a version-1 file whose document is broken: parse names the problem", () => {
    const r = parse(
      JSON.stringify({
        ...versionOne(),
        doc: { type: "doc", content: [{ type: "distribution" }] },
      }),
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("doc");
  });
});
