/**
 * What the editor shows but the secretary never types, recomputed from the structure:
 * - the § number before each title ("§ 5") and the current number of each §-reference;
 * - the current number of each reference to a bilaga ("bilaga 3", or "Bilaga 3 – Voteringslista"),
 *   which follows the bilagor's order and their §§' order;
 * - the generated lead-ins at the top of yrkanden, reservationer, särskilda uttalanden, jäv,
 *   the beslutsordning sentence, the vote summary, and the "Socialnämndens beslut" heading;
 * - for an answer, the signature lines from `meta.interpellation`.
 *
 * Per keystroke only the § being typed in is redrawn: when a transaction changes exactly one §
 * (the usual case) the old decorations are mapped and that §'s are rebuilt. Reordering, adding or
 * removing §§ or changing the metadata rebuilds everything once.
 */
import type { Node } from "prosemirror-model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "prosemirror-state";
import { Decoration, DecorationSet } from "prosemirror-view";
import { resolveAttendance, type AttendanceResolution } from "../../schemas/attendance.js";
import { swedishLongDate } from "../../schemas/dates.js";
import {
  decisionHeading,
  nameWithParty,
  procedureSentence,
  proposalLeadIn,
  reservationLeadIn,
  statementLeadIn,
  voteSummary,
} from "../../schemas/generated.js";
import type { Meta } from "../../schemas/meta.js";
import { attachmentRefLabel, attachmentRefs } from "../../schemas/render/renderAttachments.js";
import { IMMEDIATE_SENTENCE, needsImmediateSentence } from "../../schemas/render/renderNodes.js";
import { documentInfo } from "./documentPlugin.js";
import { changesMeta } from "./documentPlugin.js";

export interface Derived {
  /** § id → current number. */
  numbers: Map<string, number>;
  /** § ids in document order. */
  ids: string[];
  attendance: AttendanceResolution;
  /** Bilaga id → its number and title, for the references to it. */
  attachments: ReadonlyMap<string, { number: number; title: string }>;
  decorations: DecorationSet;
}

export const derivedKey = new PluginKey<Derived>("derived");

const generatedBlocks = new Set([
  "decision",
  "proposal",
  "reservation",
  "special_statement",
  "protocol_note",
  "substitute_statement",
  "recusal",
  "decision_procedure",
  "vote",
]);

function widget(
  pos: number,
  cls: string,
  text: string,
  key: string,
  side: -1 | 1 = -1,
): Decoration {
  return Decoration.widget(
    pos,
    () => {
      const el = document.createElement("div");
      el.className = `generated ${cls}`;
      el.contentEditable = "false";
      el.textContent = text;
      el.title = "Genereras – skrivs så i protokollet";
      return el;
    },
    { side, key: `${key}:${text}`, ignoreSelection: true, stopEvent: () => false },
  );
}

/** The lead-in text of a structured block, or null for blocks without one. */
export function leadInOf(
  block: Node,
  item: Node,
  meta: Meta,
  attendance: AttendanceResolution,
): string | null {
  const att = attendance.byItem.get(item.attrs.id as string);
  switch (block.type.name) {
    case "decision":
      return decisionHeading(meta);
    case "proposal":
      return proposalLeadIn(block, item, meta, att);
    case "reservation":
      return reservationLeadIn(block, item, meta, att);
    case "special_statement":
    case "protocol_note":
    case "substitute_statement":
    case "recusal":
      return statementLeadIn(block, meta, att) || null;
    case "decision_procedure":
      return procedureSentence(block, item, meta);
    case "vote":
      return voteSummary(block, item, meta);
    default:
      return null;
  }
}

function itemDecorations(
  item: Node,
  pos: number,
  d: Omit<Derived, "decorations">,
  meta: Meta,
  out: Decoration[],
): void {
  const id = item.attrs.id as string;
  const number = d.numbers.get(id);
  item.forEach((child, offset, index) => {
    const childPos = pos + 1 + offset;
    const name = child.type.name;
    if (name === "item_title") {
      out.push(
        Decoration.node(childPos, childPos + child.nodeSize, {
          "data-number": `§ ${number ?? "?"}`,
        }),
      );
      return;
    }
    if (!generatedBlocks.has(name)) return;
    const text = leadInOf(child, item, meta, d.attendance);
    // Keyed by the block's index, not its offset: typing earlier in the § moves the offsets, and a
    // new key would make ProseMirror redraw every later lead-in on each keystroke.
    const cls = name === "decision" ? "decision-heading" : "lead-in";
    if (text) out.push(widget(childPos + 1, cls, text, `${id}-${index}-${cls}`));
  });
  // The sentence the export closes an omedelbart justerad § with, unless the secretary wrote it.
  if (needsImmediateSentence(item))
    out.push(
      widget(
        pos + item.nodeSize - 1,
        "immediate-sentence",
        IMMEDIATE_SENTENCE,
        `${id}-immediate`,
        1,
      ),
    );
  refDecorations(item, pos, d, out);
}

