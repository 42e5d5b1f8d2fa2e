import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse, serialize, type ProtokollFile } from "../../schemas/file.js";
import { computeSeal, makeSeal, sealEntries } from "../../schemas/review/seal.js";
import { recordNotice } from "../../schemas/review/recordNotice.js";
import { exportDocument } from "../export/exportDocument.js";
import { seed002 } from "../export/testFixtures.testkit.js";
import { writePdf } from "../export/writePdf.js";
import { renderDocument } from "../../schemas/render/renderDocument.js";
import { numberedItems } from "../../schemas/numbering.js";
import { adjust, immediateAdjust } from "../../schemas/review/adjust.js";
import { approveItem } from "../../schemas/review/approvals.js";
import { recordCorrection } from "../../schemas/review/recordCorrection.js";
import { sendForReview } from "../../schemas/review/reviewStatus.js";
import {
  adjustedSample,
  must,
  sampleProtocol,
} from "../../schemas/review/sampleProtocol.testkit.js";
import { replaceInItem } from "../../schemas/review/textEdits.js";
import { runCapturing } from "./runCapturing.js";
import { formatFingerprint, SealKeyStore } from "../review/sealKeys.js";
import { signed, signedText, testKey } from "../review/sealKeys.testkit.js";

const dir = mkdtempSync(join(tmpdir(), "protokoll-verify-"));
// The user's settings folder (own keys, trusted keys) is a fresh one, outside the folder of the files.
process.env.PROTOKOLL_CONFIG_DIR = join(dir, "installningar");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The key of this body: a key the user trusts (it is in the trusted-keys file). */
const body = testKey("Socialnämnden");
mkdirSync(process.env.PROTOKOLL_CONFIG_DIR, { recursive: true });
writeFileSync(
  join(process.env.PROTOKOLL_CONFIG_DIR, "trusted-keys.txt"),
  `# betrodda\n${formatFingerprint(body.fingerprint)}  # Socialnämnden\n`,
);
const bodyKey = formatFingerprint(body.fingerprint);

/** The sample justerad and signed with the body's key, as the host does it. */
const adjusted = () => signed(adjustedSample(), body);
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const run = (...args: string[]) => runCapturing(["verify", ...args]);

