import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, serialize } from "../../schemas/file.js";
import { validateFile } from "../../schemas/rules/index.js";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { createHandlers } from "./createHandlers.js";

const persons = [
  { id: "eb", name: "Eva Berg", party: "S", role: "member" as const },
  { id: "ae", name: "Anna Ek", party: "M", role: "member" as const },
];
const kf = (date: string, text: string) =>
  createFile(
    "protokoll",
    { body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" }, meeting: { date }, persons },
    b.protocol(b.item({ id: "p1", title: "Interpellationer" }, b.decision(text))),
  );
const answer = createFile(
  "interpellationssvar",
  {
    body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
    persons,
    interpellation: {
      number: "2025:3",
      interpellant: "eb",
      addressee: "ae",
      signatory: "ae",
      place: "Kommunhuset",
      date: "2025-03-20",
      asked: "2025-01-27",
      meeting: "2025-03-24",
    },
  },
  b.answerDoc("Svar på interpellation om parkerna", b.question("Vad görs?"), b.p("Det görs.")),
);

describe("the rule context the host builds from the workspace", () => {
  it("gives fullmäktige's meeting dates and the answers, and the rules that need them speak", async () => {
    const root = mkdtempSync(join(tmpdir(), "rulectx-"));
    writeFileSync(
      join(root, "kf-jan.protokoll"),
      serialize(kf("2025-01-27", "Inga interpellationer.")),
    );
    writeFileSync(
      join(root, "kf-feb.protokoll"),
      serialize(kf("2025-02-24", "Inga interpellationer.")),
    );
    const march = kf("2025-03-24", "Inga interpellationer.");
    writeFileSync(join(root, "kf-mar.protokoll"), serialize(march));
    writeFileSync(join(root, "svar.protokoll"), serialize(answer));
    writeFileSync(join(root, "trasig.protokoll"), "{ inte ett dokument");
    const h = createHandlers(workspaceHostEnv(new Workspace(root)));
    const r = await h.ruleContext({});
    if (!r.ok) throw new Error(r.error);
    expect(r.meetingDates).toEqual(["2025-01-27", "2025-02-24", "2025-03-24"]);
    expect(r.answers).toEqual([
      {
        number: "2025:3",
        title: "Svar på interpellation om parkerna",
        interpellant: "Eva Berg",
        meetingDate: "2025-03-24",
      },
    ]);
    expect(validateFile(march, r).filter((p) => p.rule === "fullmaktige-questions").length).toBe(1);
    expect(
      validateFile(answer, r)
        .filter((p) => p.rule === "interpellation-timing")
        .map((p) => p.message),
    ).toEqual([
      "Interpellationen ställdes 27 januari 2025 och bör besvaras vid närmast följande sammanträde, 24 februari 2025; den besvaras 24 mars 2025.",
    ]);
  });
});
