import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { templates } from "../../templates/index.js";
import { parse, serialize } from "../file.js";
import { renderDocument } from "../render/renderDocument.js";
import { runsText, type Block } from "../render/renderModel.js";
import { validateFile } from "../rules/index.js";
import { agendaEntries } from "./agendaEntries.js";
import { agendaEntry } from "./agendaEntry.js";
import { AGENDA_APPROVAL_TITLE, fromAgenda, ROLL_CALL_TITLE } from "./fromAgenda.js";
import { latestBefore } from "./summonsDeadline.js";
import { ADJUSTMENT_ITEM_TITLE } from "../openingItems.js";
import { testKallelse } from "./testKallelse.testkit.js";

const text = (blocks: Block[]): string =>
  blocks
    .map((b) => {
      switch (b.type) {
        case "heading":
        case "paragraph":
          return runsText(b.runs);
        case "list":
          return b.items.map((i) => text(i)).join("\n");
        case "quote":
          return text(b.blocks);
        case "table":
          return b.rows.map((r) => r.join(" | ")).join("\n");
        case "signatures":
          return b.signers.map((s) => `${s.role}: ${s.name}`).join("\n");
        default:
          return "";
      }
    })
    .join("\n");

describe("the kallelse in the file format", () => {
  it("reads back exactly what was written, entries with their flags", () => {
    const k = testKallelse();
    const back = parse(serialize(k));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(serialize(back.file)).toBe(serialize(k));
    const entries = agendaEntries(back.file.doc);
    expect(entries.map((e) => [e.number, e.title, e.withdrawn, e.extra, e.information])).toEqual([
      [1, "Budget för nästa år", false, false, false],
      [2, "Redovisning av delegationsbeslut", false, false, true],
      [3, "Motion om parkbänkar", true, false, false],
      [4, "Yttrande över remiss", false, true, false],
    ]);
    expect(entries[0]!.proposal).toHaveLength(2);
    expect(entries[0]!.recipients).toEqual(["Ekonomienheten"]);
    expect(back.file.meta.summons?.absenceTo).toMatch(/nämndsekreteraren/);
  });

  it("refuses a kallelse that claims to be a protocol, and a protocol of ärenden", () => {
    const json = JSON.parse(serialize(testKallelse())) as Record<string, unknown>;
    const r = parse(JSON.stringify({ ...json, kind: "protokoll" }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe("kind");
  });

  it("leaves the canonical form of the existing seed files unchanged", () => {
    const dir = join(import.meta.dirname, "../../seeds");
    const files = readdirSync(dir).filter((f) => f.endsWith(".protokoll"));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = readFileSync(join(dir, f), "utf8");
      const r = parse(raw);
      expect(r.ok).toBe(true);
      if (r.ok) expect(serialize(r.file).trimEnd()).toBe(raw.trimEnd());
      // the parsed form does not gain keys for the new optional fields
      expect(raw).not.toMatch(/"summons"|"unconfirmed"|"summonsDays"/);
      if (r.ok) expect(serialize(r.file)).not.toMatch(/"summons"|"unconfirmed"|"summonsDays"/);
    }
  });

  it("has a template per body whose new kallelse is well-formed and of kind kallelse", () => {
    const ids = Object.keys(templates).filter((id) => id.startsWith("kallelse-"));
    expect(ids.sort()).toEqual([
      "kallelse-kommunfullmaktige",
      "kallelse-kommunstyrelse",
      "kallelse-socialnamnd",
    ]);
    for (const id of ids) {
      const file = templates[id]!.create({ date: "2030-02-01" });
      expect(file.kind).toBe("kallelse");
      expect(parse(serialize(file)).ok).toBe(true);
    }
    expect(templates["kallelse-kommunfullmaktige"]!.create().meta.body.type).toBe(
      "kommunfullmäktige",
    );
  });
});

describe("summons-timing", () => {
  it("warns when the kallelse is dated later than the reglemente's days before the meeting, counted backwards", () => {
    const late = testKallelse(undefined, { summons: { issued: "2030-01-17" } });
    const p = validateFile(late).filter((x) => x.rule === "summons-timing");
    expect(p).toHaveLength(1);
    expect(p[0]!.severity).toBe("warning");
    expect(p[0]!.message).toMatch(/senast den 15 januari 2030/);
    expect(validateFile(testKallelse()).filter((x) => x.rule === "summons-timing")).toEqual([]);
    // the days are the reglemente's
    const strict = testKallelse(undefined, {
      body: { name: "Testnämnden", type: "nämnd", reglemente: { summonsDays: 14 } },
    });
    expect(validateFile(strict).filter((x) => x.rule === "summons-timing")[0]?.message).toMatch(
      /senast den 6 januari 2030/,
    );
  });

  it("counts a week before a meeting backwards even over a weekend (no move to the next vardag)", () => {
    // Meeting Sunday 2030-01-13 → a week before is Sunday 2030-01-06 (trettondedag jul), not a later vardag.
    expect(latestBefore("2030-01-13", 7)).toBe("2030-01-06");
    expect(latestBefore("2030-03-01", 7)).toBe("2030-02-22");
  });
});

describe("fromAgenda", () => {
  const protocol = fromAgenda(testKallelse());
  const titles: string[] = [];
  protocol.doc.forEach((n) => void titles.push(n.firstChild!.textContent));

  it("opens with upprop, val av justerare and dagordning, then one § per ärende that does not utgå", () => {
    expect(titles).toEqual([
      ROLL_CALL_TITLE,
      ADJUSTMENT_ITEM_TITLE,
      AGENDA_APPROVAL_TITLE,
      "Budget för nästa år",
      "Redovisning av delegationsbeslut",
      "Yttrande över remiss",
    ]);
    expect(protocol.kind).toBe("protokoll");
    expect(parse(serialize(protocol)).ok).toBe(true);
  });

  it("records the ärende that utgår and the extra ärende in the dagordning §", () => {
    const dagordning = protocol.doc.child(2).textContent;
    expect(dagordning).toMatch(/Ärende 3, ”Motion om parkbänkar” \(SN 2030\/2\), utgår\./);
    expect(dagordning).toMatch(
      /Extra ärende: ”Yttrande över remiss” \(SN 2030\/3\) läggs till dagordningen\./,
    );
    expect(
      fromAgenda(testKallelse([agendaEntry({ title: "Ett ärende", proposal: ["Bifall."] })]))
        .doc.child(2)
        .child(1).textContent,
    ).toBe("Den utsända dagordningen godkänns.");
  });

  it("carries title, Dnr, the förslag as beslut points, the underlag and the recipients", () => {
    const budget = protocol.doc.child(3);
    expect(budget.child(1).textContent).toBe("SN 2030/1");
    const decision = budget.child(2);
    expect(decision.type.name).toBe("decision");
    expect(decision.childCount).toBe(2);
    expect(decision.child(0).textContent).toBe("Nämnden antar budgeten.");
    expect(budget.textContent).toMatch(/BeslutsunderlagTjänsteskrivelse 2030-01-02/);
    let recipients = "";
    budget.forEach((b) => void (b.type.name === "distribution" && (recipients = b.textContent)));
    expect(recipients).toBe("Ekonomienheten");
    expect(protocol.doc.child(4).child(1).textContent).toBe(
      "Informationen läggs till handlingarna.",
    );
  });

  it("takes the called ledamöter as serving and the ersättare as present", () => {
    expect(protocol.meta.attendance.map((a) => [a.person, a.status])).toEqual([
      ["o", "serving"],
      ["l", "serving"],
      ["e", "present"],
    ]);
    expect(protocol.meta.chair).toBe("o");
    expect(protocol.meta.secretary).toBe("s");
  });

  it("validates with the beslut of every ärende reported as not confirmed, and nothing more about the ärenden", () => {
    const problems = validateFile(protocol);
    const unconfirmed = problems.filter((p) => p.rule === "decision-unconfirmed");
    expect(unconfirmed.map((p) => p.message.slice(0, 5))).toEqual(["§ 4: ", "§ 5: ", "§ 6: "]);
    expect(unconfirmed.every((p) => p.severity === "error")).toBe(true);
    // the other errors are about the meeting facts still to be written (justerare), never the §§ made from the ärenden
    const others = problems.filter(
      (p) => p.severity === "error" && p.rule !== "decision-unconfirmed",
    );
    const itemIds = new Set(["p-a1", "p-a2", "p-a4"]);
    expect(others.filter((p) => p.item && itemIds.has(p.item))).toEqual([]);
    // confirming a beslut removes its problem
    const confirmed = { ...protocol, meta: { ...protocol.meta, unconfirmed: ["p-a2", "p-a4"] } };
    expect(validateFile(confirmed).filter((p) => p.rule === "decision-unconfirmed")).toHaveLength(
      2,
    );
  });
});

describe("rendering the kallelse", () => {
  it("prints the meeting, who is called, absence, and the ärenden with their förslag", () => {
    const r = renderDocument(testKallelse(), { output: "full" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = text(r.rendered.blocks);
    expect(r.rendered.header?.center).toBe("Kallelse");
    expect(t).toMatch(/söndag den 20 januari 2030/);
    expect(t).toMatch(/Lisa Ledamot \| B \| ledamot/);
    expect(t).toMatch(/Erik Ersättare \| A \| ersättare/);
    expect(t).toMatch(/Anmälan om förhinder: nämndsekreteraren/);
    expect(t).toMatch(
      /1\. Budget för nästa år\nDnr SN 2030\/1\nFörslag till beslut\nNämnden antar budgeten\./,
    );
    expect(t).toMatch(/3\. Motion om parkbänkar\nUtgår/);
    expect(t).toMatch(/4\. Yttrande över remiss\nExtra ärende/);
  });

  it("makes the anslag of a fullmäktige meeting with the latest posting day a week before, and refuses it for a nämnd", () => {
    const kf = testKallelse(undefined, {
      body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
      summons: {},
    });
    const r = renderDocument(kf, { output: "notice" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = text(r.rendered.blocks);
    expect(t).toMatch(/Anslaget uppsatt \| senast 13 januari 2030/);
    expect(t).toMatch(/Budget för nästa år \(SN 2030\/1\)/);
    expect(t).toMatch(/Motion om parkbänkar \(SN 2030\/2\) – utgår/);
    const nämnd = renderDocument(testKallelse(), { output: "notice" });
    expect(nämnd.ok).toBe(false);
  });
});

describe("the export gate of a kallelse", () => {
  it("lets a kallelse out as official once it is sent (its sending date recorded), and says why not before", async () => {
    const { statusGates } = await import("../render/officialStatus.js");
    const file = templates["kallelse-kommunfullmaktige"]!.create({ date: "2030-02-01" });
    const before = statusGates.kallelse(file, "full", []);
    expect(before?.sv).toMatch(
      /^Kallelsen kan inte exporteras som officiell förrän den är skickad/,
    );
    expect(before?.en).toMatch(/until it is sent/);
    file.meta.summons = { issued: "2030-01-20" };
    expect(statusGates.kallelse(file, "full", [])).toBeNull();
    expect(statusGates.kallelse(file, "public", [])).toBeNull();
  });

  it("does not hold fullmäktige's tillkännagivande back until the kallelse is sent", async () => {
    const { statusGates } = await import("../render/officialStatus.js");
    const file = templates["kallelse-kommunfullmaktige"]!.create({ date: "2030-02-01" });
    expect(statusGates.kallelse(file, "notice", [])).toBeNull();
    expect(statusGates.kallelse(file, "public", [])).not.toBeNull();
  });
});
