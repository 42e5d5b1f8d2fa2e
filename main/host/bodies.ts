/**
 * The bodies' reglementen in the workspace: `bodies/<name>.json`, one body (name, type,
 * municipality, reglemente) a file, saved from Mötesuppgifter → Reglemente and offered by "Ny" as
 * the defaults of a new protocol. The file name comes from the body's name; saving replaces the
 * body's earlier file, atomically. A file that is not a valid body is skipped with a reason.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Body } from "../../schemas/meta.js";
import { atomicWrite } from "../files/atomicWrite.js";

/** "Tekniska nämnden" → "Tekniska nämnden.json"; characters a file name cannot hold become "-". */
export function bodyFileName(name: string): string {
  const clean = name
    .normalize("NFC")
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, "-")
    .replace(/^[.\s-]+|[.\s]+$/g, "")
    .slice(0, 100);
  return `${clean || "Organ"}.json`;
}

export async function listBodies(dir: string): Promise<{ bodies: Body[]; skipped: string[] }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { bodies: [], skipped: [] };
  }
  const bodies: Body[] = [];
  const skipped: string[] = [];
  for (const name of names
    .filter((n) => n.toLowerCase().endsWith(".json") && !n.startsWith("."))
    .sort()) {
    try {
      const r = Body.safeParse(JSON.parse(await readFile(join(dir, name), "utf8")));
      if (r.success) bodies.push(r.data);
      else
        skipped.push(
          `${name}: inte ett giltigt organ (${r.error.issues[0]?.path.join(".") || "filen"}: ${r.error.issues[0]?.message ?? "fel"}).`,
        );
    } catch (e) {
      skipped.push(`${name}: kunde inte läsas (${e instanceof Error ? e.message : String(e)}).`);
    }
  }
  return { bodies: bodies.sort((a, b) => a.name.localeCompare(b.name, "sv")), skipped };
}

export async function saveBody(dir: string, body: Body): Promise<string> {
  const parsed = Body.parse(body);
  await mkdir(dir, { recursive: true });
  const path = join(dir, bodyFileName(parsed.name));
  await atomicWrite(path, `${JSON.stringify(parsed, null, 2)}\n`, { backup: false });
  return path;
}
