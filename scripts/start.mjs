#!/usr/bin/env node
// `npm start`: build and start the Electron app. Where the Electron binary is missing (it is
// downloaded from outside the npm registry), say so and point to the web host instead.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = dirname(require.resolve("electron/package.json"));
    const pathFile = join(dir, "path.txt");
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, "dist", readFileSync(pathFile, "utf8").trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (!bin) {
  console.error(
    [
      "Electron-programmet finns inte installerat på den här datorn (the Electron binary is missing).",
      "Det hämtas utanför npm-registret och kunde inte laddas ned här.",
      "",
      "Prova Protokoll i webbläsaren i stället / Try Protokoll in the browser instead:",
      "    npm run web",
      "",
      "För att hämta Electron på en dator med internet / To fetch Electron on a machine with internet access:",
      "    node node_modules/electron/install.js",
    ].join("\n"),
  );
  process.exit(1);
}

const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync(bin, ["."].concat(process.argv.slice(2)), { stdio: "inherit" });
process.exit(r.status ?? 0);
