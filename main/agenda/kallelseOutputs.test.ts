/**
 * The kallelse's other outputs — the fullmäktige tillkännagivande and the public version — pass the
 * checks the protocol's outputs pass: valid DOCX (OOXML schema), tagged PDF/A-2a with embedded
 * fonts, qpdf, and Preflight for PDF/A-1b; and they say what they must (read back with pdftotext).
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { agendaEntry } from "../../schemas/agenda/agendaEntry.js";
import { testKallelse } from "../../schemas/agenda/testKallelse.testkit.js";
import { exportDocument } from "../export/exportDocument.js";
import { exportFileName } from "../export/exportFileName.js";
import {
  flat,
  ooxmlValidate,
  pdffonts,
  pdfinfo,
  pdftotext,
  preflightA1b,
  qpdfCheck,
  tempDir,
  write,
} from "../export/externalTools.testkit.js";

const dir = tempDir("protokoll-kallelse-");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const council = () => {
  const k = testKallelse(undefined, {
    body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
    summons: {},
  });
  return k;
};
const secret = () =>
  testKallelse([
    agendaEntry({
      id: "s1",
      title: "Placering av ett barn",
      confidential: "OSL 26 kap. 1 §",
      proposal: ["Nämnden beslutar om placering av 811218-9876."],
    }),
    agendaEntry({ id: "s2", title: "Budget", proposal: ["Budgeten antas."] }),
  ]);

describe("the kallelse's outputs", () => {
  it.each([
    [
      "notice",
      council,
      [
        "Tillkännagivande – Kommunfullmäktige",
        "Anslaget uppsatt senast 13 januari 2030",
        "Budget för nästa år (SN 2030/1)",
      ],
    ],
    [
      "public",
      secret,
      [
        "Kallelse – Testnämnden",
        "Ärendet omfattas av sekretess enligt OSL 26 kap. 1 §",
        "Budgeten antas.",
      ],
    ],
  ] as const)(
    "%s: valid DOCX, tagged PDF/A-2a with embedded fonts, qpdf, Preflight 1b, and its text",
    { timeout: 120_000 },
    async (name, make, wanted) => {
      const file = make();
      const o = { output: name, draft: false } as const;
      const docx = await exportDocument(file, { format: "docx", ...o });
      const pdf = await exportDocument(file, { format: "pdf", ...o });
      const pdf1b = await exportDocument(file, { format: "pdf", pdfa: "1b", ...o });
      if (!docx.ok || !pdf.ok || !pdf1b.ok)
        throw new Error(
          `export failed: ${[docx, pdf, pdf1b].map((r) => (r.ok ? "" : r.error)).join(" ")}`,
        );
      expect((await ooxmlValidate(write(dir, `${name}.docx`, docx.bytes))).errors).toEqual([]);
      const pdfPath = write(dir, `${name}.pdf`, pdf.bytes);
      expect(pdfinfo(pdfPath).Tagged).toBe("yes");
      expect(pdffonts(pdfPath).filter((f) => !f.embedded)).toEqual([]);
      expect(qpdfCheck(pdfPath).ok).toBe(true);
      const check = preflightA1b(write(dir, `${name}-1b.pdf`, pdf1b.bytes));
      expect(check.valid, check.output).toBe(true);
      const text = flat(pdftotext(pdfPath));
      for (const w of wanted) expect(text).toContain(flat(w));
      if (name === "public") {
        expect(text).not.toContain("811218-9876");
        expect(text).not.toContain("Placering av ett barn");
        expect(text).toContain("1. Sekretessbelagt ärende");
      }
    },
  );
});

describe("the kallelse's file names", () => {
  it("say kallelse or tillkännagivande, never the name of the meeting's protocol", () => {
    const k = council();
    expect(exportFileName(k, { format: "pdf", output: "full" })).toBe(
      "kommunfullmaktige_2030-01-20_kallelse.pdf",
    );
    expect(exportFileName(k, { format: "docx", output: "notice", draft: true })).toBe(
      "kommunfullmaktige_2030-01-20_tillkannagivande_UTKAST.docx",
    );
    expect(exportFileName(k, { format: "pdf", output: "public" })).toBe(
      "kommunfullmaktige_2030-01-20_kallelse_offentlig.pdf",
    );
  });
});
