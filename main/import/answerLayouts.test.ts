/** Answers to interpellations in further layouts, on short answers written for the test. */
import { describe, expect, it } from "vitest";
import type { ProtokollFile } from "../../schemas/file.js";
import { importText } from "./importDocument.js";

const imported = (text: string): ProtokollFile => {
  const r = importText(text, "svar.txt");
  if (!r.ok) throw new Error(r.error);
  expect(r.file.kind).toBe("interpellationssvar");
  return r.file;
};
const questions = (f: ProtokollFile) => {
  const out: string[] = [];
  f.doc.descendants((n) => {
    if (n.type.name === "ip_question") out.push(n.textContent);
    return true;
  });
  return out;
};
const person = (f: ProtokollFile, id: string | null | undefined) =>
  f.meta.persons.find((p) => p.id === id);

const head = [
  "Svar på interpellation (2001:7) av Eva Ek (C) till kommunstyrelsens ordförande Per Lind (S) om parkerna",
  "",
  "Dnr KS 2001/70",
  "",
];

describe("answers to interpellations in further layouts", () => {
  it("reads numbered questions written inline in one paragraph", () => {
    const f = imported(
      [
        ...head,
        "Eva Ek har ställt följande frågor: 1. Hur sköts parkerna? 2. När rustas lekplatsen?",
        "",
        "Parkerna sköts av förvaltningen. Lekplatsen rustas i höst.",
        "",
        "Norrby den 3 maj 2001",
        "Per Lind",
      ].join("\n"),
    );
    expect(questions(f)).toEqual(["Hur sköts parkerna?", "När rustas lekplatsen?"]);
    expect(person(f, f.meta.interpellation?.signatory)?.name).toBe("Per Lind");
  });

  it("keeps the interpellation appended after the answer as prose, and finds the signature before it", () => {
    const f = imported(
      [
        ...head,
        "1. Hur sköts parkerna?",
        "2. När rustas lekplatsen?",
        "",
        "Parkerna sköts av förvaltningen. Lekplatsen rustas i höst.",
        "",
        "Norrby den 3 maj 2001",
        "Anna Berg",
        "Kommunalråd",
        "",
        "Interpellation av Eva Ek (C) om parkerna",
        "",
        "Parkerna är eftersatta. Jag vill fråga:",
        "",
        "1. Hur sköts parkerna?",
        "2. När rustas lekplatsen?",
      ].join("\n"),
    );
    expect(questions(f)).toHaveLength(2);
    const ip = f.meta.interpellation!;
    expect(ip.date).toBe("2001-05-03");
    // signed by someone else than the addressee, with a title on the last line
    expect(person(f, ip.signatory)).toMatchObject({ name: "Anna Berg", title: "kommunalråd" });
    expect(person(f, ip.addressee)?.name).toBe("Per Lind");
    expect(f.doc.textContent).toContain("Parkerna är eftersatta.");
  });
});
