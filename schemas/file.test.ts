import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { templates } from "../templates/index.js";
import * as b from "./build.js";
import { canonicalJSON } from "./canonical.js";
import { createFile, parse, serialize, toJSON } from "./file.js";

const ok = (text: string) => {
  const r = parse(text);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return r.file;
};

const sample = () => {
  const persons = [
    { id: "jj", name: "Jon Järvholm", party: "L", role: "chair" as const },
    { id: "lv", name: "Linda Vall", party: "SD", role: "member" as const },
  ];
  const first = b.item(
    { id: "p1", title: "Godkännande av dagordning" },
    b.decision("Dagordningen godkänns."),
  );
  const second = b.item(
    { id: "p2", title: "Motion om kostnader", dnr: "1.7.1-213/2020" },
    b.decision("Socialnämnden godkänner förvaltningens tjänsteutlåtande."),
    b.proposal({ id: "y1", by: ["jj"], subject: "förvaltningens förslag till beslut" }),
    b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"] }, "Att motionen tillstyrks."),
    b.procedure({ order: ["y1", "y2"], adopted: "y1" }),
    b.reservation({ by: ["lv"], favouring: "y2" }),
    b.p("Se ", b.ref("p1"), "."),
  );
  return createFile(
    "protokoll",
    { body: { name: "Socialnämnden" }, persons, chair: "jj" },
    b.protocol(first, second),
  );
};

describe("the file format", () => {
  it.each(Object.values(templates).map((t) => [t.id, t] as const))(
    "round-trips the %s template to identical bytes",
    (_id, t) => {
      const text = serialize(t.create({ date: "2026-01-20" }));
      const again = serialize(ok(text));
      expect(again).toBe(text);
      ok(again).doc.check();
    },
  );

  it("round-trips a protocol with yrkanden, a reservation and a § reference", () => {
    const text = serialize(sample());
    expect(serialize(ok(text))).toBe(text);
    expect(ok(text).doc.childCount).toBe(2);
  });

  it("writes keys in a stable order whatever order they were given in", () => {
    expect(canonicalJSON({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 3 } })).toBe(
      canonicalJSON({ a: { c: 3, d: [2, { y: 2, z: 1 }] }, b: 1 }),
    );
    const text = serialize(sample());
    const shuffled = JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(text)).reverse()));
    expect(serialize(ok(shuffled))).toBe(text);
  });

  it("fills defaults for optional metadata so a minimal file opens", () => {
    const text = serialize(sample());
    const minimal = JSON.parse(text);
    delete minimal.review;
    delete minimal.history;
    minimal.meta = { body: { name: "Socialnämnden" }, persons: minimal.meta.persons };
    const f = ok(JSON.stringify(minimal));
    expect(f.meta.status).toBe("draft");
    expect(f.meta.body.reglemente.adjusters).toBe(1);
  });
});

