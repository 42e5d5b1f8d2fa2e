/**
 * Stable, portable file names for exports (the archive wants the same name for the same thing):
 * "socialnamnden_2020-08-25_protokoll.pdf", "…_utdrag_5-7.pdf", "…_anslag.pdf",
 * "…_offentlig.pdf", with "_UTKAST" for a draft.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import { itemNumbers } from "../../schemas/numbering.js";
import { sectionRange } from "../../schemas/render/renderDocument.js";

/** ASCII, lower case, words joined by "-": "Socialnämnden" → "socialnamnden". */
export function slug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

export function exportFileName(
  file: ProtokollFile,
  options: {
    format: "docx" | "pdf";
    output: "full" | "extract" | "notice" | "public";
    items?: string[];
    draft?: boolean;
  },
): string {
  const meta = file.meta;
  const date =
    file.kind === "interpellationssvar"
      ? (meta.interpellation?.date ?? meta.meeting.date)
      : meta.meeting.date;
  const base =
    file.kind === "interpellationssvar"
      ? ["interpellationssvar", meta.interpellation?.number ?? meta.interpellation?.dnr ?? ""]
      : [meta.body.name, date ?? ""];
  const parts = base.map(slug).filter(Boolean);
  if (file.kind === "interpellationssvar" && date) parts.push(date);
  if (file.kind === "protokoll") {
    if (options.output === "full") parts.push("protokoll");
    if (options.output === "extract") {
      const numbers = itemNumbers(file.doc, meta);
      const ns = (options.items ?? [])
        .map((id) => numbers.get(id))
        .filter((n): n is number => n !== undefined);
      parts.push(
        "utdrag",
        sectionRange(ns)
          .replace(/^§+\s*/, "")
          .replace(/–/g, "-")
          .replace(/,\s*/g, "_") || "x",
      );
    }
    if (options.output === "notice") parts.push("anslag");
  }
  // Kallelse (issue 18): "…_kallelse.pdf", "…_tillkannagivande.pdf", never a protocol's name.
  if (file.kind === "kallelse")
    parts.push(options.output === "notice" ? "tillkannagivande" : "kallelse");
  if (options.output === "public") parts.push("offentlig");
  if (options.draft) parts.push("UTKAST");
  return `${parts.join("_")}.${options.format}`;
}
