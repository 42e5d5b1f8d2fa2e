import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parse } from "../../schemas/file.js";
import { readDocumentFile } from "./readDocumentFile.js";
import { protocolText } from "./testDocuments.testkit.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-read-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Open `bytes` written as `name`; the error, after checking the file is byte for byte unchanged. */
async function refused(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, bytes);
  const before = await stat(file);
  const content = await readFile(file);
  const r = await readDocumentFile(file);
  const after = await stat(file);
  expect(await readFile(file)).toEqual(content);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(after.size).toBe(before.size);
  expect(r.ok).toBe(false);
  return r.ok ? "" : r.error;
}

describe("opening a document file", () => {
  it("reads a well-formed document", async () => {
    const file = join(dir, "bra.protokoll");
    const text = protocolText("Godkännande av dagordning");
    await writeFile(file, text);
    const parsed = parse(text);
    if (!parsed.ok) throw new Error("the test document does not parse");
    expect(await readDocumentFile(file)).toEqual({
      ok: true,
      text,
      file: parsed.file,
      revision: createHash("sha256").update(text).digest("hex"),
    });
  });

  it("says a missing file does not exist", async () => {
    const r = await readDocumentFile(join(dir, "saknas.protokoll"));
    expect(r).toEqual({
      ok: false,
      reason: "missing",
      error: "Filen ”saknas.protokoll” finns inte.",
    });
  });

  it("says a folder is a folder", async () => {
    await mkdir(join(dir, "mapp.protokoll"));
    const r = await readDocumentFile(join(dir, "mapp.protokoll"));
    expect(r.ok ? "" : r.error).toMatch(/är en mapp/);
  });

  it("refuses a truncated document and leaves it as it is", async () => {
    const text = protocolText("Ärende", 5);
    expect(
      await refused("avkortad.protokoll", text.slice(0, Math.floor(text.length * 0.6))),
    ).toMatch(/avkortad/);
  });

  it("refuses a corrupt document (valid JSON, broken structure) and names what is wrong", async () => {
    const raw = JSON.parse(protocolText("Ärende"));
    raw.doc.content[0].type = "okänd_nod";
    expect(await refused("trasig.protokoll", JSON.stringify(raw))).toMatch(
      /^”trasig.protokoll” kan inte öppnas: doc: .*struktur/,
    );
  });

  it("refuses a document with a reference to a person who does not exist", async () => {
    const raw = JSON.parse(protocolText("Ärende"));
    raw.meta.chair = "ingen";
    expect(await refused("referens.protokoll", JSON.stringify(raw))).toMatch(
      /meta.chair: Personen "ingen" finns inte/,
    );
  });

  it("refuses foreign JSON", async () => {
    expect(
      await refused("annan.protokoll", JSON.stringify({ name: "package", version: "1.0.0" })),
    ).toMatch(/inte en protokollfil/);
  });

  it("refuses a plain text file", async () => {
    expect(
      await refused("anteckning.protokoll", "Protokoll fört vid sammanträde med Socialnämnden"),
    ).toMatch(/inte giltig JSON/);
  });

  it("refuses a PDF and suggests importing it", async () => {
    expect(await refused("protokoll.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n")).toMatch(
      /PDF-fil.*Importera/,
    );
  });

  it("refuses a Word file and suggests importing it", async () => {
    expect(
      await refused("protokoll.docx", Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 6, 0, 8, 0])),
    ).toMatch(/Word-fil.*Importera/);
  });

  it("refuses binary content", async () => {
    expect(
      await refused("bild.protokoll", Buffer.from([0x7b, 0x22, 0x00, 0xff, 0x10, 0x00])),
    ).toMatch(/binärt innehåll/);
  });

  it("refuses text that is not UTF-8", async () => {
    expect(
      await refused("latin1.protokoll", Buffer.from('{"title":"Sammantr\xe4de"}', "latin1")),
    ).toMatch(/UTF-8/);
  });

  it("refuses an empty file", async () => {
    expect(await refused("tom.protokoll", "")).toMatch(/tom/);
  });

  it.skipIf(process.platform === "win32")(
    "refuses a named pipe without waiting for it",
    async () => {
      const fifo = join(dir, "ror.protokoll");
      execFileSync("mkfifo", [fifo]);
      expect(await readDocumentFile(fifo)).toEqual({
        ok: false,
        reason: "not-a-file",
        error: "”ror.protokoll” är inte en vanlig fil.",
      });
    },
  );

  it("refuses a file over 50 MB before reading it", async () => {
    const file = join(dir, "stor.protokoll");
    await writeFile(file, "");
    await truncate(file, MAX_FILE_BYTES + 1); // a sparse file: no 50 MB written to disk
    const before = await stat(file);
    const r = await readDocumentFile(file);
    expect(r.ok ? "" : r.error).toBe(
      "”stor.protokoll” är för stor för att öppnas (50 MB, högst 50 MB).",
    );
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });
});

describe("open errors name the problem, not the content (issue 13, item 9)", () => {
  it("never echoes a foreign file's bytes", async () => {
    const secrets = [
      "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n",
      '{"api_key": "sk-HEMLIG-NYCKEL-123"} trailing',
      '{"format": "sk-HEMLIG-NYCKEL-123", "version": 1}',
      "[1, 2, sk-HEMLIG-NYCKEL-123",
    ];
    for (const [i, s] of secrets.entries()) {
      const error = await refused(`hemlig-${i}.protokoll`, s);
      expect(error).not.toMatch(/root:x|bin\/bash|HEMLIG|sk-/);
      expect(error).toMatch(/JSON|format|avkortad/);
    }
    // It still says where: line and column.
    expect(await refused("plats.protokoll", '{\n  "format": "protokoll",\n  x\n}')).toMatch(
      /line 3, column 3/,
    );
  });
});
