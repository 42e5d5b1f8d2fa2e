import { EditorState, TextSelection } from "prosemirror-state";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, type ProtokollFile } from "../../schemas/file.js";
import {
  immediateAdjust,
  recordCorrection,
  sendForReview,
  addComment,
} from "../../schemas/review/index.js";
import {
  adjustedSample,
  correctedSample,
  sampleProtocol,
} from "../../schemas/review/sampleProtocol.testkit.js";
import { metaOf, updateMeta } from "../editor/documentPlugin.js";
import { createEditorState } from "../editor/setup.js";
import { setReviewRecord } from "../editor/reviewRecordPlugin.js";
import { moveItemTo } from "../editor/commands.js";
import {
  REDRAW,
  reviewKey,
  reviewPlugin,
  touchesLockedItem,
  type ReviewContext,
} from "./reviewPlugin.js";
import type { DecorationSet } from "prosemirror-view";

const ok = <T extends { ok: boolean }>(r: T) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r as Extract<T, { ok: true }>;
};

/** The sample protocol, sent for review, approved by the chair and the justerare, and justerad. */
const adjusted = (): ProtokollFile => adjustedSample();

/** The review's decorations of a state with the given class. */
const withClass = (s: EditorState, cls: string) =>
  (reviewKey.getState(s) as DecorationSet)
    .find()
    .filter(
      (d) => (d as unknown as { type: { attrs?: { class?: string } } }).type.attrs?.class === cls,
    );

interface Harness {
  state: EditorState;
  refused: string[];
  flags: { correcting: boolean; reviewing: boolean; changed: Set<string>; showing: boolean };
}

function editor(file: ProtokollFile): Harness {
  const refused: string[] = [];
  const flags = { correcting: false, reviewing: false, changed: new Set<string>(), showing: false };
  const ctx: ReviewContext = {
    correcting: () => flags.correcting,
    reviewing: () => flags.reviewing,
    changedItems: () => flags.changed,
    showsChanges: () => flags.showing,
    activeComment: () => null,
    refused: (r) => refused.push(r),
  };
  const base = createEditorState(file);
  const state = base.reconfigure({ plugins: [...base.plugins, reviewPlugin(ctx, metaOf)] });
  return { state, refused, flags };
}

/** Type text at the end of the last text block of a § (as a keystroke would). */
function typeIn(state: EditorState, itemId: string, text: string) {
  let at = -1;
  state.doc.forEach((item, offset) => {
    if (item.attrs.id !== itemId) return;
    item.descendants((node, pos) => {
      if (node.isTextblock) at = offset + 1 + pos + 1 + node.content.size;
      return !node.isTextblock;
    });
  });
  return state.tr.setSelection(TextSelection.create(state.doc, at)).insertText(text);
}

