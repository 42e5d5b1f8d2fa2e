/**
 * Properties over random documents (fast-check): no rule ever throws, every problem lies inside the
 * document and its fix applies; the incremental validator gives exactly the problems of a full
 * validation after random edits.
 */
import fc from "fast-check";
import type { Node } from "prosemirror-model";
import { Transform } from "prosemirror-transform";
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import type { Kind } from "../file.js";
import { Meta, type MetaInput } from "../meta.js";
import { schema } from "../schema.js";
import { applyFix, createIncrementalValidator, validate, type Problem } from "./index.js";

const personIds = ["a", "b", "c", "d", "e", "f"];
const personId = fc.constantFrom(...personIds, "x"); // x is not in meta.persons (a stale reference)
const itemIds = ["i0", "i1", "i2", "i3", "i4", "i5"];
const itemId = fc.constantFrom(...itemIds, "zz");
const proposalId = fc.constantFrom("y1", "y2", "y3", "y9");
const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "§ 3",
    "§ 99",
    "§§ 2–4",
    "KF § 123",
    "läggs till handlingarna",
    "121212-1212",
    "121212 1212",
    "19121212-1212",
    "första frågan",
    "3) svar",
    "Dnr 1.2-3/2020",
    "KS 2020/393",
  ),
);
const persons = fc.array(personId, { maxLength: 4 });
const ballot = fc.record({
  person: personId,
  vote: fc.constantFrom("ja" as const, "nej" as const, "avstår" as const),
});