/** The label of each §-reference and bilaga reference in a top-level node, for its node view. */
function refDecorations(
  node: Node,
  pos: number,
  d: Omit<Derived, "decorations">,
  out: Decoration[],
): void {
  node.descendants((n, p) => {
    let label: string | null = null;
    if (n.type.name === "item_ref") {
      const target = d.numbers.get(n.attrs.target as string);
      label = target === undefined ? "§ ?" : `§ ${target}`;
    } else if (n.type.name === "attachment_ref") {
      label = attachmentRefLabel(n, d.attachments);
    }
    if (label !== null) {
      const at = pos + 1 + p;
      out.push(Decoration.node(at, at + n.nodeSize, { "data-label": label }, { label }));
    }
    return n.isBlock;
  });
}

function answerDecorations(doc: Node, meta: Meta, out: Decoration[]): void {
  doc.descendants((n, pos) => {
    if (n.type.name === "signature") {
      const ip = meta.interpellation;
      const signer = meta.persons.find((p) => p.id === ip?.signatory);
      const lines = [
        [ip?.place, ip?.date ? swedishLongDate(ip.date, { den: true }) : null]
          .filter(Boolean)
          .join(" "),
        signer ? nameWithParty({ ...signer, party: null }) : "(undertecknare saknas)",
        signer?.title ?? "",
      ].filter(Boolean);
      out.push(
        Decoration.node(pos, pos + n.nodeSize, { "data-signature": lines.join("\n") }, { lines }),
      );
    }
    return n.type.name === "doc" || n.type.name === "answer";
  });
}

let attendanceCache: { meta: Meta; ids: string; value: AttendanceResolution } | null = null;

/** The index of the one top-level node `tr` changed (same count, every other node the same), or null. */
function singleChangedChild(tr: Transaction, doc: Node): number | null {
  const before = tr.before;
  if (before.childCount !== doc.childCount) return null;
  let changed: number | null = null;
  for (let i = 0; i < doc.childCount; i++) {
    if (before.child(i) === doc.child(i)) continue;
    if (changed !== null) return null;
    changed = i;
  }
  return changed;
}

function compute(
  state: { doc: Node; meta: Meta },
  previous?: { derived: Derived; tr: Transaction },
): Derived {
  const { doc, meta } = state;

  // Incremental: one § changed, same §§ in the same order, same metadata — the usual keystroke.
  // Numbers, ids and attendance stay the same objects (the panels compare them by identity); the
  // old decorations are mapped and that §'s are rebuilt.
  const index = previous && !changesMeta(previous.tr) ? singleChangedChild(previous.tr, doc) : null;
  if (previous && index !== null) {
    const before = previous.tr.before.child(index);
    const node = doc.child(index);
    const sameId = before.type === node.type && before.attrs.id === node.attrs.id;
    if (sameId) {
      const base = {
        numbers: previous.derived.numbers,
        ids: previous.derived.ids,
        attendance: previous.derived.attendance,
        attachments: previous.derived.attachments,
      };
      let pos = 0;
      for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
      let set = previous.derived.decorations.map(previous.tr.mapping, doc);
      set = set.remove(set.find(pos, pos + node.nodeSize));
      const out: Decoration[] = [];
      if (node.type.name === "agenda_item") itemDecorations(node, pos, base, meta, out);
      else {
        answerDecorations(doc, meta, out);
        refDecorations(node, pos, base, out);
      }
      return { ...base, decorations: set.add(doc, out) };
    }
  }

  const first = meta.body.reglemente.firstItemNumber;
  const ids: string[] = [];
  const numbers = new Map<string, number>();
  doc.forEach((n) => {
    if (n.type.name === "agenda_item") {
      numbers.set(n.attrs.id as string, first + ids.length);
      ids.push(n.attrs.id as string);
    }
  });
  const idKey = ids.join("\u0000");
  if (!attendanceCache || attendanceCache.meta !== meta || attendanceCache.ids !== idKey)
    attendanceCache = { meta, ids: idKey, value: resolveAttendance(doc, meta) };
  const base = {
    numbers,
    ids,
    attendance: attendanceCache.value,
    attachments: attachmentRefs(doc, meta),
  };
  const out: Decoration[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name === "agenda_item") itemDecorations(node, pos, base, meta, out);
    else refDecorations(node, pos, base, out);
  });
  if (doc.firstChild?.type.name === "answer") answerDecorations(doc, meta, out);
  return { ...base, decorations: DecorationSet.create(doc, out) };
}

export function derivedPlugin(): Plugin<Derived> {
  return new Plugin<Derived>({
    key: derivedKey,
    state: {
      init: (_config, state) => compute({ doc: state.doc, meta: documentInfo(state).meta }),
      apply(tr, value, _old, state) {
        if (!tr.docChanged && !changesMeta(tr)) return value;
        return compute({ doc: state.doc, meta: documentInfo(state).meta }, { derived: value, tr });
      },
    },
    props: {
      decorations: (state) => derivedKey.getState(state)?.decorations,
    },
  });
}

export function derivedOf(state: EditorState): Derived {
  const d = derivedKey.getState(state);
  if (!d) throw new Error("derivedPlugin saknas i editorns tillstånd");
  return d;
}
