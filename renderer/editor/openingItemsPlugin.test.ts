import { undo } from "prosemirror-history";
import { describe, expect, it } from "vitest";
import { socialnamnd } from "../../templates/socialnamnd.js";
import { updateMeta } from "./documentPlugin.js";
import { createEditorState } from "./setup.js";

describe("the opening § in the editor", () => {
  it("follows the justerare and the day and place of justering as they are set and changed, in one undo step", () => {
    const f = socialnamnd.create({ date: "2025-03-10" });
    let s = createEditorState({
      ...f,
      meta: {
        ...f.meta,
        persons: [
          { id: "eb", name: "Eva Berg", party: "S", role: "member", title: null },
          { id: "pl", name: "Per Lund", party: "V", role: "member", title: null },
        ],
      },
    });
    const opening = () => s.doc.child(0).child(1).textContent;
    s = s.apply(
      updateMeta(s, (m) => ({
        ...m,
        adjusters: ["eb"],
        adjustment: { date: "2025-03-14", place: "Kommunhuset" },
      })),
    );
    expect(opening()).toBe(
      "Eva Berg (S) utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: fredag den 14 mars 2025, Kommunhuset.",
    );
    s = s.apply(
      updateMeta(s, (m) => ({
        ...m,
        adjusters: ["pl"],
        adjustment: { ...m.adjustment, date: "2025-03-17" },
      })),
    );
    expect(opening()).toBe(
      "Per Lund (V) utses att jämte ordföranden justera dagens protokoll. Tid och plats för justering: måndag den 17 mars 2025, Kommunhuset.",
    );
    undo(s, (tr) => (s = s.apply(tr)));
    expect(opening()).toContain("Eva Berg (S)");
  });
});
