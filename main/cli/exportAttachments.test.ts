/** `protokoll export` of a protocol with bilagor: the files beside the output, or a clear refusal. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as b from "../../schemas/build.js";
import { serialize } from "../../schemas/file.js";
import { sha256Bytes } from "../../schemas/review/sha256.js";
import { schema } from "../../schemas/schema.js";
import { protocolFile } from "../../schemas/rules/testBuilder.testkit.js";
import { readPdf } from "../export/readBack.testkit.js";
import { runCapturing } from "./runCapturing.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-cli-bilagor-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCapturing(["export", ...args]);

function writeProtocol(fileBytes: string): string {
  mkdirSync(join(dir, "bilagor"));
  writeFileSync(join(dir, "bilagor", "votering.pdf"), fileBytes);
  const file = protocolFile(
    [
      b.item(
        { id: "p1", title: "Motion om parkbänkar" },
        b.decision([
          "Motionen avslås (",
          schema.nodes.attachment_ref.create({ target: "v" }),
          ").",
        ]),
      ),
    ],
    {
      attachments: [
        {
          id: "v",
          title: "Voteringslista",
          file: "bilagor/votering.pdf",
          sha256: sha256Bytes(Buffer.from("%PDF votering")),
          item: "p1",
        },
      ],
    },
  );
  const path = join(dir, "möte.protokoll");
  writeFileSync(path, serialize(file));
  return path;
}

describe("protokoll export with bilagor", () => {
  it("writes each bilaga beside the PDF and says so; the PDF lists it and refers to it by number", async () => {
    const input = writeProtocol("%PDF votering");
    const out = join(dir, "ut.pdf");
    const r = await cli(input, "--draft", "--pdf", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `Wrote / Skrev ${join(dir, "ut-bilagor", "Bilaga 1 – Voteringslista.pdf")} (bilaga 1)`,
    );
    expect(readFileSync(join(dir, "ut-bilagor", "Bilaga 1 – Voteringslista.pdf"), "utf8")).toBe(
      "%PDF votering",
    );
    const text = (await readPdf(new Uint8Array(readFileSync(out)))).pages
      .join("\n")
      .replace(/\s+/g, " ");
    expect(text).toContain("Motionen avslås (bilaga 1).");
    expect(text).toMatch(/Bilagor Bilaga Titel Hör till Bilaga 1 Voteringslista § 1/);
  });

  it("writes the bilagor once when the PDF and the DOCX of one name share their folder", async () => {
    const input = writeProtocol("%PDF votering");
    const r = await cli(
      input,
      "--draft",
      "--pdf",
      join(dir, "båda.pdf"),
      "--docx",
      join(dir, "båda.docx"),
    );
    expect(r.code).toBe(0);
    const bilaga = join(dir, "båda-bilagor", "Bilaga 1 – Voteringslista.pdf");
    expect(r.out.split(`Wrote / Skrev ${bilaga} (bilaga 1)`)).toHaveLength(2);
    expect(r.out).toContain(`Wrote / Skrev ${join(dir, "båda.docx")}`);
    expect(readFileSync(bilaga, "utf8")).toBe("%PDF votering");
  });

  it("refuses in English and Swedish, writing nothing, when the file has changed since it was attached", async () => {
    const input = writeProtocol("%PDF ändrad");
    const r = await cli(input, "--draft", "--pdf", join(dir, "ut.pdf"));
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'Export refused / Exporten stoppades: Nothing was exported. The file of attachment 1 ("Voteringslista") has changed since it was attached: bilagor/votering.pdf.',
    );
    expect(r.err).toContain(
      "Exporten gjordes inte. Filen till bilaga 1 (”Voteringslista”) har ändrats sedan den bifogades: bilagor/votering.pdf.",
    );
    expect(readdirSync(dir).sort()).toEqual(["bilagor", "möte.protokoll"]);
  });

  it("refuses when the file is missing", async () => {
    const input = writeProtocol("%PDF votering");
    rmSync(join(dir, "bilagor", "votering.pdf"));
    const r = await cli(input, "--draft", "--docx", join(dir, "ut.docx"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /is missing: bilagor\/votering\.pdf\.[\s\S]*saknas: bilagor\/votering\.pdf\./,
    );
    expect(existsSync(join(dir, "ut.docx"))).toBe(false);
  });
});
