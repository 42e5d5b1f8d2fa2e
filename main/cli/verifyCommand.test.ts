import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, serialize } from "../../schemas/file.js";
import { numberedItems } from "../../schemas/numbering.js";
import { adjust, immediateAdjust } from "../../schemas/review/adjust.js";
import { approveItem } from "../../schemas/review/approvals.js";
import { recordCorrection } from "../../schemas/review/recordCorrection.js";
import { sendForReview } from "../../schemas/review/reviewStatus.js";
import { adjustedSample, must, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { replaceInItem } from "../../schemas/review/textEdits.js";
import { runCapturing } from "./runCapturing.js";


const adjusted = () => adjustedSample();

const dir = mkdtempSync(join(tmpdir(), "protokoll-verify-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const run = (...args: string[]) => runCapturing(["verify", ...args]);

describe("protokoll verify", () => {
  it("says a justerad file is unchanged and exits 0, without touching the file", async () => {
    const f = adjusted();
    const path = write("justerat.protokoll", serialize(f));
    const before = readFileSync(path);
    const r = await run(path);
    expect(r.code).toBe(0);
    expect(r.out).toContain("OK: unchanged since justering / oförändrat sedan justeringen");
    expect(r.out).toContain(`Seal / Sigill (SHA-256): ${f.meta.seal!.sha256}`);
    expect(r.out).toContain("Rättelser / Corrections: none / inga");
    expect(r.out).toContain("Justerad / Adjusted: 2020-08-31T14:00, av / by Jan Jönsson, Linnéa Vinge");
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("says a file whose text was changed after justering is CHANGED and exits 1", async () => {
    const text = serialize(adjusted());
    expect(text).toContain("Dagordningen godkänns.");
    const path = write("andrat.protokoll", text.replace("Dagordningen godkänns.", "Dagordningen godkänns ej."));
    const r = await run(path);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^CHANGED since justering: the seal does not match the content \/ ÄNDRAT sedan justeringen/);
    expect(r.out).toContain("Recomputed / Beräknat sigill:");
  });

  it("lists the rättelser of a corrected file and exits 0", async () => {
    const f = adjusted();
    const c = must(recordCorrection(f, { newDoc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden"), what: "”ytterstaden” ändrat till ”innerstaden”.", why: "Skrivfel.", by: "Sara Karlsson", at: "2020-09-03T08:30" }));
    const r = await run(write("rattat.protokoll", serialize(c)));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Rättelser / Corrections: 1");
    expect(r.out).toContain("1. 2020-09-03T08:30 Sara Karlsson (§ 5): ”ytterstaden” ändrat till ”innerstaden”. (Skäl / Reason: Skrivfel.)");
  });

  it("says a draft is not justerad and exits 1, reporting a § justerad at the meeting", async () => {
    const draft = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    const r = await run(write("utkast.protokoll", serialize(draft)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^NOT JUSTERAD.* \/ INTE JUSTERAT/);
    expect(r.out).toContain("§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: unchanged / oförändrad");
  });

  it("accepts a § justerad at the meeting that was later changed by a recorded rättelse, but not one changed without", async () => {
    let f = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    f = must(sendForReview(f, "Sara Karlsson", "2020-08-26T09:00"));
    for (const item of ["p1", "p2", "p3", "p5", "p6"]) for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, "2020-08-30T10:00"));
    f = must(adjust(f, ["jj", "lv"], "2020-08-31T14:00"));
    const ok = await run(write("omedelbar.protokoll", serialize(f)));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: unchanged / oförändrad");
    const corrected = must(recordCorrection(f, { newDoc: replaceInItem(f.doc, "p4", "månadsrapporten", "månadsrapporten för augusti"), what: "Månaden tillagd.", why: "Förtydligande.", by: "Sara Karlsson", at: "2020-09-02T09:00" }));
    const r = await run(write("omedelbar-rattad.protokoll", serialize(corrected)));
    expect(r.code).toBe(0);
    expect(r.out).toContain("§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: changed by a recorded rättelse / ändrad genom rättelse");
    const draft = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    const tampered = await run(write("omedelbar-andrad.protokoll", serialize({ ...draft, doc: replaceInItem(draft.doc, "p4", "godkänner", "avslår") })));
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain("§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: CHANGED / ÄNDRAD");
  });

  it("exits 2 for a missing file, a folder, a non-protocol and bad usage, in English and Swedish", async () => {
    const missing = await run(join(dir, "finns-inte.protokoll"));
    expect(missing).toMatchObject({ code: 2, err: `File not found / Filen finns inte: ${join(dir, "finns-inte.protokoll")}` });
    mkdirSync(join(dir, "mapp"));
    expect((await run(join(dir, "mapp"))).err).toMatch(/^Is a folder, not a file \/ Är en mapp/);
    const junk = await run(write("skrap.protokoll", "{ inte json"));
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/^Not a readable protocol file \/ Inte en läsbar protokollfil/);
    expect((await run()).code).toBe(2);
    expect((await run("--bogus", "x")).err).toMatch(/Unknown option \/ Okänt alternativ: --bogus/);
    expect((await run("x", "--today", "31/8")).code).toBe(2);
  });

  it("gives machine-readable JSON and the deadlines for a given day", async () => {
    const path = write("json.protokoll", serialize(adjusted()));
    const r = await run(path, "--json", "--today", "2020-09-01");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ result: "unchanged", status: "adjusted", canonical: true, adjustedAt: "2020-08-31T14:00", deadlines: { noticeBy: "2020-09-02", appealEnds: "2020-09-23" } });
    const text = await run(path, "--today", "2020-09-01");
    expect(text.out).toContain("Anslag på anslagstavlan senast onsdag den 2 september 2020 (1 dag kvar).");
  });

  it("justerar the real Socialnämnden protocol of 25 August 2020 (seed 002), verifies it, and notices a one-word change", async () => {
    const root = join(import.meta.dirname, "../..");
    const name = readdirSync(join(root, "seeds")).find((n) => n.startsWith("002-") && n.endsWith(".protokoll"));
    expect(name, "seeds/002-*.protokoll").toBeDefined();
    const parsed = parse(readFileSync(join(root, "seeds", name!), "utf8"));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    let f = must(sendForReview(parsed.file, "Sekreteraren", "2020-08-26T09:00"));
    const signers = [f.meta.chair!, ...f.meta.adjusters];
    for (const i of numberedItems(f.doc, f.meta)) for (const who of signers) f = must(approveItem(f, i.id, who, "2020-08-31T10:00"));
    f = must(adjust(f, signers, "2020-08-31T14:00"));
    const path = write("002.protokoll", serialize(f));
    const r = await run(path, "--today", "2020-09-01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Justerat måndag den 31 augusti 2020.");
    expect(r.out).toContain("Överklagandetiden går ut senast onsdag den 23 september 2020");
    const text = readFileSync(path, "utf8");
    const word = /"text": "[^"]*\b(beslutar)\b/.exec(text);
    expect(word).not.toBeNull();
    const changed = write("002-andrad.protokoll", text.slice(0, word!.index) + word![0].replace(/beslutar$/, "beslutade") + text.slice(word!.index + word![0].length));
    expect((await run(changed)).code).toBe(1);
  });

  it("runs as a real process with the documented exit codes", () => {
    const good = write("proc.protokoll", serialize(adjusted()));
    const bad = write("proc-bad.protokoll", readFileSync(good, "utf8").replace("Anmälan läggs", "Anmälan lades"));
    const cli = (p: string) => spawnSync(process.execPath, ["bin/protokoll.mjs", "verify", p], { encoding: "utf8", cwd: join(import.meta.dirname, "../..") });
    expect(cli(good)).toMatchObject({ status: 0, stdout: expect.stringContaining("OK: unchanged") });
    expect(cli(bad)).toMatchObject({ status: 1, stdout: expect.stringContaining("CHANGED since justering") });
    expect(cli(join(dir, "nej.protokoll"))).toMatchObject({ status: 2, stderr: expect.stringContaining("File not found / Filen finns inte") });
  });
});
