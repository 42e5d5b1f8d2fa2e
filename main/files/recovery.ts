/**
 * The recovery folder: unsaved work kept about a second after each edit, so that after a crash (or
 * a power cut) the next start can offer to restore it. One file per open document, `<key>.json`,
 * written atomically; saving or closing the document discards it.
 */
import { mkdir, readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { atomicWrite } from "./atomicWrite.js";

export interface RecoveryEntry {
  key: string;
  /** Where the document is saved, or null for a document never saved. */
  path: string | null;
  /** ISO time of the autosave. */
  savedAt: string;
  /** The document's title: first § title, or the interpellation answer's title, else "Namnlöst". */
  title: string;
}

interface StoredEntry extends RecoveryEntry {
  text: string;
  /** The revision of `path` the work is based on (main/files/revision.ts), so it still saves safely. */
  baseRevision: string | null;
}

/** Same rule as the contract's `key`: safe as a file name on every platform. */
const KEY = /^[A-Za-z0-9_-]{1,64}$/;
const UNTITLED = "Namnlöst";

export class RecoveryStore {
  constructor(private readonly dir: string) {}

  async autosave(
    key: string,
    path: string | null,
    text: string,
    baseRevision: string | null = null,
  ): Promise<void> {
    const entry: StoredEntry = {
      key,
      path,
      savedAt: new Date().toISOString(),
      title: rawDocumentTitle(text),
      text,
      baseRevision,
    };
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await atomicWrite(this.file(key), JSON.stringify(entry), { backup: false });
  }

  /** Everything left in the folder, newest first. Unreadable entries are skipped, not deleted. */
  async list(): Promise<RecoveryEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const entries: RecoveryEntry[] = [];
    for (const name of names) {
      if (!name.endsWith(".json") || name.startsWith(".")) continue;
      const stored = await this.read(name.slice(0, -".json".length));
      if (stored)
        entries.push({
          key: stored.key,
          path: stored.path,
          savedAt: stored.savedAt,
          title: stored.title,
        });
    }
    return entries.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async restore(
    key: string,
  ): Promise<{ text: string; path: string | null; baseRevision: string | null } | null> {
    const stored = await this.read(key);
    return stored
      ? { text: stored.text, path: stored.path, baseRevision: stored.baseRevision }
      : null;
  }

  async discard(key: string): Promise<void> {
    await unlink(this.file(key)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
  }

  private file(key: string): string {
    if (!KEY.test(key)) throw new Error(`Ogiltig återställningsnyckel: ${JSON.stringify(key)}`);
    return join(this.dir, `${key}.json`);
  }

  private async read(key: string): Promise<StoredEntry | null> {
    if (!KEY.test(key)) return null;
    try {
      const raw = JSON.parse(await readFile(this.file(key), "utf8")) as Partial<StoredEntry>;
      if (typeof raw.text !== "string" || typeof raw.savedAt !== "string") return null;
      return {
        key,
        path: typeof raw.path === "string" ? raw.path : null,
        savedAt: raw.savedAt,
        title: typeof raw.title === "string" && raw.title ? raw.title : rawDocumentTitle(raw.text),
        text: raw.text,
        baseRevision:
          typeof raw.baseRevision === "string" && /^[0-9a-f]{64}$/.test(raw.baseRevision)
            ? raw.baseRevision
            : null,
      };
    } catch {
      return null;
    }
  }
}

interface RawNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
}

/**
 * The title shown in the restore offer, read from the raw JSON (the text may be a document that
 * does not yet pass every check): the first § title, or the `ip_title` of an answer.
 */
export function rawDocumentTitle(text: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return UNTITLED;
  }
  const doc = (raw as { doc?: RawNode } | null)?.doc;
  const found = findFirst(doc, (n) => n.type === "item_title" || n.type === "ip_title");
  const title = found ? rawNodeText(found).replace(/\s+/g, " ").trim() : "";
  return title ? title.slice(0, 200) : UNTITLED;
}

const children = (n: RawNode): RawNode[] =>
  Array.isArray(n.content)
    ? (n.content as RawNode[]).filter((c) => c && typeof c === "object")
    : [];

function findFirst(node: RawNode | undefined, test: (n: RawNode) => boolean): RawNode | null {
  if (!node || typeof node !== "object") return null;
  if (test(node)) return node;
  for (const c of children(node)) {
    const found = findFirst(c, test);
    if (found) return found;
  }
  return null;
}

function rawNodeText(node: RawNode): string {
  return (
    (typeof node.text === "string" ? node.text : "") + children(node).map(rawNodeText).join("")
  );
}
