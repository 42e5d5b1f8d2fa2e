import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, serialize, type ProtokollFile } from "../file.js";
import { adjust } from "./adjust.js";
import { approveItem } from "./approvals.js";
import { addComment } from "./comments.js";
import { recordCorrection } from "./recordCorrection.js";
import { sendForReview } from "./reviewStatus.js";
import { sampleProtocol, must } from "./sampleProtocol.testkit.js";
import { sealedContent, verifySeal } from "./seal.js";
import { stripDefaults } from "./sealForm.js";
import { canonicalJSON } from "../canonical.js";
import { z } from "zod";
import { sha256, sha256Bytes } from "./sha256.js";
import { replaceInItem } from "./textEdits.js";

/** The sample protocol, sent, approved by both and justerad on 2020-08-31, with a comment in its review part. */
export function adjustedSample(): ProtokollFile {
  let f = must(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00"));
  const c = addComment(f, {
    id: "k1",
    item: "p2",
    author: "Linda Vall",
    text: "Bra.",
    at: "2020-08-27T09:00",
  });
  if (!c.ok) throw new Error(c.error);
  f = c.file;
  for (const item of ["p1", "p2", "p3", "p4", "p5", "p6"])
    for (const who of ["jj", "lv"]) f = must(approveItem(f, item, who, "2020-08-30T10:00"));
  return must(adjust(f, ["jj", "lv"], "2020-08-31T14:00"));
}

const hex = (buf: ArrayBuffer) =>
  Array.from(new Uint8Array(buf), (x) => x.toString(16).padStart(2, "0")).join("");

describe("SHA-256", () => {
  it("gives the FIPS 180-4 test vectors", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(sha256Bytes(new Uint8Array(1_000_000).fill(0x61))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("agrees with the platform's crypto.subtle for any text, including å, ä, ö and emoji, at every padding length", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 200 }), async (s) => {
        const expected = hex(
          await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(s)),
        );
        expect(sha256(s)).toBe(expected);
      }),
      { numRuns: 300 },
    );
    for (let n = 50; n < 70; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37) & 0xff);
      expect(sha256Bytes(bytes)).toBe(hex(await globalThis.crypto.subtle.digest("SHA-256", bytes)));
    }
  });
});

