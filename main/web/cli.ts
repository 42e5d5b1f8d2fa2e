/**
 * `npm run web -- [--workspace <dir>] [--port N]`: start the web host and print its address.
 * Default workspace: ~/Documents/Protokoll where ~/Documents exists, else ./protokoll. A new, empty
 * workspace gets the sample documents (seeds/*.protokoll) to try things on.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../files/projectRoot.js";
import { startWebHost } from "./server.js";

export function parseWebArgs(
  argv: string[],
): { workspace: string; port: number } | { error: string } {
  let workspace: string | null = null;
  let port = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value / ${a} behöver ett värde`);
      return v;
    };
    try {
      if (a === "--workspace" || a === "-w") workspace = value();
      else if (a.startsWith("--workspace=")) workspace = a.slice("--workspace=".length);
      else if (a === "--port" || a === "-p") port = Number(value());
      else if (a.startsWith("--port=")) port = Number(a.slice("--port=".length));
      else return { error: `Unknown option ${a} / Okänt val ${a}` };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    return { error: "Invalid port / Ogiltig port" };
  const documents = join(homedir(), "Documents");
  workspace ??= existsSync(documents)
    ? join(documents, "Protokoll")
    : join(process.cwd(), "protokoll");
  return { workspace: resolve(workspace), port };
}

/** Copy the sample documents into a workspace that has no documents yet. */
export function seedWorkspace(workspace: string): number {
  mkdirSync(workspace, { recursive: true });
  if (readdirSync(workspace).some((n) => !n.startsWith("."))) return 0;
  const seeds = join(projectRoot(), "seeds");
  if (!existsSync(seeds)) return 0;
  let n = 0;
  for (const name of readdirSync(seeds))
    if (name.endsWith(".protokoll")) {
      copyFileSync(join(seeds, name), join(workspace, name));
      n++;
    }
  return n;
}

async function main(): Promise<void> {
  const args = parseWebArgs(process.argv.slice(2));
  if ("error" in args) {
    console.error(args.error);
    console.error("Usage / Användning: npm run web -- [--workspace <dir>] [--port N]");
    process.exit(2);
  }
  const seeded = seedWorkspace(args.workspace);
  const host = await startWebHost({ workspace: args.workspace, port: args.port });
  console.log(
    `Arbetsmapp / Workspace: ${host.workspace}${seeded ? ` (${seeded} exempeldokument kopierade)` : ""}`,
  );
  console.log(`Öppna i webbläsaren / Open in your browser:\n  ${host.url}`);
  console.log("Avsluta med Ctrl+C / Stop with Ctrl+C");
  const stop = () => void host.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(
      `Could not start / Kunde inte starta: ${e instanceof Error ? e.message : String(e)}`,
    );
    process.exit(1);
  });
}
