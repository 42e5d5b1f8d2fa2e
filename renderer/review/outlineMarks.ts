/**
 * The review's marks in the outline of §§: approved by everyone, changes requested, approved by
 * some, an approval that lapsed because the § changed, justerad at the meeting, and rättad after
 * the justering. The outline
 * draws its entries; this adds one mark to each entry after every redraw.
 */
import type { App } from "../app.js";
import { reviewOverview, type ItemOverview } from "../../schemas/review/index.js";
import { reviewRecordOf } from "../editor/reviewRecordPlugin.js";
import { h } from "../ui/dom.js";
import type { ReviewSession } from "./reviewSession.js";

interface Mark {
  kind:
    | "approved"
    | "changes_requested"
    | "changed"
    | "partial"
    | "immediate"
    | "adjusted"
    | "corrected";
  text: string;
  title: string;
}

/** The one mark an entry gets (the most urgent state wins), or null when there is nothing to say. */
export function markOf(item: ItemOverview, status: string, corrected = false): Mark | null {
  if (corrected) return { kind: "corrected", text: "R", title: "Rättad efter justeringen" };
  if (item.immediatelyAdjusted)
    return {
      kind: "immediate",
      text: "J",
      title: "Justerad vid sammanträdet (omedelbar justering)",
    };
  if (status === "adjusted") return { kind: "adjusted", text: "✓", title: "Justerad" };
  if (status !== "in_review" || item.approvals.length === 0) return null;
  const requested = item.approvals.filter((a) => a.state === "changes_requested");
  if (requested.length)
    return {
      kind: "changes_requested",
      text: "!",
      title: `Ändring begärd av ${requested.map((a) => a.name).join(", ")}`,
    };
  const lapsed = item.approvals.filter((a) => a.state === "changed");
  if (lapsed.length)
    return {
      kind: "changed",
      text: "↻",
      title: `Ändrad efter godkännandet – ${lapsed.map((a) => a.name).join(", ")} behöver godkänna igen`,
    };
  const approved = item.approvals.filter((a) => a.state === "approved").length;
  if (approved === item.approvals.length)
    return { kind: "approved", text: "✓", title: "Godkänd av ordföranden och justerarna" };
  if (approved > 0)
    return {
      kind: "partial",
      text: `${approved}/${item.approvals.length}`,
      title: `Godkänd av ${approved} av ${item.approvals.length}`,
    };
  return null;
}

export function mountOutlineMarks(app: App, outline: HTMLElement, session: ReviewSession): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let marks = new Map<string, Mark | null>();
  /** Put the last computed marks on the entries (entries the outline redrew lose theirs). */
  const apply = () => {
    for (const button of outline.querySelectorAll<HTMLElement>("button.outline-entry[data-item]")) {
      const mark = marks.get(button.dataset.item ?? "") ?? null;
      const old = button.querySelector<HTMLElement>(".review-mark");
      if (!mark) {
        old?.remove();
        continue;
      }
      if (old && old.dataset.kind === mark.kind && old.textContent === mark.text) continue;
      const el = h(
        "span",
        {
          class: `review-mark ${mark.kind}`,
          "data-kind": mark.kind,
          title: mark.title,
          "aria-label": mark.title,
        },
        mark.text,
      );
      if (old) old.replaceWith(el);
      else button.append(el);
    }
  };
  const render = () => {
    clearTimeout(timer);
    // A draft without §§ justerade at the meeting has no marks: nothing to compute while typing.
    if (
      app.meta.status === "draft" &&
      !reviewRecordOf(app.state).history.some((e) => e.kind === "adjusted")
    ) {
      if (marks.size) {
        marks = new Map();
        apply();
      }
      return;
    }
    const o = reviewOverview(session.file());
    const corrected = new Set(o.corrections.map((n) => n.item));
    marks = new Map(o.items.map((i) => [i.item, markOf(i, o.status, corrected.has(i.item))]));
    apply();
  };
  // The outline replaces the entries whose number or title changed; mark the new ones at once.
  new MutationObserver(apply).observe(outline, { childList: true, subtree: true });
  session.onChange(render);
  app.onChange((kinds) => {
    if (kinds.has("load") || kinds.has("meta") || kinds.has("review")) render();
    else if (kinds.has("doc")) {
      clearTimeout(timer);
      timer = setTimeout(render, 300);
    }
  });
  render();
}
