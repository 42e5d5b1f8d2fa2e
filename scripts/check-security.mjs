#!/usr/bin/env node
// CI security check: @doyensec/electronegativity over the Electron shell's sources (main/electron,
// tests left out) and the built output (dist/main, dist/renderer when built). Fails on any HIGH or
// MEDIUM finding that scripts/check-security.allow.json does not explain; every allow-list entry
// must still match a finding (a stale excuse is an error too). LOW and INFORMATIONAL findings are
// printed, not failed on.
import { spawnSync } from "node:child_process";
import { mainBuildState } from "./main-build-state.mjs";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const allow = JSON.parse(
  readFileSync(join(root, "scripts/check-security.allow.json"), "utf8"),
).allow;
const electronVersion = JSON.parse(
  readFileSync(join(root, "node_modules/electron/package.json"), "utf8"),
).version;
const work = mkdtempSync(join(tmpdir(), "protokoll-security-"));

// Scan what is built from the current sources (built here unless the build is current).
if (mainBuildState(root) !== "current") {
  const build = spawnSync("node", [join(root, "scripts/build-main.mjs")], {
    cwd: root,
    encoding: "utf8",
  });
  if (build.status !== 0)
    console.log(
      `(npm run build:main failed, the built output may be stale)\n${build.stdout}${build.stderr}`,
    );
}

// What is scanned, copied into one folder so the findings name their origin.
const scan = join(work, "scan");
const sources = join(scan, "main/electron");
mkdirSync(sources, { recursive: true });
for (const name of readdirSync(join(root, "main/electron")))
  if (name.endsWith(".ts") && !name.endsWith(".test.ts"))
    cpSync(join(root, "main/electron", name), join(sources, name));
for (const built of ["dist/main/electron", "dist/renderer"])
  if (existsSync(join(root, built)))
    cpSync(join(root, built), join(scan, built), {
      recursive: true,
      filter: (src) => !src.endsWith(".map"),
    });
if (!existsSync(join(root, "dist/main/electron")))
  console.log(
    "(dist/main/electron not built: only the sources are scanned; run npm run build first)",
  );

const csv = join(work, "findings.csv");
/**
 * One scan. electronegativity writes the CSV's header and its rows with two concurrent
 * `fs.writeFile` calls, so on a busy machine the header can land over the first rows (seen in a
 * full test run: a garbled first finding and "stale" allow-list entries). A result that is not
 * the header followed by well-formed rows is scanned again, up to three times in all.
 */
function scanOnce() {
  rmSync(csv, { force: true });
  return spawnSync(
    "node",
    [
      join(root, "node_modules/@doyensec/electronegativity/dist/index.js"),
      "-i",
      scan,
      "-o",
      csv,
      "-e",
      electronVersion,
      "-v",
      "false",
    ],
    {
      encoding: "utf8",
      timeout: 180_000,
    },
  );
}
const SEVERITIES = new Set(["INFORMATIONAL", "LOW", "MEDIUM", "HIGH"]);
const CONFIDENCES = new Set(["TENTATIVE", "FIRM", "CERTAIN"]);
const readable = () => {
  if (!existsSync(csv)) return false;
  const rows = records(readFileSync(csv, "utf8"));
  return (
    rows.length > 0 &&
    rows[0][0] === "issue" &&
    rows
      .slice(1)
      .every(
        (row) =>
          row.length === 8 &&
          SEVERITIES.has(row[1]) &&
          CONFIDENCES.has(row[2]) &&
          row[7] === `https://github.com/doyensec/electronegativity/wiki/${row[0]}`,
      )
  );
};
let r = scanOnce();
for (let attempt = 1; attempt < 3 && !readable(); attempt++) {
  console.log("(electronegativity's result was missing or garbled: scanning again)");
  r = scanOnce();
}
if (!readable()) {
  console.error(r.stdout, r.stderr);
  console.error("check-security: electronegativity produced no readable result");
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}

/** CSV records with quoted fields (samples may contain commas, quotes and line breaks). */
function records(text) {
  const rows = [];
  let row = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cur += '"'), i++);
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") (row.push(cur.trim()), (cur = ""));
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cur.trim());
      if (row.some((f) => f !== "")) rows.push(row);
      row = [];
      cur = "";
    } else cur += c;
  }
  row.push(cur.trim());
  if (row.some((f) => f !== "")) rows.push(row);
  return rows;
}

const findings = records(readFileSync(csv, "utf8"))
  .slice(1)
  .map(([check = "", severity = "", confidence = "", file = "", location = "", sample = ""]) => ({
    check,
    severity,
    confidence,
    file: relative(scan, file).replace(/\\/g, "/"),
    location,
    sample: sample.replace(/\s+/g, " ").slice(0, 120),
  }));
rmSync(work, { recursive: true, force: true });

const serious = findings.filter((f) => f.severity === "HIGH" || f.severity === "MEDIUM");
const used = new Set();
const unexplained = serious.filter((f) => {
  const i = allow.findIndex((a) => a.check === f.check && a.files.includes(f.file));
  if (i >= 0) used.add(i);
  return i < 0;
});
const stale = allow.filter((_a, i) => !used.has(i));

for (const f of findings) {
  const mark =
    f.severity === "HIGH" || f.severity === "MEDIUM"
      ? unexplained.includes(f)
        ? "FEL "
        : "ok* "
      : "info";
  console.log(
    `${mark} ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location} ${f.sample === "N/A" ? "" : f.sample}`,
  );
}
console.log(
  `\n${findings.length} finding(s), ${serious.length} HIGH/MEDIUM, ${serious.length - unexplained.length} explained in scripts/check-security.allow.json.`,
);
for (const a of stale)
  console.error(
    `Stale allow-list entry (no such finding any more): ${a.check} ${a.files.join(", ")}`,
  );
if (unexplained.length || stale.length) {
  console.error(
    `check-security: ${unexplained.length} unexplained HIGH/MEDIUM finding(s), ${stale.length} stale allow-list entr(y/ies).`,
  );
  process.exit(1);
}
console.log("check-security: OK");
