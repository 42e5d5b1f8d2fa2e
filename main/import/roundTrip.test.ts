/**
 * An imported protocol can be exported (main/export) and opened, and what the exporter writes can
 * be imported again to the same structure: the importer reads this product's own DOCX and PDF.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../schemas/file.js";
import { exportDocument } from "../export/exportDocument.js";
import { importDocument } from "./importDocument.js";
import { outline } from "./testOutline.testkit.js";

const seed = (name: string) => {
  const p = parse(
    readFileSync(join(import.meta.dirname, "../../seeds", `${name}.protokoll`), "utf8"),
  );
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.file;
};

describe("import → export → import", () => {
  for (const name of ["002-socialnamnden-2020-08-25", "004-interpellationssvar-ks-2019-358"])
    for (const format of ["docx", "pdf"] as const)
      it(`${name} exported as ${format} (draft) imports again to the same §§, blocks and persons`, async () => {
        const original = seed(name);
        const exported = await exportDocument(original, { format, output: "full", draft: true });
        if (!exported.ok) throw new Error(exported.error);
        const again = await importDocument(exported.bytes, `${name}.${format}`);
        if (!again.ok) throw new Error(again.error);
        expect(again.file.kind).toBe(original.kind);
        expect(outline(again.file)).toEqual(outline(original));
        expect(again.file.meta.persons.map((p) => [p.name, p.party]).sort()).toEqual(
          original.meta.persons.map((p) => [p.name, p.party]).sort(),
        );
        if (original.kind === "protokoll") {
          expect(again.file.meta.body.name).toBe(original.meta.body.name);
          expect(again.file.meta.meeting.date).toBe(original.meta.meeting.date);
          expect(again.file.meta.adjustment.date).toBe(original.meta.adjustment.date);
        } else expect(again.file.meta.interpellation).toEqual(original.meta.interpellation);
        expect(again.file.doc.textContent).not.toContain("UTKAST");
      });
});
