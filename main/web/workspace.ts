/**
 * The web host's workspace: the one folder whose documents the browser may read and write.
 * A path from the browser is relative to it; `..`, absolute paths, drive letters, NUL bytes and
 * symbolic links that lead out of it are refused.
 */
import { existsSync, realpathSync, readdirSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve as resolvePath, sep } from "node:path";
import type { FileEntry, HostEnv } from "../host/createHandlers.js";
import { defaultKeyDir, SealKeyStore } from "../review/sealKeys.js";

export class Workspace {
  readonly root: string;

  constructor(dir: string) {
    this.root = realpathSync(resolvePath(dir));
  }

  /** A browser path → the real path inside the workspace, or null when it is not allowed. */
  resolve(path: string): string | null {
    if (typeof path !== "string" || path === "" || path.length > 1000) return null;
    if (path.includes("\0") || path.includes("\\") || isAbsolute(path) || /^[A-Za-z]:/.test(path))
      return null;
    const parts = path.split("/");
    if (parts.some((p) => p === ".." || p === "." || p === "")) return null;
    if (parts.some((p) => p.startsWith("."))) return null; // hidden files, the recovery folder
    const target = join(this.root, ...parts);
    // Follow symbolic links of whatever exists along the way: the real place must stay inside.
    let existing = target;
    while (!existsSync(existing) && existing !== this.root) existing = join(existing, "..");
    let real: string;
    try {
      real = realpathSync(existing);
    } catch {
      return null;
    }
    if (!this.inside(real)) return null;
    return real === existing ? target : join(real, relative(existing, target));
  }

  /** The real path → the browser's relative path (with `/`). */
  present(real: string): string {
    return relative(this.root, real).split(sep).join("/");
  }

  inside(real: string): boolean {
    return real === this.root || real.startsWith(this.root + sep);
  }

  /** The `.protokoll` documents in the workspace (and its folders, not hidden ones), newest first. */
  list(): FileEntry[] {
    const out: FileEntry[] = [];
    const walk = (dir: string, depth: number) => {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.startsWith(".")) continue;
        const full = join(dir, name);
        let info;
        try {
          info = statSync(full);
          if (!this.inside(realpathSync(full))) continue;
        } catch {
          continue;
        }
        if (info.isDirectory() && depth < 3) walk(full, depth + 1);
        else if (info.isFile() && name.toLowerCase().endsWith(".protokoll"))
          out.push({ path: this.present(full), name, modified: info.mtime.toISOString() });
      }
    };
    walk(this.root, 0);
    return out.sort((a, b) => b.modified.localeCompare(a.modified));
  }

  /** A name for a new file that does not exist yet: "Socialnämnden 2020-08-25.pdf", "… (2).pdf". */
  freeName(base: string, ext: string): string {
    const clean =
      base
        .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, " ")
        .replace(/^\.+/, "")
        .trim() || "Dokument";
    for (let n = 1; ; n++) {
      const name = `${clean}${n > 1 ? ` (${n})` : ""}.${ext}`;
      if (!existsSync(join(this.root, name))) return name;
    }
  }
}

/**
 * The host environment of a workspace folder, as the web host uses it: paths confined to the
 * folder, no native dialogs (the browser chooses and passes the path), a free name derived from
 * the document when saving without one (never an existing file), recovery inside the workspace.
 */
export function workspaceHostEnv(
  workspace: Workspace,
  setDocumentState: HostEnv["setDocumentState"] = async () => undefined,
): HostEnv {
  return {
    resolve: (p) => workspace.resolve(p),
    present: (real) => workspace.present(real),
    chooseOpenPath: async () => null,
    chooseImportPath: async () => null,
    chooseSavePath: async (defaultName, ext) => workspace.freeName(defaultName, ext),
    listFiles: async () => workspace.list(),
    recoveryDir: join(workspace.root, ".protokoll", "recovery"),
    setDocumentState,
    sealKeys: ownerKeyStore(workspace.root),
    // The bodies' reglementen (issue 14), unless bodies/ leads out of the workspace.
    ...(workspace.resolve("bodies") ? { bodiesDir: workspace.resolve("bodies")! } : {}),
    // The desktop app may have a workspace document open: its lock is honoured here (issue 13, item 3).
    honourLocks: { owner: "Protokoll i webbläsaren" },
    // The municipality profile (issue 15): profile.json in the workspace; files come as uploads.
    workspaceDir: () => workspace.root,
    // The spell-check's word list is the workspace's, whichever folder the document is in.
    wordListPath: () => join(workspace.root, "ordlista.txt"),
  };
}

/**
 * The signing keys of the user who runs the web host (the workspace's owner, whose token the
 * browser holds), from the user's settings folder, passphrase-protected only. None when that
 * folder lies inside the workspace: a key must never be reachable through the documents.
 */
function ownerKeyStore(root: string): SealKeyStore | null {
  const dir = resolvePath(defaultKeyDir());
  const rel = relative(resolvePath(root), dir);
  const inside = rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  return inside ? null : new SealKeyStore(dir);
}