describe("protokoll verify", () => {
  it("says a signed justerad file agrees with its seal, signed by the trusted key, and exits 0, without touching the file", async () => {
    const f = adjusted();
    const path = write("justerat.protokoll", serialize(f));
    const before = readFileSync(path);
    const r = await run(path);
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe(
      `OK: the file agrees with its seal, signed by key ${bodyKey} (Socialnämnden) / Filen stämmer med sitt sigill, signerat med nyckel ${bodyKey} (Socialnämnden) — ${path}`,
    );
    expect(r.out).toContain(`Seal / Sigill (SHA-256, form 2): ${f.meta.seal!.sha256}`);
    expect(r.out).toContain(`Key / Nyckel: ${bodyKey}`);
    expect(r.out).toContain("Rättelser / Corrections: none / inga");
    expect(r.out).toContain(
      "Justerad / Adjusted: 2020-08-31T14:00, av / by Jon Järvholm, Linda Vall",
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("says a file whose text was changed after justering is CHANGED and exits 1", async () => {
    const text = serialize(adjusted());
    expect(text).toContain("Dagordningen godkänns.");
    const path = write(
      "andrat.protokoll",
      text.replace("Dagordningen godkänns.", "Dagordningen godkänns ej."),
    );
    const r = await run(path);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^CHANGED since justering: the seal does not match the content \/ ÄNDRAT sedan justeringen/,
    );
    expect(r.out).toContain("Recomputed / Beräknat sigill:");
  });

  it("lists the rättelser of a corrected file and exits 0", async () => {
    const f = adjusted();
    const c0 = must(
      recordCorrection(f, {
        newDoc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden"),
        what: "”ytterstaden” ändrat till ”innerstaden”.",
        why: "Skrivfel.",
        by: "Sara Karlsson",
        at: "2020-09-03T08:30",
      }),
    );
    const r = await run(write("rattat.protokoll", signedText(c0, body)));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Rättelser / Corrections: 1");
    expect(r.out).toContain(
      "1. 2020-09-03T08:30 Sara Karlsson (§ 5): ”ytterstaden” ändrat till ”innerstaden”. (Skäl / Reason: Skrivfel.)",
    );
  });

  it("says a draft is not justerad and exits 1, reporting a § justerad at the meeting", async () => {
    const draft = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    const r = await run(write("utkast.protokoll", serialize(draft)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^NOT JUSTERAD.* \/ INTE JUSTERAT/);
    expect(r.out).toContain(
      "§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: unchanged / oförändrad",
    );
  });

  it("accepts a § justerad at the meeting that was later changed by a recorded rättelse, but not one changed without", async () => {
    let f = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    f = must(sendForReview(f, "Sara Karlsson", "2020-08-26T09:00"));
    for (const item of ["p1", "p2", "p3", "p5", "p6"])
      for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, "2020-08-30T10:00"));
    f = signed(must(adjust(f, ["jj", "lv"], "2020-08-31T14:00")), body);
    const ok = await run(write("omedelbar.protokoll", serialize(f)));
    expect(ok.code).toBe(0);
    expect(ok.out).toContain(
      "§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: unchanged / oförändrad",
    );
    const corrected = must(
      recordCorrection(f, {
        newDoc: replaceInItem(f.doc, "p4", "månadsrapporten", "månadsrapporten för augusti"),
        what: "Månaden tillagd.",
        why: "Förtydligande.",
        by: "Sara Karlsson",
        at: "2020-09-02T09:00",
      }),
    );
    const r = await run(write("omedelbar-rattad.protokoll", signedText(corrected, body)));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: changed by a recorded rättelse / ändrad genom rättelse",
    );
    const draft = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    const tampered = await run(
      write(
        "omedelbar-andrad.protokoll",
        serialize({ ...draft, doc: replaceInItem(draft.doc, "p4", "godkänner", "avslår") }),
      ),
    );
    expect(tampered.code).toBe(1);
    expect(tampered.out).toContain(
      "§ 4 omedelbart justerad / immediately adjusted 2020-08-25T19:20: CHANGED / ÄNDRAD",
    );
  });

  it("exits 2 for a missing file, a folder, a non-protocol and bad usage, in English and Swedish", async () => {
    const missing = await run(join(dir, "finns-inte.protokoll"));
    expect(missing).toMatchObject({
      code: 2,
      err: `File not found / Filen finns inte: ${join(dir, "finns-inte.protokoll")}`,
    });
    mkdirSync(join(dir, "mapp"));
    expect((await run(join(dir, "mapp"))).err).toMatch(/^Is a folder, not a file \/ Är en mapp/);
    const junk = await run(write("skrap.protokoll", "{ inte json"));
    expect(junk.code).toBe(2);
    expect(junk.err).toMatch(/^Not a readable protocol file \/ Inte en läsbar protokollfil/);
    expect((await run()).code).toBe(2);
    expect((await run("--bogus", "x")).err).toMatch(/Unknown option \/ Okänt alternativ: --bogus/);
    expect((await run("x", "--today", "31/8")).code).toBe(2);
  });

  it("gives machine-readable JSON and the deadlines for a given day", async () => {
    const path = write("json.protokoll", serialize(adjusted()));
    const r = await run(path, "--json", "--today", "2020-09-01");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({
      result: "signed",
      pass: true,
      form: 2,
      key: body.fingerprint,
      status: "adjusted",
      canonical: true,
      adjustedAt: "2020-08-31T14:00",
      deadlines: { noticeBy: "2020-09-02", appealEnds: "2020-09-23" },
    });
    const text = await run(path, "--today", "2020-09-01");
    expect(text.out).toContain(
      "Anslag på anslagstavlan senast onsdag den 2 september 2020 (1 dag kvar).",
    );
  });

  it("justerar the real Socialnämnden protocol of 25 August 2020 (seed 002), verifies it, and notices a one-word change", async () => {
    const root = join(import.meta.dirname, "../..");
    const name = readdirSync(join(root, "seeds")).find(
      (n) => n.startsWith("002-") && n.endsWith(".protokoll"),
    );
    expect(name, "seeds/002-*.protokoll").toBeDefined();
    const parsed = parse(readFileSync(join(root, "seeds", name!), "utf8"));
    if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
    let f = must(sendForReview(parsed.file, "Sekreteraren", "2020-08-26T09:00"));
    const signers = [f.meta.chair!, ...f.meta.adjusters];
    for (const i of numberedItems(f.doc, f.meta))
      for (const who of signers) f = must(approveItem(f, i.id, who, "2020-08-31T10:00"));
    f = signed(must(adjust(f, signers, "2020-08-31T14:00")), body);
    const path = write("002.protokoll", serialize(f));
    const r = await run(path, "--today", "2020-09-01");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Justerat måndag den 31 augusti 2020.");
    expect(r.out).toContain("Överklagandetiden går ut senast onsdag den 23 september 2020");
    const text = readFileSync(path, "utf8");
    const word = /"text": "[^"]*\b(beslutar)\b/.exec(text);
    expect(word).not.toBeNull();
    const changed = write(
      "002-andrad.protokoll",
      text.slice(0, word!.index) +
        word![0].replace(/beslutar$/, "beslutade") +
        text.slice(word!.index + word![0].length),
    );
    expect((await run(changed)).code).toBe(1);
  });

  it("runs as a real process with the documented exit codes", () => {
    const good = write("proc.protokoll", serialize(adjusted()));
    const bad = write(
      "proc-bad.protokoll",
      readFileSync(good, "utf8").replace("Anmälan läggs", "Anmälan lades"),
    );
    const cli = (p: string) =>
      spawnSync(process.execPath, ["bin/protokoll.mjs", "verify", p], {
        encoding: "utf8",
        cwd: join(import.meta.dirname, "../.."),
      });
    expect(cli(good)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining(
        `OK: the file agrees with its seal, signed by key ${bodyKey}`,
      ),
    });
    expect(cli(bad)).toMatchObject({
      status: 1,
      stdout: expect.stringContaining("CHANGED since justering"),
    });
    expect(cli(join(dir, "nej.protokoll"))).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("File not found / Filen finns inte"),
    });
  });
});

