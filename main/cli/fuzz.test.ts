/**
 * Fuzzing the command line (issue 13): fast-check drives every command of `protokoll --help`
 * (import, also with --agenda, validate, export, verify, keys and its sub-commands, from-agenda)
 * in-process with truncated, byte-flipped, deeply nested, oversize, zip-bomb and special-file
 * inputs and with bad arguments. A command added to the usage is fuzzed without a change here. Every case must end with one of the documented exit
 * codes (README "The command line"), print no stack trace and no "unexpected error", leave every
 * input byte for byte as it was, and stay within bounded time and memory. The run is bounded to
 * about 50 seconds (fast-check stops starting new cases then). `FUZZ_TRACE=<file>` appends each
 * case to that file, to find the one that hangs.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testKallelse } from "../../schemas/agenda/testKallelse.testkit.js";
import { serialize } from "../../schemas/file.js";
import { adjustedSample, sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { zipBomb } from "../files/zipBomb.testkit.js";
import { protocolText } from "../files/testDocuments.testkit.js";
import { NAMND } from "../import/testTexts.testkit.js";
import { writeReviewCopyDocx } from "../review/writeReviewCopyDocx.js";
import { runCapturing } from "./runCapturing.js";
import { commandInfo, type CommandName } from "./usage.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-fuzz-"));
// `keys` works in the user's settings folder: here an empty one of the test's own, and a
// passphrase in the environment so that no case waits for a prompt.
const saved = {
  config: process.env.PROTOKOLL_CONFIG_DIR,
  passphrase: process.env.PROTOKOLL_PASSPHRASE,
};
beforeAll(() => {
  process.env.PROTOKOLL_CONFIG_DIR = join(dir, "inställningar");
  process.env.PROTOKOLL_PASSPHRASE = "en lång lösenfras för fuzz";
});
afterAll(() => {
  for (const [name, value] of [
    ["PROTOKOLL_CONFIG_DIR", saved.config],
    ["PROTOKOLL_PASSPHRASE", saved.passphrase],
  ] as const)
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  rmSync(dir, { recursive: true, force: true });
});

/** The documented exit codes of every command (0 ok, 1 refused/changed/errors, 2 unreadable or bad arguments). */
const EXIT_CODES = new Set([0, 1, 2]);
const STACK_TRACE = /\n\s+at .*(:\d+:\d+|\(native\))|node:internal|Error: .*\n\s+at /;
const CASE_TIMEOUT_MS = 30_000;

const bases: Record<string, Uint8Array> = {};
const specials: string[] = [];

beforeAll(async () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  bases["protokoll"] = enc(protocolText("Fuzz", 3));
  bases["justerat"] = enc(serialize(adjustedSample()));
  bases["kallelse"] = enc(serialize(testKallelse()));
  bases["text"] = enc(NAMND);
  bases["docx"] = await writeReviewCopyDocx(sampleProtocol());
  const fifo = join(dir, "fifo.protokoll");
  execFileSync("mkfifo", [fifo]);
  const folder = join(dir, "mapp.protokoll");
  mkdirSync(folder);
  const link = join(dir, "länk-till-zero.protokoll");
  symlinkSync("/dev/zero", link);
  const sparse = join(dir, "stor.protokoll");
  writeFileSync(sparse, "");
  truncateSync(sparse, 60 * 1024 * 1024); // over every size limit, written in no time
  const bomb = join(dir, "bomb.docx");
  writeFileSync(bomb, zipBomb(100));
  specials.push(
    fifo,
    folder,
    link,
    sparse,
    bomb,
    "/dev/zero",
    "/dev/null",
    join(dir, "finns-inte.protokoll"),
  );
}, 60_000);

/** A regular file's SHA-256; for anything else what it is (a pipe or a device is never read here). */
const hash = (path: string) => {
  try {
    const info = lstatSync(path);
    if (!info.isFile())
      return `${info.mode}:${info.rdev}:${info.isSymbolicLink() ? readlinkSync(path) : ""}`;
    return createHash("sha256").update(readFileSync(path)).digest("hex");
  } catch (e) {
    return `(${(e as NodeJS.ErrnoException).code})`;
  }
};

// ---- the inputs ----
const baseName = fc.constantFrom("protokoll", "justerat", "kallelse", "text", "docx");
const mutated = fc.oneof(
  fc.record({
    kind: fc.constant("truncated" as const),
    base: baseName,
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant("flipped" as const),
    base: baseName,
    flips: fc.array(
      fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 255 })),
      { minLength: 1, maxLength: 8 },
    ),
  }),
  fc.record({
    kind: fc.constant("nested" as const),
    depth: fc.integer({ min: 1, max: 200_000 }),
    open: fc.constantFrom("[", '{"a":', '{"format":"protokoll","version":1,"doc":'),
  }),
  fc.record({ kind: fc.constant("valid" as const), base: baseName }),
);
type Mutated = typeof mutated extends fc.Arbitrary<infer T> ? T : never;

function bytesOf(m: Mutated): Uint8Array {
  if (m.kind === "nested") return new TextEncoder().encode(m.open.repeat(m.depth));
  const base = bases[m.base]!;
  if (m.kind === "truncated") return base.subarray(0, Math.floor(m.at * base.length));
  if (m.kind === "flipped") {
    const out = new Uint8Array(base);
    for (const [at, x] of m.flips) out[Math.floor(at * (out.length - 1))]! ^= x;
    return out;
  }
  return base;
}
const extensionOf = (m: Mutated) =>
  m.kind !== "nested" && m.base === "text"
    ? "txt"
    : m.kind !== "nested" && m.base === "docx"
      ? "docx"
      : "protokoll";

