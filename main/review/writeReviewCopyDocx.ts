/**
 * A review copy as DOCX for a justerare who works in Word: each § as a heading "§ 5 Title" and its
 * text, marked by a bookmark named after the § id (wordBookmarks.ts), with the comments already
 * made (and their replies) as Word comments on the text they are about. It carries what the
 * justerare must check, as the protocol prints it: who served in each § (and whom a tjänstgörande
 * ersättare replaced), who had jäv, the lead-ins with the right titles, and each named vote as a
 * table of who voted how. The justerare comments in
 * Word and sends the file back; `mergeWordReview` brings the comments into the protocol.
 */
import { attachmentRefLabel, attachmentRefs } from "../../schemas/render/renderAttachments.js";
import type { Node } from "prosemirror-model";
import {
  BookmarkEnd,
  BookmarkStart,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  TextRun,
  bookmarkUniqueNumericId,
  type ICommentOptions,
  type ParagraphChild,
} from "docx";
import { resolveAttendance, type ItemAttendance } from "../../schemas/attendance.js";
import type { ProtokollFile } from "../../schemas/file.js";
import { renderBlocks } from "../../schemas/render/renderNodes.js";
import { WordTable } from "../export/writeDocx.js";
import {
  decisionHeading,
  proposalLeadIn,
  reservationLeadIn,
  statementLeadIn,
  procedureSentence,
  voteSummary,
} from "../../schemas/generated.js";
import { blockLabel, statusLabel } from "../../schemas/labels.js";
import type { Comment, Meta } from "../../schemas/meta.js";
import { numberedItems } from "../../schemas/numbering.js";
import type { ItemBlockName } from "../../schemas/schema.js";
import { findAnchor } from "../../schemas/review/comments.js";
import { itemBookmark } from "./wordBookmarks.js";
import { itemTitleText } from "../../schemas/titleText.js";

/** Text generated from a block's structure that the reader must see (the editor shows it too). */
const leadIn: Record<
  ItemBlockName,
  ((block: Node, item: Node, meta: Meta, att?: ItemAttendance) => string) | null
> = {
  decision: (_b, _i, meta) => decisionHeading(meta),
  background: null,
  decision_procedure: (b, i, meta) => procedureSentence(b, i, meta),
  proposal: (b, i, meta, att) => proposalLeadIn(b, i, meta, att),
  vote: (b, i, meta) => voteSummary(b, i, meta),
  reservation: (b, i, meta, att) => reservationLeadIn(b, i, meta, att),
  special_statement: (b, _i, meta, att) => statementLeadIn(b, meta, att),
  protocol_note: (b, _i, meta, att) => statementLeadIn(b, meta, att),
  substitute_statement: (b, _i, meta, att) => statementLeadIn(b, meta, att),
  // Its heading "Jäv" and then who ("X anmälde jäv …"), written below; the block's own text may be empty.
  recusal: (b, _i, meta, att) => statementLeadIn(b, meta, att),
  distribution: null,
};

/** "Tjänstgörande: Anna Andersson (S), Bo Berg (M) (ersätter Cecilia Ek (M)). Jäv: …" for one §. */
function attendanceLine(att: ItemAttendance | undefined, meta: Meta): string | null {
  if (!att || (att.serving.size === 0 && att.recused.size === 0)) return null;
  const persons = new Map(meta.persons.map((p) => [p.id, p]));
  const who = (id: string) => {
    const p = persons.get(id);
    return p ? `${p.name}${p.party ? ` (${p.party})` : ""}` : id;
  };
  const serving = [...att.serving].map(
    (id) => `${who(id)}${att.replaces.has(id) ? ` (ersätter ${who(att.replaces.get(id)!)})` : ""}`,
  );
  const parts = [`Tjänstgörande (${serving.length}): ${serving.join(", ")}.`];
  if (att.recused.size) parts.push(`Jäv: ${[...att.recused].map(who).join(", ")} deltog inte.`);
  return parts.join(" ");
}