describe("protokoll verify: justerade files of the old format (frozen fixtures)", () => {
  const fixtures = join(import.meta.dirname, "../../schemas/review/fixtures");
  const names = readdirSync(fixtures).filter((n) => n.endsWith(".protokoll"));

  it.each(names)("%s exits 0, reported as an unsigned seal of the old form", async (name) => {
    const r = await run(join(fixtures, name));
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toMatch(
      /^OK \(UNSIGNED, OLD FORM\): the file agrees with its seal of the old form, which is NOT SIGNED \(anyone able to change the file could have recomputed it\) \/ filen stämmer med sitt sigill av den gamla formen, som INTE ÄR SIGNERAT/,
    );
    expect(r.out).toContain("Seal / Sigill (SHA-256, form 1)");
  });

  it.each(names)("%s is refused with --require-signature and with --key (exit 1)", async (name) => {
    const path = join(fixtures, name);
    const required = await run(path, "--require-signature");
    expect(required.code).toBe(1);
    expect(required.out).toMatch(
      /^REFUSED: the file agrees with its seal of the old form.*a signature was required \/ en signatur krävdes/,
    );
    expect((await run(path, "--key", body.fingerprint)).code).toBe(1);
  });

  it("says the anslag date of an old-form file is not covered by its seal", async () => {
    const r = await run(join(fixtures, "v1-justerat.protokoll"));
    expect(r.out).toContain(
      "the anslag date (2020-09-01) is not covered by a seal of the old form",
    );
  });
});

