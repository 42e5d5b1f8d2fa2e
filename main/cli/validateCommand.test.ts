import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { serialize } from "../../schemas/file.js";
import { answerFile, protocolFile } from "../../schemas/rules/testBuilder.testkit.js";
import { runCapturing } from "./runCapturing.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-validate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = (...args: string[]) => runCapturing(["validate", ...args]);

/** A protocol with one error in § 2 (a reservant who did not serve) and a warning in § 3 (a Dnr out of pattern). */
function faulty() {
  return protocolFile([
    b.item({ id: "p1", title: "Val av justerare" }, b.decision("Linda Vall utses att justera.")),
    b.item(
      { id: "p2", title: "Motion om kostnader" },
      b.decision("Motionen avslås."),
      b.reservation({ by: ["ar"] }),
    ),
    b.item(
      { id: "p3", title: "Anmälan", dnr: "se bilaga" },
      b.decision("Anmälan läggs till handlingarna."),
    ),
  ]);
}

describe("protokoll validate", () => {
  it("lists problems grouped by § with severity and rule, and exits 1 on errors, without touching the file", async () => {
    const path = write("fel.protokoll", serialize(faulty()));
    const before = readFileSync(path);
    const r = await run(path);
    expect(r.code).toBe(1);
    expect(r.out.split("\n")).toEqual([
      `Socialnämnden, 2020-08-25 — ${path}`,
      "§ 2 Motion om kostnader:",
      "  fel: Alva Rydén Berglöf tjänstgjorde inte när beslutet i § 2 fattades och kan därför inte reservera sig. (reservant-eligible; KL 4 kap. 27 §)",
      "§ 3 Anmälan:",
      "  varning: Diarienumret ”se bilaga” i § 3 följer inte nämndens mönster för diarienummer. (dnr-format)",
      "1 error(s), 1 warning(s) / 1 fel, 1 varning",
    ]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("exits 0 for a protocol without problems and for one with warnings only", async () => {
    const ok = await run(write("ok.protokoll", serialize(protocolFile())));
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain("OK: no problems / inga problem");
    const warn = await run(
      write("svar.protokoll", serialize(answerFile(undefined, { dnr: null }))),
    );
    expect(warn.code).toBe(0);
    expect(warn.out).toContain(
      "Svaret / The answer:\n  varning: Diarienummer (Dnr) för interpellationen saknas. (dnr-present)",
    );
  });

  it("gives machine-readable JSON with § numbers", async () => {
    const r = await run(write("json.protokoll", serialize(faulty())), "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ kind: "protokoll", errors: 1, warnings: 1 });
    expect(j.problems[0]).toMatchObject({
      rule: "reservant-eligible",
      severity: "error",
      item: "p2",
      itemNumber: 2,
      itemTitle: "Motion om kostnader",
      reference: "KL 4 kap. 27 §",
    });
    expect(j.problems[0].fix).toMatchObject({
      label: "Ta bort Alva Rydén Berglöf från reservationen",
      action: { type: "remove-person", attr: "reservants", person: "ar" },
    });
  });

  it("exits 2 with the reason in English and Swedish for a missing file, a folder, a non-protocol and bad usage", async () => {
    const missing = join(dir, "finns-inte.protokoll");
    expect(await run(missing)).toMatchObject({
      code: 2,
      err: `File not found / Filen finns inte: ${missing}`,
    });
    mkdirSync(join(dir, "mapp"));
    expect((await run(join(dir, "mapp"))).err).toBe(
      `Is a folder, not a file / Är en mapp, inte en fil: ${join(dir, "mapp")}`,
    );
    const junk = await run(write("skrap.protokoll", "{ inte json"));
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(
      /^Not a readable protocol file \/ Inte en läsbar protokollfil: .*\n {2}Filen är inte en protokollfil/,
    );
    const latin1 = await run(write("latin1.protokoll", "\xff\xfe"));
    expect(latin1.code).toBe(2);
    expect((await run()).err).toMatch(/^No file given \/ Ingen fil angiven/);
    expect((await run("--bogus", "x")).err).toMatch(/^Unknown option \/ Okänt alternativ: --bogus/);
    expect((await run("a", "b")).code).toBe(2);
  });

  it("runs as a real process on the imported seed 002 with the documented exit code", () => {
    const seed = join(import.meta.dirname, "../../seeds/002-socialnamnden-2020-08-25.protokoll");
    const r = spawnSync(process.execPath, ["bin/protokoll.mjs", "validate", seed], {
      encoding: "utf8",
      cwd: join(import.meta.dirname, "../.."),
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("§ 15 Anmälningsfrågor:\n  fel: § 15 saknar beslut.");
    // the adjustment-stated warning: the text says when justering is, not where
    expect(r.stdout).toContain("3 error(s), 1 warning(s) / 3 fel, 1 varning");
    const gone = spawnSync(
      process.execPath,
      ["bin/protokoll.mjs", "validate", join(dir, "nej.protokoll")],
      { encoding: "utf8", cwd: join(import.meta.dirname, "../..") },
    );
    expect(gone.status).toBe(2);
    expect(gone.stderr).toContain("File not found / Filen finns inte");
  });
});
