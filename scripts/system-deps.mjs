#!/usr/bin/env node
// The Debian packages the test suite needs: Chromium for the end-to-end tests, LibreOffice,
// poppler-utils, qpdf and PDFBox (with Java) to check the exports. `npm test` runs this first, so
// the README's test command sets up a fresh Debian machine by itself (as root); elsewhere it says
// which packages are missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const PACKAGES = [
  "chromium",
  "libreoffice-writer-nogui",
  "poppler-utils",
  "qpdf",
  "fonts-dejavu-core",
  "libpdfbox2-java",
  "libactivation-java",
  "libjaxb-api-java",
];

const installed = (pkg) => spawnSync("dpkg", ["-s", pkg], { stdio: "ignore" }).status === 0;

export function ensureSystemDeps() {
  if (!existsSync("/usr/bin/dpkg")) {
    console.warn(
      `Not a Debian system: install these yourself if tests need them / Installera själv: ${PACKAGES.join(" ")}`,
    );
    return true;
  }
  const missing = PACKAGES.filter((p) => !installed(p));
  const java = spawnSync("sh", ["-c", "command -v java"], { stdio: "ignore" }).status === 0;
  if (!java) missing.push("default-jre-headless");
  if (missing.length === 0) return true;
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing Debian packages / Debianpaket saknas: ${missing.join(" ")}\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`,
    );
    return false;
  }
  console.log(`Installing Debian packages / Installerar Debianpaket: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = spawnSync(
    "apt-get",
    ["install", "-y", "-qq", "--no-install-recommends", ...missing],
    { stdio: ["ignore", "ignore", "inherit"], env },
  );
  return update.status === 0 && install.status === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureSystemDeps() ? 0 : 1);
