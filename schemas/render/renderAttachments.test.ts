import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import type { Attachment } from "../attachments.js";
import { protocolFile } from "../rules/testBuilder.testkit.js";
import { renderDocument } from "./renderDocument.js";
import { runsText, type Block } from "./renderModel.js";

const sha = "f".repeat(64);
const att = (id: string, title: string, item?: string): Attachment => ({
  id,
  title,
  file: `bilagor/${id}.pdf`,
  sha256: sha,
  ...(item ? { item } : {}),
});

function file() {
  return protocolFile(
    [
      b.item({ id: "p1", title: "Val av justerare" }, b.decision("Linda Vall utses.")),
      b.item(
        { id: "p2", title: "Placering av barn", confidential: "OSL 26 kap. 1 §" },
        b.decision("Beslut enligt förslaget."),
      ),
      b.item({ id: "p3", title: "Motion" }, b.decision("Motionen avslås.")),
    ],
    {
      attachments: [
        att("s", "Utredning om familjen Hemlig", "p2"),
        att("v", "Voteringslista", "p3"),
        att("n", "Närvarolista"),
      ],
    },
  );
}

/** Every line of text of the rendered blocks, tables as "cell | cell". */
function lines(blocks: Block[]): string[] {
  return blocks.flatMap((bl): string[] => {
    switch (bl.type) {
      case "heading":
      case "paragraph":
        return [runsText(bl.runs)];
      case "table":
        return bl.rows.map((r) => r.join(" | "));
      case "list":
        return bl.items.flatMap(lines);
      case "quote":
        return lines(bl.blocks);
      default:
        return [];
    }
  });
}

const render = (output: "full" | "public" | "extract" | "notice", items?: string[]) => {
  const r = renderDocument(file(), { output, items });
  if (!r.ok) throw new Error(r.error);
  return lines(r.rendered.blocks);
};

describe("bilagor in the render model", () => {
  it("the full protocol lists every bilaga at the end, and each § its own", () => {
    const all = render("full");
    expect(all).toEqual(
      expect.arrayContaining([
        "Bilaga 1 | Närvarolista | Hela protokollet",
        "Bilaga 2 | Utredning om familjen Hemlig | § 2",
        "Bilaga 3 | Voteringslista | § 3",
      ]),
    );
    const own = all.indexOf("Bilaga 3 – Voteringslista");
    expect(own).toBeGreaterThan(all.indexOf("Motionen avslås."));
    expect(own).toBeLessThan(all.indexOf("Bilaga 1 | Närvarolista | Hela protokollet"));
  });

  it("the public version leaves out the bilagor of a § with sekretess, title and all", () => {
    const pub = render("public").join("\n");
    expect(pub).not.toContain("Hemlig");
    expect(pub).toContain("Bilaga 3 | Voteringslista | § 3");
    expect(pub).toContain("Bilaga 1 | Närvarolista | Hela protokollet");
  });

  it("an extract lists only its §§' bilagor, the anslag none", () => {
    const extract = render("extract", ["p3"]).join("\n");
    expect(extract).toContain("Bilaga 3 | Voteringslista | § 3");
    expect(extract).not.toContain("Närvarolista");
    expect(render("notice").join("\n")).not.toMatch(/Bilaga \d/);
  });

  it("a protocol without bilagor prints no Bilagor heading", () => {
    const r = renderDocument(protocolFile(), { output: "full" });
    expect(r.ok && lines(r.rendered.blocks).filter((l) => /^Bilag/.test(l))).toEqual([]);
  });
});
