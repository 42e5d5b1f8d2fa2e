/**
 * Recently opened documents: a small JSON list in the user's data folder (the operating system's
 * own list, app.addRecentDocument, is fed by the caller). Newest first, at most MAX_RECENT, only
 * paths; a list that cannot be read is treated as empty, never as an error.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { atomicWrite } from "../files/atomicWrite.js";

export const MAX_RECENT = 15;

export interface RecentEntry {
  path: string;
  name: string;
  /** ISO time of the file's last change. */
  modified: string;
}

export class RecentDocuments {
  constructor(private readonly file: string) {}

  async paths(): Promise<string[]> {
    try {
      const raw = JSON.parse(await readFile(this.file, "utf8")) as unknown;
      return Array.isArray(raw)
        ? raw.filter((p): p is string => typeof p === "string" && p.length > 0).slice(0, MAX_RECENT)
        : [];
    } catch {
      return [];
    }
  }

  async add(path: string): Promise<void> {
    const list = [path, ...(await this.paths()).filter((p) => p !== path)].slice(0, MAX_RECENT);
    await atomicWrite(this.file, JSON.stringify(list, null, 1), { backup: false });
  }

  async remove(path: string): Promise<void> {
    const list = (await this.paths()).filter((p) => p !== path);
    await atomicWrite(this.file, JSON.stringify(list, null, 1), { backup: false });
  }

  /** The documents that still exist, with their modification time. */
  async entries(): Promise<RecentEntry[]> {
    const out: RecentEntry[] = [];
    for (const path of await this.paths()) {
      const info = await stat(path).catch(() => null);
      if (info?.isFile())
        out.push({ path, name: basename(path), modified: info.mtime.toISOString() });
    }
    return out;
  }
}
