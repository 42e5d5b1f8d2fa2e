/**
 * The checked-in seeds. The real test is the first block: facts read by hand from each source text
 * (../shared/seeds, copied beside each seed as .txt) — what the document is, how many §§ or
 * questions it has, where its reservations, särskilda uttalanden and ersättaryttranden are. A seed
 * that the importer got wrong fails there. The second block only keeps the seeds in step with the
 * importer (equal to a fresh import, so they never go stale — it can detect a change, not an
 * error) and checks that each opens and saves to the same bytes. Regenerate with
 *   node --import tsx main/import/generateSeeds.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Node } from "prosemirror-model";
import { parse, serialize, type ProtokollFile } from "../schemas/file.js";
import { numberedItems } from "../schemas/numbering.js";
import { importDocument } from "../main/import/importDocument.js";
import { slugOf } from "../main/import/generateSeeds.js";

const dir = import.meta.dirname;
const seeds = readdirSync(dir)
  .filter((n) => n.endsWith(".protokoll"))
  .sort();

function seed(prefix: string): ProtokollFile {
  const name = seeds.find((n) => n.startsWith(`${prefix}-`));
  if (!name) throw new Error(`seeds/${prefix}-*.protokoll is missing`);
  const r = parse(readFileSync(join(dir, name), "utf8"));
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join("; "));
  return r.file;
}

/** The § numbers holding each block of `type`, once per block. */
function itemsWith(file: ProtokollFile, type: string): number[] {
  const out: number[] = [];
  for (const i of numberedItems(file.doc, file.meta))
    i.node.descendants((n) => {
      if (n.type.name === type) out.push(i.number);
      return true;
    });
  return out;
}

function texts(doc: Node, type: string): string[] {
  const out: string[] = [];
  doc.descendants((n) => {
    if (n.type.name === type) out.push(n.textContent);
    return true;
  });
  return out;
}

const personNameIn = (f: ProtokollFile, id: string | null | undefined) => f.meta.persons.find((p) => p.id === id)?.name;

describe("the seeds hold what their source documents say (checked by hand against each .txt)", () => {
  it("002 is Socialnämnden's protocol of 2020-08-25 with §§ 1–16", () => {
    const f = seed("002");
    expect(f.kind).toBe("protokoll");
    expect(f.meta.body.name).toBe("Socialnämnden");
    expect(f.meta.meeting.date).toBe("2020-08-25");
    const items = numberedItems(f.doc, f.meta);
    expect(items.map((i) => i.number)).toEqual(Array.from({ length: 16 }, (_, k) => k + 1));
    expect(items[0]!.node.firstChild!.textContent).toBe("Godkännande av dagordning");
    expect(items[8]!.node.firstChild!.textContent).toBe("Månadsrapport för juli månad 2020");
    expect(items[15]!.node.firstChild!.textContent).toBe("Skrivelse från (V) om frågan om sexköp");
  });

  it("002 has a Dnr on §§ 5–14, reservations in §§ 5 and 7, särskilda uttalanden in §§ 8, 13 and 14 (two), ersättaryttranden in §§ 5, 7, 8, 13 and 14", () => {
    const f = seed("002");
    expect(itemsWith(f, "dnr")).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(itemsWith(f, "reservation")).toEqual([5, 7]);
    expect(itemsWith(f, "special_statement")).toEqual([8, 13, 14, 14]);
    expect(itemsWith(f, "substitute_statement")).toEqual([5, 7, 8, 13, 14]);
  });

  const answers: [string, { dnr: string | null; number: string | null; date: string; signatory: string; questions: number; first: string; last: string }][] = [
    ["000", { dnr: "KS 2021/1069", number: null, date: "2022-01-05", signatory: "Jan Jönsson", questions: 4, first: "Vilka åtgärder ämnar borgarrådet att vidta", last: "Hur planerar borgarrådet inför den sociala skuld" }],
    ["001", { dnr: "KS 2022/65", number: null, date: "2022-03-22", signatory: "Jan Jönsson", questions: 3, first: "Har staden kunskap kring hur det ser ut idag", last: "Planeras några särskilda insatser för att öka tilliten" }],
    ["003", { dnr: null, number: "2008:50", date: "2009-02-10", signatory: "Ulf Kristersson", questions: 4, first: "Vilka åtgärder kommer ni att vidta", last: "Hur kan sänkt skatt bidra till högre kvalitet inom socialtjänsten?" }],
    ["004", { dnr: "KS 2019/358", number: "2019:11", date: "2019-04-03", signatory: "Anna König Jerlmyr", questions: 5, first: "Finns handlingsplanen för att förbättra", last: "Hur ser du på de utvecklingsområden" }],
  ];
  for (const [prefix, facts] of answers)
    it(`${prefix} is an answer to an interpellation with its ${facts.questions} questions, Dnr or number, date and signatory`, () => {
      const f = seed(prefix);
      expect(f.kind).toBe("interpellationssvar");
      expect(f.meta.interpellation).toMatchObject({ dnr: facts.dnr, number: facts.number, date: facts.date });
      expect(personNameIn(f, f.meta.interpellation!.signatory)).toBe(facts.signatory);
      const questions = texts(f.doc, "ip_question");
      expect(questions).toHaveLength(facts.questions);
      expect(questions[0]).toContain(facts.first);
      expect(questions.at(-1)).toContain(facts.last);
    });
});

describe("seeds/ stay in step with the importer", () => {
  it("holds the five documents, each with its source text beside it", () => {
    expect(seeds).toHaveLength(5);
    for (const s of seeds) expect(readdirSync(dir)).toContain(s.replace(/\.protokoll$/, ".txt"));
  });

  for (const name of seeds) {
    it(`${name} equals a fresh import of its .txt and is named after its content`, async () => {
      const source = new Uint8Array(readFileSync(join(dir, name.replace(/\.protokoll$/, ".txt"))));
      const fresh = await importDocument(source, name);
      if (!fresh.ok) throw new Error(fresh.error);
      const checkedIn = readFileSync(join(dir, name), "utf8");
      expect(serialize(fresh.file)).toBe(checkedIn);
      expect(name).toBe(`${name.slice(0, 3)}-${slugOf(fresh.file)}.protokoll`);
    });

    it(`${name} round-trips: parse → serialize gives the same bytes`, () => {
      const text = readFileSync(join(dir, name), "utf8");
      const parsed = parse(text);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      expect(serialize(parsed.file)).toBe(text);
    });
  }
});