/** docx writes bookmark starts and ends inside paragraphs (its own example does) but its types leave them out. */
const asChild = (x: BookmarkStart | BookmarkEnd) => x as unknown as ParagraphChild;

/** Word's comment date: our ISO date-time (local, minutes) written as given. */
function wordDate(at: string): Date {
  const d = new Date(
    at.length === 10 ? `${at}T00:00:00Z` : /Z|[+-]\d{2}:\d{2}$/.test(at) ? at : `${at}Z`,
  );
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

interface Range {
  /** Word comment ids starting / ending here (a comment and its replies share one range). */
  ids: number[];
  from: number;
  to: number;
}

/** One paragraph of § text, with comment ranges cut in at their offsets (positions inside the §). */
function textParagraph(
  block: Node,
  start: number,
  ranges: Range[],
  refText: (leaf: Node) => string,
  prefix = "",
): Paragraph {
  const children: ParagraphChild[] = prefix ? [new TextRun(prefix)] : [];
  const end = start + block.content.size;
  const cuts = new Set<number>([start, end]);
  for (const r of ranges) for (const p of [r.from, r.to]) if (p > start && p < end) cuts.add(p);
  const points = [...cuts].sort((a, b) => a - b);
  const textAt = (from: number, to: number) =>
    block.textBetween(from - start, to - start, "", refText);
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    for (const r of ranges)
      if (r.to === at && at !== start) {
        r.ids.forEach((id) => children.push(new CommentRangeEnd(id)));
        children.push(new TextRun({ children: r.ids.map((id) => new CommentReference(id)) }));
      }
    for (const r of ranges)
      if (r.from === at && at !== end)
        r.ids.forEach((id) => children.push(new CommentRangeStart(id)));
    const next = points[i + 1];
    if (next !== undefined && next > at) {
      const text = textAt(at, next);
      if (text) children.push(new TextRun(text));
    }
  }
  return new Paragraph({ children });
}