const block: fc.Arbitrary<Node> = fc.oneof(
  fc
    .array(
      fc.oneof(
        text.map((t) => [t]),
        itemId.map((id) => ["se ", b.ref(id)]),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((pts) => b.decision(...(pts as (string | Node)[][]))),
  text.map((t) => b.decisionProse(t)),
  text.map((t) => b.background(t)),
  text.map((t) => b.p(t)),
  fc
    .record({ order: fc.array(proposalId, { maxLength: 3 }), adopted: fc.option(proposalId) })
    .map((a) => b.procedure(a)),
  fc
    .record({
      id: proposalId,
      kind: fc.constantFrom("bifall" as const, "avslag" as const, "eget_förslag" as const),
      by: persons,
      supports: fc.option(proposalId),
      subject: fc.constantFrom("", "förvaltningens förslag", "förvaltningens förslag till beslut"),
      withdrawn: fc.boolean(),
    })
    .map((p) => b.proposal(p)),
  fc
    .record({
      open: fc.boolean(),
      election: fc.boolean(),
      yes: fc.option(proposalId),
      no: fc.option(proposalId),
      ballots: fc.array(ballot, { maxLength: 8 }),
      tally: fc.option(fc.record({ ja: fc.nat(9), nej: fc.nat(9), avstår: fc.nat(3) })),
      tieBreak: fc.option(fc.constantFrom("chair" as const, "lot" as const)),
      result: fc.option(fc.constantFrom("ja" as const, "nej" as const)),
    })
    .map((v) => b.vote(v)),
  fc
    .record({
      by: persons,
      favouring: fc.option(proposalId),
      written: fc.boolean(),
      receivedAt: fc.option(fc.constantFrom("2020-08-20", "2020-09-30T10:00")),
    })
    .map((r) => b.reservation(r, "motivering")),
  persons.map((p) => b.specialStatement({ by: p }, "uttalande")),
  persons.map((p) => b.protocolNote({ by: p })),
  persons.map((p) => b.substituteStatement({ by: p }, "yttrande")),
  persons.map((p) => b.recusal(p)),
  fc.constant(b.distribution("Kommunstyrelsen")),
);

const item = fc
  .record({
    id: itemId,
    title: text,
    subtitle: fc.option(text),
    dnr: fc.option(text),
    confidential: fc.option(fc.constantFrom("OSL 26 kap. 1 §", "sekretess")),
    immediate: fc.boolean(),
    blocks: fc.array(block, { maxLength: 6 }),
  })
  .map(({ blocks, ...spec }) => b.item(spec, ...blocks));

const answer = fc
  .record({
    title: text,
    parts: fc.array(
      fc.oneof(
        text.map((t) => b.question(t)),
        text,
      ),
      { maxLength: 5 },
    ),
  })
  .map(({ title, parts }) => b.answerDoc(title, ...parts));

const date = fc.constantFrom("2020-08-25", "2020-08-31", "2020-09-30", "2020-02-30", null);
const metaInput: fc.Arbitrary<MetaInput> = fc.record({
  body: fc.record({
    name: fc.constantFrom("Socialnämnden", "Kommunfullmäktige"),
    type: fc.constantFrom("nämnd" as const, "kommunfullmäktige" as const),
    reglemente: fc.record({
      adjusters: fc.nat(3),
      substituteStatements: fc.boolean(),
      firstItemNumber: fc.integer({ min: 1, max: 30 }),
      members: fc.option(fc.integer({ min: 1, max: 15 })),
      dnrPattern: fc.option(fc.constantFrom("^\\d+$", "([", "^KS")),
    }),
  }),
  meeting: fc.record({ date }),
  persons: fc
    .array(
      fc.constantFrom(
        "chair",
        "vice_chair",
        "member",
        "substitute",
        "secretary",
        "official",
        "other",
      ) as fc.Arbitrary<Meta["persons"][number]["role"]>,
      { minLength: 6, maxLength: 6 },
    )
    .map((roles) =>
      roles.map((role, i) => ({
        id: personIds[i]!,
        name: `Person ${personIds[i]}`,
        party: i % 2 ? "S" : null,
        role,
      })),
    ),
  attendance: fc.array(
    fc.record({
      person: personId,
      status: fc.constantFrom("serving" as const, "present" as const),
      from: fc.option(itemId),
      to: fc.option(itemId),
      replaces: fc.option(personId),
    }),
    { maxLength: 10 },
  ),
  recusals: fc.array(fc.record({ person: personId, item: itemId }), { maxLength: 3 }),
  authorityItems: fc.option(fc.array(itemId, { maxLength: 2 }), { nil: undefined }),
  chair: fc.option(personId),
  adjusters: fc.array(personId, { maxLength: 3 }),
  adjustment: fc.record({ date }),
  notice: fc.record({ keptAt: fc.option(fc.constant("Stadshuset")), posted: date }),
  status: fc.constantFrom("draft" as const, "in_review" as const, "adjusted" as const),
  seal: fc.option(fc.constant({ sha256: "0".repeat(64), at: "2020-08-31T10:00", by: ["a"] })),
  interpellation: fc.option(
    fc.record({
      dnr: fc.option(text),
      place: fc.option(fc.constant("Stockholm")),
      date,
      signatory: fc.option(personId),
    }),
  ),
});

const document: fc.Arbitrary<{ doc: Node; meta: Meta; kind: Kind }> = fc.oneof(
  fc
    .record({ items: fc.array(item, { minLength: 1, maxLength: 6 }), meta: metaInput })
    .map(({ items, meta }) => ({
      doc: b.protocol(...items),
      meta: Meta.parse(meta),
      kind: "protokoll" as const,
    })),
  fc.record({ doc: answer, meta: metaInput }).map(({ doc, meta }) => ({
    doc,
    meta: Meta.parse(meta),
    kind: "interpellationssvar" as const,
  })),
);

function sane(doc: Node, problems: Problem[]): void {
  for (const p of problems) {
    expect(p.message).not.toContain("internt fel");
    expect(p.from).toBeGreaterThanOrEqual(0);
    expect(p.to).toBeLessThanOrEqual(doc.content.size);
    expect(p.from).toBeLessThanOrEqual(p.to);
  }
}

describe("random documents", () => {
  it("never make a rule throw; every problem lies in the document and every fix applies", () => {
    fc.assert(
      fc.property(document, ({ doc, meta, kind }) => {
        const review = {
          comments: [],
          approvals: [],
          lastSeen: {
            a: { at: "2020-08-27", doc: doc.toJSON() },
            b: { at: "2020-08-27", doc: { type: "nonsense" } },
          },
        };
        const history = [
          {
            at: "2020-08-31",
            by: "a",
            kind: "adjusted" as const,
            what: "Justerat",
            why: null,
            item: "i1",
            seal: { sha256: "1".repeat(64), at: "2020-08-31", by: ["a"] },
            previousSeal: null,
          },
        ];
        const problems = validate(doc, meta, kind, { review, history });
        sane(doc, problems);
        for (const p of problems)
          if (p.fix) expect(() => applyFix(doc, meta, p.fix!.action)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

/** An edit of a random § that keeps the other §§ as the same nodes (as ProseMirror does). */
const edit = fc.oneof(
  fc.record({
    type: fc.constant("text" as const),
    at: fc.nat(),
    text: text.filter((t) => t !== ""),
  }),
  fc.record({ type: fc.constant("add-block" as const), at: fc.nat(), block }),
  fc.record({ type: fc.constant("insert-item" as const), at: fc.nat(), item }),
  fc.record({ type: fc.constant("delete-item" as const), at: fc.nat() }),
  fc.record({ type: fc.constant("meta" as const), meta: metaInput }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(doc: Node, meta: Meta, e: Edit): { doc: Node; meta: Meta } {
  if (e.type === "meta") return { doc, meta: Meta.parse(e.meta) };
  const positions: { pos: number; node: Node }[] = [];
  doc.forEach((node, pos) => positions.push({ pos, node }));
  const target = positions[e.at % positions.length]!;
  const tr = new Transform(doc);
  switch (e.type) {
    case "text": {
      const titleEnd = target.pos + 1 + target.node.firstChild!.nodeSize - 1;
      tr.insert(titleEnd, schema.text(e.text));
      break;
    }
    case "add-block":
      tr.insert(target.pos + target.node.nodeSize - 1, e.block);
      break;
    case "insert-item":
      tr.insert(target.pos, e.item);
      break;
    case "delete-item":
      if (positions.length > 1) tr.delete(target.pos, target.pos + target.node.nodeSize);
      break;
  }
  return { doc: tr.doc, meta };
}

describe("incremental validation", () => {
  it("gives exactly the problems of a full validation after random edits", () => {
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        metaInput,
        fc.array(edit, { maxLength: 8 }),
        (items, m, edits) => {
          let doc = b.protocol(...items);
          let meta = Meta.parse(m);
          const v = createIncrementalValidator();
          expect(v.update(doc, meta)).toEqual(validate(doc, meta));
          for (const e of edits) {
            ({ doc, meta } = applyEdit(doc, meta, e));
            doc.check();
            expect(v.update(doc, meta, null)).toEqual(validate(doc, meta));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("re-checks only the § that changed: unchanged §§ keep their cached problems", () => {
    const items = Array.from({ length: 40 }, (_, i) =>
      b.item({ id: `i${i}`, title: `Ärende ${i}` }, "Ingen beslutstext."),
    );
    let doc = b.protocol(...items);
    const meta = Meta.parse({
      body: { name: "Socialnämnden" },
      meeting: { date: "2020-08-25" },
      adjustment: { date: "2020-08-31" },
    });
    const v = createIncrementalValidator();
    const before = v.update(doc, meta);
    expect(before.filter((p) => p.rule === "decision-required")).toHaveLength(40);
    // add a decision to § 11 (index 10): its problem goes, all others stay — at shifted positions
    const pos = (() => {
      let found = 0;
      doc.forEach((n, p, i) => {
        if (i === 10) found = p + n.nodeSize - 1;
      });
      return found;
    })();
    doc = new Transform(doc).insert(
      pos,
      schema.nodes.decision.create(null, [
        schema.nodes.decision_point.create(null, schema.text("Godkänns.")),
      ]),
    ).doc;
    const after = v.update(doc, meta, ["i10"]);
    expect(after.filter((p) => p.rule === "decision-required").map((p) => p.item)).toEqual(
      items.map((_, i) => `i${i}`).filter((id) => id !== "i10"),
    );
    expect(after).toEqual(validate(doc, meta));
  });
});