describe("protokoll verify: signatures and trusted keys", () => {
  it("exits 1 for a seal of the new form without a signature", async () => {
    const r = await run(write("osignerat.protokoll", serialize(adjustedSample())));
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toMatch(
      /^NOT SIGNED: the file agrees with its seal, but the seal has no signature \/ INTE SIGNERAT/,
    );
  });

  it("exits 1 for a key the user does not trust, and 0 once it is given with --key or is in the trusted-keys file given", async () => {
    const stranger = testKey("Annan nämnd");
    const path = write("annan-nyckel.protokoll", signedText(adjustedSample(), stranger));
    const r = await run(path);
    expect(r.code).toBe(1);
    expect(r.out.split("\n")[0]).toMatch(
      new RegExp(
        `^UNTRUSTED KEY: the file agrees with its seal, signed by key ${formatFingerprint(stranger.fingerprint)} \\(Annan nämnd\\), which is not a key you trust`,
      ),
    );
    const given = await run(path, "--key", formatFingerprint(stranger.fingerprint));
    expect(given.code).toBe(0);
    expect(given.out).toContain(
      `signed by key ${formatFingerprint(stranger.fingerprint)} (Annan nämnd)`,
    );
    const list = write("mina-betrodda.txt", `${stranger.fingerprint}\n`);
    expect((await run(path, "--trusted-keys", list)).code).toBe(0);
    // --key asks "signed by this key?": the body's own file is not, although its key is trusted by default.
    const ours = write("var-nyckel.protokoll", serialize(adjusted()));
    expect((await run(ours)).code).toBe(0);
    const other = await run(ours, "--key", stranger.fingerprint);
    expect(other.code).toBe(1);
    expect(other.out).toMatch(
      new RegExp(`^UNTRUSTED KEY: the file agrees with its seal, signed by key ${bodyKey}`),
    );
    expect((await run(path, "--key", "inte-ett-fingeravtryck")).code).toBe(2);
    // A trusted-keys file that is missing, a device or a folder: exit 2, never a hang.
    expect((await run(path, "--trusted-keys", join(dir, "saknas.txt"))).code).toBe(2);
    const device = await run(path, "--trusted-keys", "/dev/zero");
    expect(device.code).toBe(2);
    expect(device.err).toMatch(/not a regular text file/);
    expect((await run(path, "--trusted-keys", dir)).code).toBe(2);
  });

  it("trusts the user's own keys, kept in the settings folder", async () => {
    const store = new SealKeyStore(join(process.env.PROTOKOLL_CONFIG_DIR!, "keys"));
    const own = await store.create("Egen nyckel", "en lång lösenfras");
    const { key } = await store.unlock(own.fingerprint, "en lång lösenfras");
    const path = write(
      "egen.protokoll",
      signedText(adjustedSample(), { key, fingerprint: own.fingerprint, holder: own.holder }),
    );
    expect((await run(path)).code).toBe(0);
  });
});