export async function writeReviewCopyDocx(file: ProtokollFile): Promise<Uint8Array> {
  const { meta } = file;
  const wordComments: ICommentOptions[] = [];
  let nextId = 0;
  /** Per §: the ranges of its anchored comments, and the ids of comments on the § as a whole. */
  const anchored = new Map<string, Range[]>();
  const whole = new Map<string, number[]>();
  const general: number[] = [];

  const addWordComment = (c: Comment): number[] => {
    const id = nextId++;
    wordComments.push({
      id,
      author: c.author,
      date: wordDate(c.at),
      children: [new Paragraph(c.text)],
    });
    const ids = [id];
    for (const r of c.replies) {
      const rid = nextId++;
      wordComments.push({
        id: rid,
        parentId: id,
        author: r.author,
        date: wordDate(r.at),
        children: [new Paragraph(r.text)],
      });
      ids.push(rid);
    }
    return ids;
  };

  const items = numberedItems(file.doc, meta);
  const numbers = new Map(items.map((i) => [i.id, i.number]));
  const attendance = resolveAttendance(file.doc, meta).byItem;
  /** A § reference reads "§ 3", as in the editor and the exports. */
  const bilagor = attachmentRefs(file.doc, meta);
  const refText = (leaf: Node) =>
    leaf.type.name === "item_ref"
      ? `§ ${numbers.get(leaf.attrs.target as string) ?? "?"}`
      : leaf.type.name === "attachment_ref" // a bilaga (issue 17): "bilaga 2", as in the exports
        ? attachmentRefLabel(leaf, bilagor)
        : "";
  for (const c of file.review.comments) {
    if (c.resolved) continue;
    const item = c.item ? items.find((i) => i.id === c.item) : undefined;
    const anchor = item && c.anchor ? findAnchor(item.node, c.anchor) : null;
    const ids = addWordComment(c);
    if (item && anchor)
      anchored.set(item.id, [
        ...(anchored.get(item.id) ?? []),
        { ids, from: anchor.from, to: anchor.to },
      ]);
    else if (item) whole.set(item.id, [...(whole.get(item.id) ?? []), ...ids]);
    else general.push(...ids);
  }

  const withComments = (
    ids: number[],
    text: string,
    heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel],
    before: ParagraphChild[] = [],
  ) =>
    new Paragraph({
      heading,
      children: [
        ...before,
        ...ids.map((id) => new CommentRangeStart(id)),
        new TextRun(text),
        ...ids.map((id) => new CommentRangeEnd(id)),
        ...(ids.length
          ? [new TextRun({ children: ids.map((id) => new CommentReference(id)) })]
          : []),
      ],
    });

  const children: (Paragraph | WordTable)[] = [
    withComments(
      general,
      `Granskningskopia: ${meta.body.name}${meta.meeting.date ? `, sammanträde ${meta.meeting.date}` : ""}`,
      HeadingLevel.TITLE,
    ),
    new Paragraph({
      children: [
        new TextRun({
          text: `Status: ${statusLabel[meta.status]}. Kommentera i Word (Granska → Ny kommentar) och skicka tillbaka filen. Ändringar i själva texten förs inte över – skriv dem som kommentarer.`,
          italics: true,
        }),
      ],
    }),
  ];
  for (const item of items) {
    const linkId = bookmarkUniqueNumericId();
    const ranges = anchored.get(item.id) ?? [];
    const title = itemTitleText(item.node);
    children.push(
      withComments(whole.get(item.id) ?? [], `§ ${item.number} ${title}`, HeadingLevel.HEADING_2, [
        asChild(new BookmarkStart(itemBookmark(item.id), linkId)),
      ]),
    );
    const att = attendance.get(item.id);
    const present = attendanceLine(att, meta);
    if (present)
      children.push(new Paragraph({ children: [new TextRun({ text: present, italics: true })] }));
    item.node.forEach((block, offset, index) => {
      if (index === 0) return; // the title, written as the heading
      const name = block.type.name as ItemBlockName;
      const lead = leadIn[name];
      if (lead || blockLabel[name]) {
        let line = "";
        try {
          // Jäv: its heading, then who ("X anmälde jäv och deltog inte …") as the protocol prints it.
          line =
            name === "recusal"
              ? blockLabel.recusal
              : lead
                ? lead(block, item.node, meta, att)
                : blockLabel[name];
        } catch {
          line = blockLabel[name] ?? "";
        }
        if (line)
          children.push(
            new Paragraph({
              spacing: { before: 120 },
              children: [new TextRun({ text: line, bold: true })],
            }),
          );
        const who = name === "recusal" ? statementLeadIn(block, meta, att) : "";
        if (who) children.push(new Paragraph({ children: [new TextRun(who)] }));
      }
      // A named vote: who voted how, the table the protocol prints (schemas/render).
      if (name === "vote") {
        const table = renderBlocks(block, {
          meta,
          numbers,
          attendance,
          item: item.node,
          maskConfidential: false,
        }).find((b) => b.type === "table");
        if (table && table.type === "table")
          children.push(new WordTable(table), new Paragraph({ children: [] }));
      }
      if (block.isTextblock)
        children.push(
          textParagraph(
            block,
            offset + 1,
            ranges,
            refText,
            block.type.name === "dnr" ? "Dnr " : "",
          ),
        );
      else
        block.descendants((child, pos) => {
          if (!child.isTextblock) return true;
          children.push(textParagraph(child, offset + 1 + pos + 1, ranges, refText));
          return false;
        });
    });
    children.push(new Paragraph({ children: [asChild(new BookmarkEnd(linkId))] }));
  }
  const doc = new Document({
    creator: "Protokoll",
    title: `Granskningskopia ${meta.body.name} ${meta.meeting.date ?? ""}`.trim(),
    comments: { children: wordComments },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