describe("the justering plugin of the editor", () => {
  it("lets a draft be edited", () => {
    const h = editor(sampleProtocol());
    const next = h.state.applyTransaction(typeIn(h.state, "p2", " Tillägg.")).state;
    expect(next.doc.textContent).toContain("Dagordningen godkänns. Tillägg.");
    expect(h.refused).toEqual([]);
  });

  it("refuses every edit of a justerad protocol's text and says why", () => {
    const h = editor(adjusted());
    const next = h.state.applyTransaction(typeIn(h.state, "p2", " Tillägg.")).state;
    expect(next.doc.eq(h.state.doc)).toBe(true);
    expect(h.refused[0]).toMatch(/justerat och kan inte ändras/);
  });

  it("refuses a change of the justerad metadata, and the anslag date under a signed seal, which the panel records instead", () => {
    const h = editor(adjusted());
    const place = h.state.applyTransaction(
      updateMeta(h.state, (m) => ({ ...m, meeting: { ...m.meeting, place: "Annat rum" } })),
    ).state;
    expect(metaOf(place).meeting.place).toBe("Stadshuset");
    const posted = h.state.applyTransaction(
      updateMeta(h.state, (m) => ({ ...m, notice: { ...m.notice, posted: "2020-09-01" } })),
    ).state;
    expect(metaOf(posted).notice.posted).toBeNull();
    expect(h.refused.at(-1)).toMatch(/^Anslagsdagen registreras med ”Registrera anslaget…”/);
  });

  it("lets the anslag date of a protocol justerat with a seal of the old form be recorded (that seal does not cover it)", () => {
    const text = readFileSync(
      join(import.meta.dirname, "../../schemas/review/fixtures/v1-rattelse.protokoll"),
      "utf8",
    );
    const r = parse(text);
    if (!r.ok) throw new Error(r.errors[0]!.message);
    const h = editor(r.file);
    const posted = h.state.applyTransaction(
      updateMeta(h.state, (m) => ({ ...m, notice: { ...m.notice, posted: "2020-09-02" } })),
    ).state;
    expect(metaOf(posted).notice.posted).toBe("2020-09-02");
  });

  it("unlocks the text during a rättelse, and the edit can then be recorded with a renewed seal", () => {
    const file = adjusted();
    const h = editor(file);
    h.flags.correcting = true;
    const next = h.state.applyTransaction(typeIn(h.state, "p5", " Rättat.")).state;
    expect(next.doc.textContent).toContain("Förvaltningen ser positivt på förslaget. Rättat.");
    const r = ok(
      recordCorrection(file, {
        newDoc: next.doc,
        what: "Tillägg i § 5.",
        why: "Skrivfel.",
        by: "Sara Karlsson",
        at: "2020-09-03T08:30",
      }),
    );
    expect(r.file.meta.seal?.sha256).not.toBe(file.meta.seal?.sha256);
    expect(r.file.history.at(-1)).toMatchObject({
      kind: "correction",
      item: "p5",
      previousSeal: file.meta.seal,
    });
  });

  it("keeps the text read-only while a justerare reviews", () => {
    const f = ok(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00")).file;
    const h = editor(f);
    h.flags.reviewing = true;
    const next = h.state.applyTransaction(typeIn(h.state, "p1", "!")).state;
    expect(next.doc.eq(h.state.doc)).toBe(true);
    expect(h.refused[0]).toMatch(/granskar som justerare/);
  });

  it("refuses a change to a § justerad at the meeting but allows the other §§", () => {
    const f = ok(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:00")).file;
    const h = editor(f);
    expect(
      h.state.applyTransaction(typeIn(h.state, "p4", " Ändrat.")).state.doc.eq(h.state.doc),
    ).toBe(true);
    expect(h.refused[0]).toMatch(/omedelbart justerad/);
    expect(
      h.state.applyTransaction(typeIn(h.state, "p3", " Ändrat.")).state.doc.textContent,
    ).toContain("avslås. Ändrat.");
  });

  it("keeps a § justerad at the meeting at its place and number: moving it, or inserting or deleting a § before it, is refused with the reason", () => {
    const f = ok(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:00")).file;
    const h = editor(f);
    const item = h.state.schema.nodes.agenda_item!;
    const title = h.state.schema.nodes.item_title!;
    const idx = (id: string) => {
      let i = -1;
      h.state.doc.forEach((n, _o, index) => void (n.attrs.id === id && (i = index)));
      return i;
    };
    const run = (cmd: import("prosemirror-state").Command) => {
      let next = h.state;
      cmd(h.state, (tr) => (next = h.state.applyTransaction(tr).state));
      return next;
    };
    const p4 = idx("p4");
    // The justerad § itself up and down.
    expect(run(moveItemTo(item, p4, p4 - 1)).doc.eq(h.state.doc)).toBe(true);
    expect(run(moveItemTo(item, p4, p4 + 1)).doc.eq(h.state.doc)).toBe(true);
    expect(h.refused[0]).toMatch(/^§ \d+ är omedelbart justerad och behåller sitt nummer/);
    // Another § moved from before it to after it, a § inserted or deleted before it.
    expect(run(moveItemTo(item, idx("p2"), idx("p5"))).doc.eq(h.state.doc)).toBe(true);
    const p2 = h.state.doc.child(idx("p2"));
    let p2pos = 0;
    h.state.doc.forEach((n, o) => void (n === p2 && (p2pos = o)));
    expect(
      h.state
        .applyTransaction(h.state.tr.insert(p2pos, item.create({ id: "new" }, title.create())))
        .state.doc.eq(h.state.doc),
    ).toBe(true);
    expect(
      h.state
        .applyTransaction(h.state.tr.delete(p2pos, p2pos + p2.nodeSize))
        .state.doc.eq(h.state.doc),
    ).toBe(true);
    expect(h.refused.every((r) => /behåller sitt nummer/.test(r))).toBe(true);
    // §§ before it may swap, and §§ after it move freely; a new § after it is fine.
    expect(run(moveItemTo(item, idx("p2"), idx("p3"))).doc.child(idx("p2")).attrs.id).toBe("p3");
    expect(run(moveItemTo(item, idx("p6"), idx("p5"))).doc.child(idx("p5")).attrs.id).toBe("p6");
    const after = h.state.doc.content.size;
    expect(
      h.state.applyTransaction(h.state.tr.insert(after, item.create({ id: "new" }, title.create())))
        .state.doc.childCount,
    ).toBe(h.state.doc.childCount + 1);
  });

  it("tells whether a range reaches into a § justerad at the meeting (typing there is stopped before the browser inserts it)", () => {
    const f = ok(immediateAdjust(sampleProtocol(), "p4", ["jj", "lv"], "2020-08-25T19:00")).file;
    const spans = new Map<string, [number, number]>();
    f.doc.forEach(
      (n, offset) => void spans.set(n.attrs.id as string, [offset, offset + n.nodeSize]),
    );
    const ctx = f.history;
    const [p4from, p4to] = spans.get("p4")!;
    const [p3from] = spans.get("p3")!;
    const [, p6to] = spans.get("p6")!;
    expect(touchesLockedItem(f.doc, p4from + 3, p4from + 3, ctx)).toBe(true);
    expect(touchesLockedItem(f.doc, p3from + 2, p3from + 5, ctx)).toBe(false);
    expect(touchesLockedItem(f.doc, p3from + 2, p6to - 2, ctx)).toBe(true); // a selection across § 4
    expect(touchesLockedItem(f.doc, p4to + 2, p4to + 4, ctx)).toBe(false);
    expect(touchesLockedItem(sampleProtocol().doc, p4from + 3, p4from + 3, [])).toBe(false);
  });

  it("highlights comment anchors and changed §§, and shows each rättelse under its § and the seal above the text", () => {
    const draft = ok(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00")).file;
    const commented = ok(
      addComment(draft, {
        item: "p5",
        anchor: { from: 1, to: 4 },
        author: "Jon Järvholm",
        text: "?",
        at: "2020-08-27T10:00",
      }),
    );
    const withComment = editor(commented.file);
    expect(withClass(withComment.state, "review-anchor")).toHaveLength(1);

    const h = editor(correctedSample());
    h.flags.changed.add("p3");
    const redrawn = h.state.applyTransaction(h.state.tr.setMeta(REDRAW, true)).state;
    const decos = (reviewKey.getState(redrawn) as DecorationSet).find();
    const widgets = decos.filter((d) => (d.spec as { key?: string }).key?.startsWith("note-"));
    expect(widgets).toHaveLength(1);
    // the note sits at the end of § 5
    let end = -1;
    redrawn.doc.forEach((n, offset) => {
      if (n.attrs.id === "p5") end = offset + n.nodeSize - 1;
    });
    expect(widgets[0]!.from).toBe(end);
    expect(decos.some((d) => (d.spec as { key?: string }).key?.startsWith("seal-"))).toBe(true);
    expect(withClass(redrawn, "review-changed")).toHaveLength(1);
  });

  it("moves the rättelse notes and the seal with the text while typing, and outlines a § changed by typing at once when the changes are shown", () => {
    const h = editor(correctedSample());
    h.flags.correcting = true;
    const endOf = (s: EditorState, id: string) => {
      let end = -1;
      s.doc.forEach((n, offset) => {
        if (n.attrs.id === id) end = offset + n.nodeSize - 1;
      });
      return end;
    };
    const keyed = (s: EditorState, prefix: string) =>
      (reviewKey.getState(s) as DecorationSet)
        .find()
        .filter((d) => (d.spec as { key?: string }).key?.startsWith(prefix));
    const typed = h.state.apply(typeIn(h.state, "p3", " Ett tillägg."));
    expect(endOf(typed, "p5")).toBe(endOf(h.state, "p5") + " Ett tillägg.".length);
    expect(keyed(typed, "note-").map((d) => d.from)).toEqual([endOf(typed, "p5")]);
    expect(keyed(typed, "seal-").map((d) => d.from)).toEqual([0]);

    h.flags.showing = true;
    h.flags.changed.add("p3");
    const outlined = typed.apply(typeIn(typed, "p3", " Och ett till."));
    const changed = withClass(outlined, "review-changed");
    expect(changed.map((d) => outlined.doc.nodeAt(d.from)?.attrs.id)).toEqual(["p3"]);
  });

  it("follows the review record in the editor state: a comment recorded by a transaction is drawn by it, and a § justerad at the meeting is locked by the history it sets", () => {
    const draft = ok(sendForReview(sampleProtocol(), "Sara Karlsson", "2020-08-26T09:00")).file;
    const h = editor(draft);
    const anchors = (s: EditorState) => withClass(s, "review-anchor");
    expect(anchors(h.state)).toHaveLength(0);
    const commented = ok(
      addComment(draft, {
        item: "p5",
        anchor: { from: 1, to: 4 },
        author: "Jon Järvholm",
        text: "?",
        at: "2020-08-27T10:00",
      }),
    );
    const withComment = h.state.apply(
      setReviewRecord(h.state.tr, { review: commented.file.review }),
    );
    expect(anchors(withComment)).toHaveLength(1);

    const locked = ok(immediateAdjust(draft, "p4", ["jj", "lv"], "2020-08-25T19:00")).file;
    const lockedState = h.state.apply(setReviewRecord(h.state.tr, { history: locked.history }));
    const edit = lockedState.applyTransaction(typeIn(lockedState, "p4", " Tillägg."));
    expect(edit.state.doc.eq(lockedState.doc)).toBe(true);
    expect(h.refused.at(-1)).toBe("Paragrafen är omedelbart justerad och kan inte ändras.");
  });
});
