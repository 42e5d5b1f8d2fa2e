import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "../file.js";
import { recordNotice } from "./recordNotice.js";
import { checkEdit } from "./reviewStatus.js";
import { adjustedSample, must, sampleProtocol } from "./sampleProtocol.testkit.js";
import { verifySeal } from "./seal.js";

describe("the anslag after justering", () => {
  it("is recorded as its own history entry with a renewed seal that covers the date, chained to the justering's", () => {
    const f = adjustedSample();
    const posted = must(recordNotice(f, "2020-09-01", "Sara Karlsson", "2020-09-01T09:00"));
    expect(posted.meta.notice.posted).toBe("2020-09-01");
    expect(posted.history.at(-1)).toMatchObject({
      kind: "notice",
      by: "Sara Karlsson",
      what: "Anslaget sattes upp den 1 september 2020.",
      previousSeal: f.meta.seal,
    });
    expect(posted.meta.seal).toMatchObject({
      form: 2,
      at: "2020-09-01T09:00",
      by: ["Sara Karlsson"],
    });
    expect(verifySeal(posted)).toMatchObject({
      ok: true,
      sealedAt: "2020-09-01T09:00",
      notices: [expect.objectContaining({ kind: "notice" })],
    });
    const moved = must(recordNotice(posted, "2020-09-02", "Sara Karlsson", "2020-09-02T09:00"));
    expect(moved.history.at(-1)!.what).toBe(
      "Anslagsdatum ändrat från den 1 september 2020 till den 2 september 2020.",
    );
    expect(verifySeal(moved).ok).toBe(true);
  });

  it("is refused before justering, before the justering day, in advance, twice for the same day, and without a name", () => {
    const f = adjustedSample();
    expect(recordNotice(sampleProtocol(), "2020-09-01", "Sara", "2020-09-01T09:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("först när protokollet är justerat"),
    });
    expect(recordNotice(f, "2020-08-30", "Sara", "2020-09-01T09:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("före justeringen"),
    });
    expect(recordNotice(f, "2020-09-05", "Sara", "2020-09-01T09:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("i förväg"),
    });
    expect(recordNotice(f, "1 sept", "Sara", "2020-09-01T09:00").ok).toBe(false);
    expect(recordNotice(f, "2020-09-01", " ", "2020-09-01T09:00").ok).toBe(false);
    const once = must(recordNotice(f, "2020-09-01", "Sara", "2020-09-01T09:00"));
    expect(recordNotice(once, "2020-09-01", "Sara", "2020-09-01T10:00")).toMatchObject({
      ok: false,
      error: expect.stringContaining("redan registrerat"),
    });
  });

  it("may be edited directly only under a seal of the old form, which does not cover it", () => {
    const f = adjustedSample();
    const edited = {
      ...f,
      meta: { ...f.meta, notice: { ...f.meta.notice, posted: "2020-09-01" } },
    };
    expect(checkEdit(f, edited).ok).toBe(false);
    const r = parse(
      readFileSync(join(import.meta.dirname, "fixtures", "v1-rattelse.protokoll"), "utf8"),
    );
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const old = r.file;
    expect(
      checkEdit(old, {
        ...old,
        meta: { ...old.meta, notice: { ...old.meta.notice, posted: "2020-09-04" } },
      }).ok,
    ).toBe(true);
    expect(
      checkEdit(old, {
        ...old,
        meta: { ...old.meta, notice: { ...old.meta.notice, keptAt: "Någon annanstans" } },
      }).ok,
    ).toBe(false);
  });
});
