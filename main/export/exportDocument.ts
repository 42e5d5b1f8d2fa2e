/**
 * The one entry point of the exporters, for the CLI, the app and the benchmark:
 * document → (gate) → render model → DOCX or PDF bytes and a stable file name.
 * Never throws: every failure comes back as a Swedish message.
 */
import type { ProtokollFile } from "../../schemas/file.js";
import { renderDocument, type RenderOptions } from "../../schemas/render/renderDocument.js";
import type { Problem } from "../../schemas/rules/problem.js";
import { exportGate, type StatusRefusal } from "./exportGate.js";
import { exportFileName } from "./exportFileName.js";
import { writeDocx } from "./writeDocx.js";
import { writePdf } from "./writePdf.js";

export interface ExportOptions {
  format: "docx" | "pdf";
  output: "full" | "extract" | "notice" | "public";
  /** agenda_item ids for extract */
  items?: string[];
  draft?: boolean;
  pdfa?: "2a" | "1b";
  /** (issue 15) The workspace's municipality profile (main/export/loadProfile.ts); none: as without a profile. */
  profile?: RenderOptions["profile"];
  onProgress?: (done: number, total: number) => void;
}

/**
 * A refusal by the gate carries either the rules' `problems` or, when the document's status does
 * not allow an official export (not justerat, not signed), `refused` with the reason in Swedish
 * and English.
 */
export type ExportResult =
  | { ok: true; bytes: Uint8Array; fileName: string }
  | { ok: false; error: string; problems?: Problem[]; refused?: StatusRefusal };

export async function exportDocument(
  file: ProtokollFile,
  options: ExportOptions,
): Promise<ExportResult> {
  try {
    if (!options.draft) {
      const gate = exportGate(
        file,
        options.output,
        options.output === "extract" ? (options.items ?? []) : undefined,
      );
      if (!gate.ok)
        return {
          ok: false,
          error: gate.error,
          problems: gate.problems,
          ...(gate.refused ? { refused: gate.refused } : {}),
        };
    }
    const r = renderDocument(file, {
      output: options.output,
      items: options.items,
      draft: options.draft,
      profile: options.profile ?? null,
    });
    if (!r.ok) return { ok: false, error: r.error };
    const bytes =
      options.format === "docx"
        ? await writeDocx(r.rendered, { onProgress: options.onProgress })
        : await writePdf(r.rendered, {
            pdfa: options.pdfa ?? "2a",
            onProgress: options.onProgress,
          });
    return { ok: true, bytes, fileName: exportFileName(file, options) };
  } catch (e) {
    return {
      ok: false,
      error: `Exporten misslyckades: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}
