/**
 * The command line against hostile arguments and files (issue 13, items 5 and 6): outputs never go
 * through a link or over a device, § lists are capped, special files are refused instead of read
 * forever, a closed pipe ends quietly, and documents above the one maximum size are refused.
 */
import { execFileSync, spawn } from "node:child_process";
import {
  lstatSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { createFile, serialize } from "../../schemas/file.js";
import { MAX_AGENDA_ITEMS, MAX_TEXT_CHARS } from "../../schemas/limits.js";
import { NAMND } from "../import/testTexts.testkit.js";
import { protocolText } from "../files/testDocuments.testkit.js";
import { parseSectionList } from "./exportCommand.js";
import { runCapturing } from "./runCapturing.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-cli-robust-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = join(dir, "namnd.txt");
writeFileSync(source, NAMND);
const doc = join(dir, "dok.protokoll");
writeFileSync(doc, protocolText("Dagordning", 3));

describe("outputs (item 5)", () => {
  it("import -o LINK --force refuses the link and leaves its target alone", async () => {
    const victim = join(dir, "systemfil.conf");
    writeFileSync(victim, "viktig=1\n");
    const link = join(dir, "länk.protokoll");
    symlinkSync(victim, link);
    const r = await runCapturing(["import", source, "-o", link, "--force"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/symbolic link.*Är en symbolisk länk/);
    expect(readFileSync(victim, "utf8")).toBe("viktig=1\n");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(victim);
  });

  it("export does not replace a device or a named pipe, nor write through a link", async () => {
    const fifo = join(dir, "rör.docx");
    execFileSync("mkfifo", [fifo]);
    const r = await runCapturing(["export", doc, "--draft", "--docx", fifo]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const dev = await runCapturing(["export", doc, "--draft", "--docx", "/dev/full"]);
    expect(dev.code).toBe(2);
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);
    const target = join(dir, "mål.docx");
    writeFileSync(target, "tidigare");
    const link = join(dir, "länk.docx");
    symlinkSync(target, link);
    expect((await runCapturing(["export", doc, "--draft", "--docx", link])).code).toBe(2);
    expect(readFileSync(target, "utf8")).toBe("tidigare");
    // A regular file or a new name is written as before.
    expect(
      (await runCapturing(["export", doc, "--draft", "--docx", join(dir, "ny.docx")])).code,
    ).toBe(0);
    expect(readFileSync(join(dir, "ny.docx")).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("arguments and inputs (item 6)", () => {
  it("caps § lists: huge numbers and huge ranges are refused at once", async () => {
    expect(parseSectionList("99999999999999999999")).toBeNull();
    expect(parseSectionList("1-9000000")).toBeNull();
    expect(parseSectionList(`1-${MAX_AGENDA_ITEMS}`)).toHaveLength(MAX_AGENDA_ITEMS);
    expect(parseSectionList("5,7-9")).toEqual([5, 7, 8, 9]);
    const r = await runCapturing(["export", doc, "--draft", "--extract", "99999999999999999999"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Not a list of § numbers/);
  }, 20_000);

  it("refuses a named pipe and /dev/zero as input instead of reading forever", async () => {
    const fifo = join(dir, "in.txt");
    execFileSync("mkfifo", [fifo]);
    for (const input of [fifo, "/dev/zero"]) {
      const r = await runCapturing(["import", input, "-o", join(dir, "aldrig.protokoll")]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/Not a regular file \/ Inte en vanlig fil/);
    }
    for (const command of ["validate", "verify", "export"])
      expect((await runCapturing([command, "/dev/zero"])).code).toBe(2);
  }, 20_000);

  it("parses options with node:util parseArgs: --opt=value, short options, unknown and missing values", async () => {
    const out = join(dir, "likamed.protokoll");
    expect((await runCapturing(["import", source, `--output=${out}`])).code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/"format": "protokoll"/);
    expect((await runCapturing(["import", source, "-o"])).code).toBe(2);
    const unknown = await runCapturing(["validate", doc, "--bogus"]);
    expect([unknown.code, unknown.err]).toEqual([
      2,
      expect.stringMatching(/Unknown option \/ Okänt alternativ: --bogus/),
    ]);
    expect((await runCapturing(["export", doc, "--docx", "--pdf"])).code).toBe(2);
    expect((await runCapturing(["__proto__"])).code).toBe(2);
  });

  it("refuses a document above the maximum size with the limit named", async () => {
    const big = join(dir, "stor.protokoll");
    writeFileSync(big, protocolText("Stor", MAX_AGENDA_ITEMS + 1));
    for (const command of ["validate", "verify", "export"]) {
      const r = await runCapturing([command, big]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(new RegExp(`at most ${MAX_AGENDA_ITEMS}`));
    }
  }, 60_000);

  it("handles a document at the limit — one paragraph of almost all the text allowed — without running out of stack", async () => {
    const persons = [{ id: "ordf", name: "Anna Andersson", party: "S", role: "chair" as const }];
    const words = "Ord och mening. ".repeat(Math.floor((MAX_TEXT_CHARS - 1000) / 16));
    const file = createFile(
      "protokoll",
      { body: { name: "Socialnämnden" }, persons, chair: "ordf" },
      b.protocol(b.item({ id: "p0", title: "Lång" }, b.background(words), b.decision("Beslut."))),
    );
    const long = join(dir, "lång.protokoll");
    writeFileSync(long, serialize(file));
    const validate = await runCapturing(["validate", long]);
    expect([0, 1]).toContain(validate.code);
    const verify = await runCapturing(["verify", long]);
    expect([verify.code, verify.out]).toEqual([1, expect.stringMatching(/NOT JUSTERAD/)]);
    const out = join(dir, "lång.docx");
    expect((await runCapturing(["export", long, "--draft", "--docx", out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    for (const r of [validate, verify]) expect(r.err).not.toMatch(/call stack/);
  }, 120_000);

  it("ends quietly when the reader closes the pipe (| head -1), with the command's own exit code", async () => {
    const root = resolve(import.meta.dirname, "..", "..");
    const script = `const { main } = await import(${JSON.stringify(join(root, "main/cli/index.ts"))}); process.exitCode = await main(process.argv.slice(1));`;
    const run = () =>
      new Promise<{ code: number | null; err: string }>((done) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "--input-type=module", "-e", script, "validate", doc],
          { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
        );
        let err = "";
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.stdout.destroy(); // the reader is gone before the first line
        child.on("exit", (code) => done({ code, err }));
      });
    const r = await run();
    expect(r.err).not.toMatch(/EPIPE|\n\s+at /);
    // validate's own code for this document (it has rule errors: 1), not a crash.
    expect(r.code).toBe((await runCapturing(["validate", doc])).code);
  }, 60_000);
});