type Input = { mutated: Mutated; special: null } | { mutated: null; special: number };
const input: fc.Arbitrary<Input> = fc.oneof(
  { weight: 4, arbitrary: mutated.map((m): Input => ({ mutated: m, special: null })) },
  { weight: 1, arbitrary: fc.nat().map((i): Input => ({ mutated: null, special: i })) },
);

const badValue = fc.oneof(
  fc.constantFrom(
    "99999999999999999999",
    "1-99999999999",
    "-1",
    "0",
    "5,7-9",
    "§ 3",
    "1e9",
    "NaN",
    "",
    "--pdf",
    "2020-13-45",
    "/dev/full",
    "../../../etc/passwd",
  ),
  fc.string({ maxLength: 40 }),
);
const extraArgs: fc.Arbitrary<(string | string[])[]> = fc.array(
  fc.oneof(
    fc.constantFrom(
      "--json",
      "--force",
      "--draft",
      "--notice",
      "--public",
      "--pdfa-1b",
      "--bogus",
      "-x",
      "--",
      "-o",
    ),
    fc
      .tuple(fc.constantFrom("--extract", "--today", "--output"), badValue)
      .map(([o, v]) => `${o}=${v}`),
    fc.tuple(fc.constantFrom("--extract", "--today"), badValue).map(([o, v]) => [o, v]),
    badValue,
  ),
  { maxLength: 4 },
);
/** Every command the usage lists; `import` also as `import --agenda`, `keys` with each sub-command. */
const command: fc.Arbitrary<string[]> = fc.oneof(
  fc
    .constantFrom(...(Object.keys(commandInfo) as CommandName[]).filter((c) => c !== "keys"))
    .map((c) => [c]),
  fc.constant<string[]>(["import", "--agenda"]),
  fc
    .constantFrom("create", "list", "export", "import", "trust", "sign", "bogus")
    .map((sub) => ["keys", sub]),
);

describe("fuzzing the command line", () => {
  it("ends every case with a documented exit code, no stack trace, no input changed, in bounded time and memory", async () => {
    let n = 0;
    const rssLimit = process.memoryUsage().rss + 1.5 * 1024 * 1024 * 1024;
    const fixtures = specials;
    const fixtureHashes = new Map(fixtures.map((p) => [p, hash(p)]));
    await fc.assert(
      fc.asyncProperty(command, input, extraArgs, async (cmd, given, extra) => {
        const caseDir = join(dir, `fall-${n++}`);
        mkdirSync(caseDir);
        let path: string;
        if (given.mutated) {
          path = join(caseDir, `indata.${extensionOf(given.mutated)}`);
          writeFileSync(path, bytesOf(given.mutated));
        } else path = specials[given.special! % specials.length]!;
        const before = hash(path);
        // Outputs go into the case's folder (never over an input).
        const [name, option] = cmd;
        const outputs =
          option === "--agenda"
            ? [join(caseDir, "kallelse.protokoll")]
            : name === "import" || name === "from-agenda"
              ? ["-o", join(caseDir, "ut.protokoll")]
              : name === "export"
                ? ["--docx", join(caseDir, "ut.docx")]
                : name === "keys" && option === "export"
                  ? ["-o", join(caseDir, "nyckel.json")]
                  : [];
        const argv =
          option === "--agenda"
            ? [name!, path, option, ...outputs, ...extra.flat()]
            : [...cmd, path, ...outputs, ...extra.flat()];
        if (process.env.FUZZ_TRACE)
          writeFileSync(
            process.env.FUZZ_TRACE,
            `${JSON.stringify(given)} ${JSON.stringify(argv)}\n`,
            { flag: "a" },
          );
        let timer: NodeJS.Timeout | undefined;
        // A relative output the fuzzer makes up ("-o 99999999999999999999") lands in the case's folder, not the checkout.
        const cwd = process.cwd();
        process.chdir(caseDir);
        const r = await Promise.race([
          runCapturing(argv),
          new Promise<never>(
            (_, reject) =>
              (timer = setTimeout(
                () => reject(new Error(`timed out: ${JSON.stringify(argv)}`)),
                CASE_TIMEOUT_MS,
              )),
          ),
        ]).finally(() => {
          clearTimeout(timer);
          process.chdir(cwd);
        });
        const said = `${r.out}\n${r.err}`;
        expect(EXIT_CODES.has(r.code), `exit ${r.code} for ${JSON.stringify(argv)}`).toBe(true);
        expect(said, JSON.stringify(argv)).not.toMatch(STACK_TRACE);
        expect(said, JSON.stringify(argv)).not.toMatch(/Unexpected error \/ Oväntat fel/);
        expect(hash(path), `input changed by ${JSON.stringify(argv)}`).toBe(before);
        expect(process.memoryUsage().rss, `memory after ${JSON.stringify(argv)}`).toBeLessThan(
          rssLimit,
        );
        rmSync(caseDir, { recursive: true, force: true });
      }),
      {
        // Each command once on a valid input first, so that every one is exercised however early the time limit stops the run.
        examples: [
          ...(Object.keys(commandInfo) as CommandName[]).map((c) =>
            c === "keys" ? ["keys", "list"] : [c],
          ),
          ["import", "--agenda"],
        ].map((cmd): [string[], Input, string[]] => [
          cmd,
          {
            mutated: {
              kind: "valid",
              base:
                cmd[0] === "from-agenda" ? "kallelse" : cmd[0] === "import" ? "text" : "justerat",
            },
            special: null,
          },
          [],
        ]),
        numRuns: 400,
        interruptAfterTimeLimit: 50_000,
        markInterruptAsFailure: false,
        endOnFailure: true,
      },
    );
    for (const [p, h] of fixtureHashes) expect(hash(p), p).toBe(h);
    // The run must have tried a real number of cases to mean anything.
    expect(n).toBeGreaterThan(40);
  }, 180_000);
});