describe("protokoll verify: forgeries", () => {
  const text = (f: ProtokollFile) => serialize(f);
  /** The forger's tool: the project's own seal function, applied after the change. */
  const reseal = (f: ProtokollFile, keepSignature: boolean): ProtokollFile => {
    const next = structuredClone({ ...f, doc: undefined }) as unknown as ProtokollFile;
    next.doc = f.doc;
    const entries = sealEntries(next.history);
    const own = entries[entries.length - 1]!;
    own.seal = null;
    const seal = makeSeal(next, f.meta.seal!.at, f.meta.seal!.by);
    const withSig =
      keepSignature && f.meta.seal!.signature
        ? { ...seal, signature: f.meta.seal!.signature }
        : seal;
    own.seal = withSig;
    next.meta.seal = withSig;
    return next;
  };

  it("detects content changed and the seal recomputed: with the old signature, without one, signed by the forger's own key", async () => {
    const f = adjusted();
    const changed = { ...f, doc: replaceInItem(f.doc, "p3", "godkänner", "avslår") };
    const plain = await run(write("f-andrat.protokoll", text(changed)));
    expect(plain).toMatchObject({
      code: 1,
      out: expect.stringMatching(/^CHANGED since justering/),
    });
    const oldSig = await run(write("f-omraknat.protokoll", text(reseal(changed, true))));
    expect(oldSig.code).toBe(1);
    expect(oldSig.out).toMatch(/^BAD SIGNATURE: the seal's signature is not valid/);
    expect(
      (await run(write("f-utan-signatur.protokoll", text(reseal(changed, false))))).out,
    ).toMatch(/^NOT SIGNED/);
    const forger = testKey("Socialnämnden");
    const own = await run(
      write("f-egen-nyckel.protokoll", signedText(reseal(changed, false), forger)),
    );
    expect(own.code).toBe(1);
    expect(own.out).toMatch(/^UNTRUSTED KEY/);
  });

  it("detects content changed and recomputed as a seal of the old form, when a signature is required (without, it says the seal is unsigned and of the old form)", async () => {
    const f = adjusted();
    const changed = { ...f, doc: replaceInItem(f.doc, "p3", "godkänner", "avslår") };
    const old = structuredClone({ ...changed, doc: undefined }) as unknown as ProtokollFile;
    old.doc = changed.doc;
    const own = sealEntries(old.history).at(-1)!;
    own.seal = null;
    old.meta.seal = null;
    const seal = { sha256: computeSeal(old), at: f.meta.seal!.at, by: f.meta.seal!.by };
    own.seal = seal;
    old.meta.seal = seal;
    const path = write("f-gammal-form.protokoll", text(old));
    expect((await run(path, "--require-signature")).code).toBe(1);
    expect((await run(path, "--key", body.fingerprint)).code).toBe(1);
    expect((await run(path)).out).toMatch(/^OK \(UNSIGNED, OLD FORM\)/);
  });

  it("detects a rättelse erased, whether the seal is kept or recomputed", async () => {
    const f = adjusted();
    const corrected = signed(
      must(
        recordCorrection(f, {
          newDoc: replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden"),
          what: "Ortnamn rättat.",
          why: "Skrivfel.",
          by: "Sara Karlsson",
          at: "2020-09-03T08:30",
        }),
      ),
      body,
    );
    expect((await run(write("f-rattat.protokoll", text(corrected)))).code).toBe(0);
    const erased = {
      ...corrected,
      history: corrected.history.filter((h) => h.kind !== "correction"),
    };
    const kept = await run(write("f-rattelse-bort.protokoll", text(erased)));
    expect(kept.code).toBe(1);
    expect(kept.out).toMatch(/^(CHANGED|SEAL CHAIN BROKEN)/);
    // The forger makes the justering's seal the current one again, over the corrected text.
    const justering = erased.history.find((h) => h.kind === "adjusted" && h.item === null)!;
    const recomputed = reseal({ ...erased, meta: { ...erased.meta, seal: justering.seal } }, true);
    const r = await run(write("f-rattelse-bort-omraknat.protokoll", text(recomputed)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^BAD SIGNATURE/);
    // The rättelse's author and reason are covered too.
    const reworded = structuredClone(corrected.history);
    reworded.find((h) => h.kind === "correction")!.why = "Beslut av ordföranden.";
    expect(
      (await run(write("f-skal-andrat.protokoll", text({ ...corrected, history: reworded })))).out,
    ).toMatch(/^CHANGED/);
  });

  it("detects the seal's time or signers changed, and their change with the seal recomputed", async () => {
    const f = adjusted();
    for (const [name, change] of [
      ["at", (s: NonNullable<ProtokollFile["meta"]["seal"]>) => ({ ...s, at: "2020-08-28T14:00" })],
      ["by", (s: NonNullable<ProtokollFile["meta"]["seal"]>) => ({ ...s, by: ["jj"] })],
    ] as const) {
      const history = structuredClone(f.history);
      const own = sealEntries(history).at(-1)!;
      own.seal = change(own.seal!);
      const forged = { ...f, meta: { ...f.meta, seal: own.seal }, history };
      const r = await run(write(`f-${name}.protokoll`, text(forged)));
      expect(r.code, name).toBe(1);
      expect(r.out, name).toMatch(/^CHANGED/);
      const again = await run(write(`f-${name}-omraknat.protokoll`, text(reseal(forged, true))));
      expect(again.code, name).toBe(1);
      expect(again.out, name).toMatch(/^BAD SIGNATURE/);
    }
  });

  it("detects the anslag date changed after the anslag was recorded and signed", async () => {
    const f = adjusted();
    const posted = signed(
      must(recordNotice(f, "2020-09-01", "Sara Karlsson", "2020-09-01T09:00")),
      body,
    );
    const good = await run(write("f-anslag.protokoll", text(posted)));
    expect(good.code).toBe(0);
    expect(good.out).toContain(
      "Anslag / Notice: 2020-09-01T09:00 Sara Karlsson: Anslaget sattes upp den 1 september 2020.",
    );
    const moved = {
      ...posted,
      meta: { ...posted.meta, notice: { ...posted.meta.notice, posted: "2020-09-08" } },
    };
    const r = await run(write("f-anslag-flyttat.protokoll", text(moved)));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^CHANGED/);
    // Posting a date without the signed record is a change as well.
    const unrecorded = {
      ...f,
      meta: { ...f.meta, notice: { ...f.meta.notice, posted: "2020-09-01" } },
    };
    expect((await run(write("f-anslag-utan-post.protokoll", text(unrecorded)))).code).toBe(1);
  });

  it("detects an omedelbar justering entry changed: its § seal, its time, or the entry removed", async () => {
    let f = must(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:20"));
    f = must(sendForReview(f, "Sara Karlsson", "2020-08-26T09:00"));
    for (const item of ["p1", "p2", "p3", "p5", "p6"])
      for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, "2020-08-30T10:00"));
    f = signed(must(adjust(f, ["jj", "lv"], "2020-08-31T14:00")), body);
    expect((await run(write("f-omedelbar.protokoll", text(f)))).code).toBe(0);
    const index = f.history.findIndex((h) => h.kind === "adjusted" && h.item === "p4");
    const variants: [string, (h: ProtokollFile["history"]) => void][] = [
      ["sigill", (h) => (h[index]!.seal = { ...h[index]!.seal!, sha256: "a".repeat(64) })],
      ["tid", (h) => (h[index]!.at = "2020-08-26T10:00")],
      ["borttagen", (h) => h.splice(index, 1)],
    ];
    for (const [name, change] of variants) {
      const history = structuredClone(f.history);
      change(history);
      const r = await run(write(`f-omedelbar-${name}.protokoll`, text({ ...f, history })));
      expect(r.code, name).toBe(1);
      expect(r.out, name).toMatch(/^CHANGED/);
    }
  });
});

