import {
  mkdtempSync,
  readFileSync,
  writeFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../schemas/file.js";
import { KOMMUNSTYRELSE } from "./testTexts.testkit.js";
import { runCapturing } from "../cli/runCapturing.js";

const cli = (...args: string[]) => runCapturing(["import", ...args]);

describe("protokoll import", () => {
  const dir = mkdtempSync(join(tmpdir(), "protokoll-import-"));
  const input = join(dir, "ks-2026-03-10.txt");
  writeFileSync(input, KOMMUNSTYRELSE);

  it("writes <name>.protokoll beside the input and says what it did", async () => {
    const r = await cli(input);
    expect(r.code).toBe(0);
    const output = join(dir, "ks-2026-03-10.protokoll");
    expect(r.out).toContain(`→ ${output}`);
    expect(r.out).toContain("4 § / paragrafer");
    const parsed = parse(readFileSync(output, "utf8"));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.file.meta.body.name).toBe("Kommunstyrelsen");
  });

  it("refuses to overwrite an existing output unless --force, and keeps a backup when forced", async () => {
    const output = join(dir, "ks-2026-03-10.protokoll");
    writeFileSync(output, "mitt eget arbete");
    const refused = await cli(input);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Output exists.*Filen finns redan/);
    expect(readFileSync(output, "utf8")).toBe("mitt eget arbete");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    const forced = await cli(input, "--force");
    expect(forced.code).toBe(0);
    expect(parse(readFileSync(output, "utf8")).ok).toBe(true);
    expect(readFileSync(`${output}.bak`, "utf8")).toBe("mitt eget arbete");
  });

  it("writes to -o and prints the report as JSON with --json", async () => {
    const output = join(dir, "ut", "annat.protokoll");
    mkdirSync(join(dir, "ut"));
    const r = await cli(input, "-o", output, "--json");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      ok: true,
      output,
      kind: "protokoll",
      items: 4,
      source: "ks-2026-03-10.txt",
    });
    expect(Array.isArray(report.uncertain)).toBe(true);
    expect(Array.isArray(report.mergedNames)).toBe(true);
    expect(existsSync(output)).toBe(true);
  });

  it("exits 2 with an English and Swedish message for a missing or unreadable input", async () => {
    const missing = await cli(join(dir, "finns-inte.pdf"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("File not found / Filen finns inte");
    const broken = join(dir, "trasig.pdf");
    writeFileSync(broken, "%PDF-1.4\nskräp");
    const bad = await cli(broken, "--json");
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false });
    expect(bad.err).toMatch(/Could not import \/ Kunde inte importera.*PDF-filen kunde inte läsas/);
    expect(existsSync(join(dir, "trasig.protokoll"))).toBe(false);
    const folder = await cli(dir);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain("Is a folder");
  });

  it("exits 2 with the usage for bad arguments", async () => {
    expect((await cli()).code).toBe(2);
    const r = await cli(input, "--okänd");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage / Användning: protokoll import");
  });
});