describe("the seal", () => {
  it("verifies the file as justerad in form 2, and again after it is written and read back", () => {
    const f = adjustedSample();
    expect(f.meta.seal).toMatchObject({ form: 2, at: "2020-08-31T14:00", by: ["jj", "lv"] });
    expect(verifySeal(f)).toMatchObject({
      ok: true,
      form: 2,
      sealedAt: "2020-08-31T14:00",
      sha256: f.meta.seal!.sha256,
    });
    const text = serialize(f);
    const back = parse(text);
    expect(back.ok && verifySeal(back.file, JSON.parse(text)).ok).toBe(true);
    expect(f.meta.seal!.sha256).toBe(sha256(sealedContent(f)));
  });

  it("covers the protocol, the seal's time and signers and the anslag date, but not the seal itself, the version or the review part", () => {
    const f = adjustedSample();
    const content = JSON.parse(sealedContent(f));
    expect(Object.keys(content).sort()).toEqual(["doc", "form", "history", "kind", "meta", "seal"]);
    expect(content.seal).toEqual({ at: "2020-08-31T14:00", by: ["jj", "lv"] });
    expect(content.meta.seal).toBeUndefined();
    expect(content.meta.status).toBe("adjusted");
    expect(content.meta.notice.keptAt).toBe("Socialförvaltningen, Swedenborgsgatan 20");
    expect(content.history.at(-1).seal).toBeUndefined();
    const posted = {
      ...f,
      meta: { ...f.meta, notice: { ...f.meta.notice, posted: "2020-09-01" } },
    };
    expect(verifySeal(posted)).toMatchObject({ ok: false, reason: "changed" });
    const later = structuredClone(f.meta);
    later.seal!.at = "2020-09-01T08:00";
    const history = structuredClone(f.history);
    history.at(-1)!.seal!.at = "2020-09-01T08:00";
    expect(verifySeal({ ...f, meta: later, history })).toMatchObject({
      ok: false,
      reason: "changed",
    });
    const commented = { ...f, review: { ...f.review, comments: [] } };
    expect(verifySeal(commented).ok).toBe(true);
  });

  it("is checked on the stored form: keys at their default may be absent or present, and the version may change", () => {
    const f = adjustedSample();
    const stored = JSON.parse(serialize(f));
    // What an older program wrote without the keys a newer one adds at their default: drop every default.
    const bare = structuredClone(stored);
    const dropDefaults = (n: { attrs?: Record<string, unknown>; content?: unknown[] }) => {
      if (n.attrs)
        for (const k of Object.keys(n.attrs))
          if (
            n.attrs[k] === false ||
            n.attrs[k] === null ||
            (Array.isArray(n.attrs[k]) && !(n.attrs[k] as unknown[]).length)
          )
            delete n.attrs[k];
      (n.content ?? []).forEach((c) => dropDefaults(c as typeof n));
    };
    dropDefaults(bare.doc);
    delete bare.meta.template;
    delete bare.meta.recusals;
    delete bare.meta.interpellation;
    for (const h of bare.history) if (h.why === null) delete h.why;
    bare.version = 7;
    expect(JSON.stringify(bare).length).toBeLessThan(JSON.stringify(stored).length - 200);
    expect(verifySeal(f, bare)).toMatchObject({ ok: true, form: 2 });
    // A key with a value other than its default is content.
    const other = structuredClone(stored);
    other.meta.template = "nämnd";
    expect(verifySeal(f, other)).toMatchObject({ ok: false, reason: "changed" });
  });

  it("leaves out a field added later only while it holds the value an absent key reads as", () => {
    const Later = z.strictObject({
      name: z.string(),
      urgent: z.boolean().default(false),
      kept: z.boolean().default(true),
      note: z.string().nullable().default(null),
      nested: z.strictObject({ n: z.number().default(1) }).prefault({}),
    });
    const strip = (v: unknown) => canonicalJSON(stripDefaults(Later, v, "x"));
    expect(strip({ name: "a", urgent: false, kept: true, note: null, nested: { n: 1 } })).toBe(
      strip({ name: "a" }),
    );
    expect(strip({ name: "a", urgent: true })).not.toBe(strip({ name: "a" }));
    // false is not "empty" here: the default is true, so an absent key would read differently.
    expect(strip({ name: "a", kept: false })).not.toBe(strip({ name: "a" }));
    expect(strip({ name: "a", nested: { n: 2 } })).not.toBe(strip({ name: "a" }));
    // Form 1 keys are never left out: they were always written.
    expect(
      canonicalJSON(
        stripDefaults(Later, { name: "a", urgent: false }, "x", (p) => p !== "x.urgent"),
      ),
    ).toContain("urgent");
  });

  it("fails when the document was not justerad", () => {
    expect(verifySeal(sampleProtocol())).toMatchObject({ ok: false, reason: "not_adjusted" });
  });

  it("fails after any character change that changes the sealed content (random positions in the file)", () => {
    const f = adjustedSample();
    const text = serialize(f);
    const sealed = sealedContent(f);
    // The review part is not sealed; every other character except JSON's own punctuation and whitespace is a candidate.
    const reviewStart = text.indexOf('\n  "review": {');
    const reviewEnd = text.indexOf("\n  },\n", reviewStart) + 4;
    expect(reviewStart).toBeGreaterThan(0);
    const versionAt = text.indexOf('"version": ') + 11;
    const positions = [...text.matchAll(/[^\s{}[\]:,"]/g)]
      .map((m) => m.index)
      .filter((i) => (i < reviewStart || i > reviewEnd) && i !== versionAt);
    expect(positions.some((i) => "åäöÅÄÖé".includes(text[i]!))).toBe(true);
    const pool = "aåäöxZ09-.é";
    const outcome = { unreadable: 0, detected: 0, notContent: 0 };
    fc.assert(
      fc.property(
        fc.constantFrom(...positions),
        fc.integer({ min: 0, max: pool.length - 1 }),
        (i, k) => {
          const ch = text[i]!;
          const other = pool[k] === ch ? pool[(k + 1) % pool.length]! : pool[k]!;
          const r = parse(text.slice(0, i) + other + text.slice(i + 1));
          if (!r.ok)
            outcome.unreadable++; // `protokoll verify` exits 2: the file no longer opens
          else if (sealedContent(r.file) === sealed)
            outcome.notContent++; // e.g. an unknown attribute name, which reading drops
          else {
            expect(
              verifySeal(r.file).ok,
              `changing ${JSON.stringify(ch)} to ${JSON.stringify(other)} at ${i}: ${text.slice(i - 30, i + 30)}`,
            ).toBe(false);
            outcome.detected++;
          }
        },
      ),
      { numRuns: 600 },
    );
    // About a third of the changes keep the file readable and change content; every one of them was caught.
    expect(outcome.detected).toBeGreaterThan(120);
    expect(outcome.detected).toBeGreaterThan(outcome.notContent * 3);
  });

  it("fails after a change of text, of a vote-like attribute, of the metadata, or of a seal in the history", () => {
    const f = adjustedSample();
    expect(
      verifySeal({ ...f, doc: replaceInItem(f.doc, "p2", "godkänns", "godkänns inte") }),
    ).toMatchObject({ ok: false, reason: "changed" });
    expect(verifySeal({ ...f, meta: { ...f.meta, adjusters: [] } })).toMatchObject({
      ok: false,
      reason: "changed",
    });
    const forged = structuredClone(f.history);
    forged.at(-1)!.seal = { ...forged.at(-1)!.seal!, at: "2020-08-30T14:00" };
    expect(verifySeal({ ...f, history: forged })).toMatchObject({
      ok: false,
      reason: "history_broken",
    });
    expect(verifySeal({ ...f, history: f.history.slice(0, -1) })).toMatchObject({
      ok: false,
      reason: "changed",
    });
  });

  it("succeeds again after a recorded rättelse, and keeps the chain of seals", () => {
    const f = adjustedSample();
    const newDoc = replaceInItem(f.doc, "p5", "ytterstaden", "innerstaden");
    expect(verifySeal({ ...f, doc: newDoc }).ok).toBe(false);
    const corrected = must(
      recordCorrection(f, {
        newDoc,
        what: "”ytterstaden” ändrat till ”innerstaden”.",
        why: "Skrivfel.",
        by: "Sara Karlsson",
        at: "2020-09-03T08:30",
      }),
    );
    const v = verifySeal(corrected);
    expect(v).toMatchObject({
      ok: true,
      adjustedAt: "2020-08-31T14:00",
      sealedAt: "2020-09-03T08:30",
    });
    expect(v.ok && v.corrections).toHaveLength(1);
    // Swapping the previous seal of the rättelse breaks the chain.
    const broken = structuredClone(corrected.history);
    broken.at(-1)!.previousSeal = { ...broken.at(-1)!.previousSeal!, sha256: "0".repeat(64) };
    expect(verifySeal({ ...corrected, history: broken }).ok).toBe(false);
  });
});