describe("protokoll verify --pdf", () => {
  it("accepts the PDF exported from the file, and refuses one whose text differs or that belongs to another file", async () => {
    // A complete protocol (the export gate passes), sealed in form 2 and signed.
    const base = seed002();
    const own = sealEntries(base.history).at(-1)!;
    const { at, by } = base.meta.seal!;
    own.seal = null;
    base.meta.seal = null;
    own.seal = base.meta.seal = makeSeal(base, at, by);
    const f = signed(base, body);
    const path = write("pdf.protokoll", serialize(f));
    const exported = await exportDocument(f, { format: "pdf", output: "full" });
    if (!exported.ok) throw new Error(exported.error);
    const pdf = join(dir, "pdf.pdf");
    writeFileSync(pdf, exported.bytes);
    const ok = await run(path, "--pdf", pdf);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      /PDF: .*pdf\.pdf is an export of this file \(full, \d+ pages, every page's text the same\)/,
    );
    // A PDF of the same protocol with one word changed (the seal printed in it is the same).
    const other = {
      ...f,
      meta: { ...f.meta, meeting: { ...f.meta.meeting, place: "Ett annat rum" } },
    };
    // (made past the export gate, which would refuse a protocol whose seal does not match, as a forger's tool would)
    const rendered = renderDocument(other, { output: "full" });
    if (!rendered.ok) throw new Error(rendered.error);
    writeFileSync(join(dir, "andrad.pdf"), await writePdf(rendered.rendered, { pdfa: "2a" }));
    const bad = await run(path, "--pdf", join(dir, "andrad.pdf"));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(
      /PDF DOES NOT MATCH \/ PDF:EN STÄMMER INTE: .*andrad\.pdf: page \d+ of the PDF differs from the protocol/,
    );
    writeFileSync(join(dir, "skrap.pdf"), "inte en pdf");
    const junk = await run(path, "--pdf", join(dir, "skrap.pdf"));
    expect(junk.code).toBe(1);
    expect(junk.out).toContain("Not a readable PDF / Inte en läsbar PDF");
    expect((await run(path, "--pdf", join(dir, "finns-inte.pdf"))).code).toBe(2);
  });
});