describe("bad files get a clear error and never a crash", () => {
  const good = () => JSON.parse(serialize(sample()));
  const firstError = (text: string) => {
    const r = parse(text);
    expect(r.ok).toBe(false);
    return r.ok ? null : r.errors[0]!;
  };

  it("an empty file", () => expect(firstError("")?.message).toMatch(/tom/));
  it("only whitespace", () => expect(firstError("  \n ")?.message).toMatch(/tom/));
  it("truncated JSON, wherever it is cut", () => {
    const text = serialize(sample());
    for (let cut = 1; cut < text.trimEnd().length; cut += 7)
      expect(firstError(text.slice(0, cut))?.message).toMatch(/avkortad/);
  });
  it("not JSON", () =>
    expect(firstError("Protokoll fört vid sammanträde")?.message).toMatch(/inte giltig JSON/));
  it("JSON that is not a protocol", () =>
    expect(firstError(JSON.stringify({ hello: 1 }))?.path).toBe("format"));
  it("a JSON array", () => expect(firstError("[1,2]")?.message).toMatch(/JSON-objekt/));
  it("a file from a future version", () => {
    const e = firstError(JSON.stringify({ ...good(), version: 99 }));
    expect(e?.path).toBe("version");
    expect(e?.message).toMatch(/nyare version/);
  });
  it("an unknown node type", () => {
    const f = good();
    f.doc.content[0].content.push({ type: "fancy_widget" });
    const e = firstError(JSON.stringify(f));
    expect(e?.path).toBe("doc");
    expect(e?.message).toMatch(/fancy_widget/);
  });
  it("a proposal referring to a person who does not exist", () => {
    const f = good();
    const proposal = f.doc.content[1].content.find((n: { type: string }) => n.type === "proposal");
    proposal.attrs.proposers = ["nobody"];
    const e = firstError(JSON.stringify(f));
    expect(e?.path).toMatch(/^doc\.content\[1\]\.content\[\d+\]\.attrs\.proposers\[0\]$/);
    expect(e?.message).toMatch(/"nobody" finns inte/);
  });
  it("a reservation favouring a proposal that is not in the §", () => {
    const f = good();
    const r = f.doc.content[1].content.find((n: { type: string }) => n.type === "reservation");
    r.attrs.favouring = "y9";
    expect(firstError(JSON.stringify(f))?.message).toMatch(/Yrkandet "y9" finns inte/);
  });
  it("wrong attribute types", () => {
    const f = good();
    const proposal = f.doc.content[1].content.find((n: { type: string }) => n.type === "proposal");
    proposal.attrs.proposers = "jj";
    expect(firstError(JSON.stringify(f))?.message).toMatch(/struktur är ogiltig/);
  });
  it("a wrong metadata type names its path", () => {
    const f = good();
    f.meta.meeting.date = "25 augusti";
    const e = firstError(JSON.stringify(f));
    expect(e?.path).toBe("meta.meeting.date");
    expect(e?.message).toMatch(/ÅÅÅÅ-MM-DD/);
  });
  it("a document whose shape does not match its kind", () => {
    expect(firstError(JSON.stringify({ ...good(), kind: "interpellationssvar" }))?.path).toBe(
      "kind",
    );
  });
  it("a 20 MB file of garbage", () => {
    const bytes = new Uint8Array(20 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    const e = firstError(text);
    expect(e?.message).toMatch(/inte en protokollfil|för stor/);
  });
  it("a file over the size limit is refused before it is read", () => {
    expect(firstError("{" + " ".repeat(51 * 1024 * 1024) + "}")?.message).toMatch(/för stor/);
  });
});

describe("random documents", () => {
  const personIds = ["a", "b", "c", "d"];
  const persons = personIds.map((id, i) => ({
    id,
    name: `Person ${id.toUpperCase()}`,
    party: ["S", "M", "V", "SD"][i]!,
    role: "member" as const,
  }));
  const words = fc.string({ minLength: 0, maxLength: 30 });
  const someOf = fc.subarray(personIds);
  const itemArb = fc.record({
    title: fc.string({ minLength: 1, maxLength: 60 }),
    dnr: fc.option(fc.string({ minLength: 1, maxLength: 20 }), { nil: null }),
    decision: fc.array(words, { minLength: 1, maxLength: 3 }),
    proposals: fc.array(
      fc.record({
        by: someOf,
        kind: fc.constantFrom("bifall", "avslag", "återremiss", "eget_förslag" as const),
        text: words,
      }),
      { maxLength: 3 },
    ),
    reservants: someOf,
    confidential: fc.option(fc.constant("OSL 26 kap. 1 §"), { nil: null }),
  });
  it("round-trip to identical bytes", () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 6 }), (specs) => {
        const items = specs.map((s, i) => {
          const ids = s.proposals.map((_, j) => `y${i}-${j}`);
          return b.item(
            { id: `p${i}`, title: s.title, dnr: s.dnr, confidential: s.confidential },
            b.decision(...s.decision),
            ...s.proposals.map((pr, j) =>
              b.proposal({ id: ids[j], by: pr.by, kind: pr.kind }, pr.text),
            ),
            ...(s.reservants.length
              ? [b.reservation({ by: s.reservants, favouring: ids[0] ?? null })]
              : []),
          );
        });
        const file = createFile(
          "protokoll",
          { body: { name: "Nämnden" }, persons },
          b.protocol(...items),
        );
        const text = serialize(file);
        const back = parse(text);
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(serialize(back.file)).toBe(text);
          expect(back.file.doc.eq(file.doc)).toBe(true);
          expect(toJSON(back.file)).toEqual(JSON.parse(text));
        }
      }),
      { numRuns: 150 },
    );
  });
});
