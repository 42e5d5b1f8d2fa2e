/**
 * Generate `seeds/` from the real documents in ../shared/seeds with the importer:
 * `seeds/<NNN>-<slug>.protokoll` and, beside it, the source text as `seeds/<NNN>-<slug>.txt`.
 *   node --import tsx main/import/generateSeeds.ts [source folder] [target folder]
 * The slug comes from the document: "socialnamnden-2020-08-25", "interpellationssvar-ks-2021-1069".
 * seeds/seeds.test.ts checks that the checked-in seeds equal a fresh import of their .txt.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serialize, type ProtokollFile } from "../../schemas/file.js";
import { importDocument } from "./importDocument.js";

export function slugOf(file: ProtokollFile): string {
  const ascii = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
  if (file.kind === "interpellationssvar") {
    const ip = file.meta.interpellation;
    return ascii(`interpellationssvar ${ip?.dnr ?? ip?.number ?? ip?.date ?? ""}`);
  }
  return ascii(`${file.meta.body.name} ${file.meta.meeting.date ?? ""}`);
}

export async function generateSeeds(sourceDir: string, targetDir: string): Promise<string[]> {
  await mkdir(targetDir, { recursive: true });
  const written: string[] = [];
  for (const name of (await readdir(sourceDir))
    .filter((n) => /\.(txt|pdf|docx)$/i.test(n))
    .sort()) {
    const nnn = /^(\d{3})/.exec(name)?.[1] ?? String(written.length).padStart(3, "0");
    const bytes = new Uint8Array(await readFile(join(sourceDir, name)));
    const result = await importDocument(bytes, name);
    if (!result.ok) throw new Error(`${name}: ${result.error}`);
    const base = `${nnn}-${slugOf(result.file)}`;
    for (const [file, content] of [
      [`${base}.txt`, bytes],
      [`${base}.protokoll`, serialize(result.file)],
    ] as const) {
      await rm(join(targetDir, file), { force: true }); // the source copies may be read-only
      await writeFile(join(targetDir, file), content, { mode: 0o644 });
    }
    written.push(base);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(fileURLToPath(import.meta.url), "../../..");
  // the shared folder beside the checkout, or beside the folder of worktrees
  const source = resolve(
    process.argv[2] ??
      [join(root, "../shared/seeds"), join(root, "../../shared/seeds")].find((d) =>
        existsSync(d),
      ) ??
      join(root, "../shared/seeds"),
  );
  const target = resolve(process.argv[3] ?? join(root, "seeds"));
  const written = await generateSeeds(source, target);
  for (const w of written) process.stdout.write(`${w}.protokoll\n`);
}
