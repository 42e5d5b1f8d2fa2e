import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { agendaEntries } from "../../schemas/agenda/agendaEntries.js";
import { parse } from "../../schemas/file.js";
import { projectRoot } from "../files/projectRoot.js";
import { runCapturing } from "./runCapturing.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-cli-agenda-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const corpus =
  [join(projectRoot(), "../shared/corpus"), join(projectRoot(), "../../shared/corpus")].find((d) =>
    existsSync(d),
  ) ?? "";
const paper = (n: string) => join(corpus, "case-papers", n);

const REPORT = `TJÄNSTESKRIVELSE
Dnr KS 2031/7

Kommunstyrelsen

Riktlinjer för
lokalbokning
Förslag till beslut
Kommunstyrelsen antar riktlinjerna.

Sammanfattning
Riktlinjerna ersätter de gamla.

Beslutet skickas till
Fritidsförvaltningen
`;

describe("protokoll import --agenda and protokoll from-agenda", () => {
  it("imports several tjänsteskrivelser into a kallelse, adds more to it, and creates its protocol", async () => {
    const kallelse = join(dir, "kallelse.protokoll");
    const r = await runCapturing([
      "import",
      paper("37_a_tjskr_fisksatraskolan_nedlaggning.pdf"),
      paper("38_a_tjskr_fisksatra_overlatelse_fastighet.txt"),
      "--agenda",
      kallelse,
    ]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("[2/2]");
    expect(r.out).toContain("2 ärenden");
    const first = parse(readFileSync(kallelse, "utf8"));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.file.kind).toBe("kallelse");
    expect(first.file.meta.body.name).toBe("Kommunstyrelsen");
    expect(agendaEntries(first.file.doc).map((e) => e.dnr)).toEqual([
      "KFKS 2019/475",
      "KFKS 2019/476",
    ]);

    // a third one added to the same kallelse, with its recipients carried
    const text = join(dir, "ts.txt");
    writeFileSync(text, REPORT);
    const again = await runCapturing(["import", text, "--agenda", kallelse]);
    expect(again.code, again.err).toBe(0);
    const second = parse(readFileSync(kallelse, "utf8"));
    if (!second.ok) throw new Error("not readable");
    const entries = agendaEntries(second.file.doc);
    expect(entries.map((e) => e.title)).toHaveLength(3);
    expect(entries[2]!.recipients).toEqual(["Fritidsförvaltningen"]);

    const protocol = join(dir, "protokoll.protokoll");
    const p = await runCapturing(["from-agenda", kallelse, "-o", protocol]);
    expect(p.code, p.err).toBe(0);
    expect(p.out).toContain("3 beslut to confirm");
    const made = parse(readFileSync(protocol, "utf8"));
    if (!made.ok) throw new Error("not readable");
    const titles: string[] = [];
    made.file.doc.forEach((n) => void titles.push(n.firstChild!.textContent));
    expect(titles.slice(3)).toEqual(entries.map((e) => e.title));
    // never overwritten without --force
    expect((await runCapturing(["from-agenda", kallelse, "-o", protocol])).code).toBe(1);

    // validate reports the unconfirmed beslut
    const v = await runCapturing(["validate", protocol, "--json"]);
    expect(v.out).toContain("decision-unconfirmed");
  });

  it("refuses what is not a tjänsteskrivelse or not a kallelse, with a message in English and Swedish", async () => {
    const junk = join(dir, "junk.txt");
    writeFileSync(junk, "Hej\nDetta är ingen tjänsteskrivelse.\n");
    const r = await runCapturing(["import", junk, "--agenda", join(dir, "x.protokoll")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Förslag till beslut/);
    expect(existsSync(join(dir, "x.protokoll"))).toBe(false);
    const notKallelse = await runCapturing([
      "from-agenda",
      join(projectRoot(), "seeds", "002-socialnamnden-2020-08-25.protokoll"),
      "-o",
      join(dir, "y.protokoll"),
    ]);
    expect(notKallelse.code).toBe(2);
    expect(notKallelse.err).toMatch(/Not a kallelse \/ Inte en kallelse|Not a kallelse/);
    expect((await runCapturing(["from-agenda"])).code).toBe(2);
  });
});
