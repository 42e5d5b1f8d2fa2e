/**
 * Bring the comments a justerare made in Word on a review copy (writeReviewCopyDocx.ts) into the
 * protocol. Each Word comment is placed on the § whose bookmark it lies in, anchored by the text it
 * covers (found again in the § as it reads now, like every anchor), with Word's reply threads and
 * "resolved" marks kept. Comments already in the protocol that went out in the copy are recognised
 * and not duplicated. Edits of the text itself in Word are not taken over — the copy is for comments.
 */
import JSZip from "jszip";
import { checkZipBounds } from "../files/boundedUnzip.js";
import type { ProtokollFile } from "../../schemas/file.js";
import type { Comment } from "../../schemas/meta.js";
import { numberedItems } from "../../schemas/numbering.js";
import { findAnchor } from "../../schemas/review/comments.js";
import { mergeReview, type MergeResult } from "../../schemas/review/mergeReview.js";
import { sha256 } from "../../schemas/review/sha256.js";
import { itemBookmark } from "./wordBookmarks.js";

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e === "amp" ? "&" : e === "lt" ? "<" : e === "gt" ? ">" : e === "quot" ? '"' : e === "apos" ? "'" : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
  );

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};

/** The text of WordprocessingML content: w:t runs, tabs and breaks as spaces, paragraphs as "\n". */
function runText(xml: string): string {
  const paragraphs = [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\b[^>]*\/>/g)].map((m) => (m[1] !== undefined ? decode(m[1]) : " ")).join(""),
  );
  return paragraphs.join("\n").trim();
}

interface WordComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
  paraId: string | null;
}

/** "2020-08-27T09:00:00.000Z" → "2020-08-27T09:00" (the form the protocol's time stamps take). */
function minutes(date: string | null, fallback: string): string {
  return date && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(date) ? date.slice(0, 16) : fallback;
}

export type WordReviewResult = MergeResult | { ok: false; error: string };

/**
 * Merge the Word comments of `docx` into `mine`. `receivedAt` stands in for comments without a
 * date. Returns what `mergeReview` returns (the merged file and a report), or a Swedish error.
 */
export async function mergeWordReview(mine: ProtokollFile, docx: Uint8Array, receivedAt: string): Promise<WordReviewResult> {
  let zip: JSZip;
  try {
    // Inflated with a byte cap before JSZip sees it: declared zip sizes can lie (issue 13, item 4).
    const bounded = checkZipBounds(docx);
    if (!bounded.ok) return { ok: false, error: bounded.reason === "too-large" ? bounded.error : "Filen är inte en Word-fil (docx) och kan inte läsas som granskningskopia." };
    zip = await JSZip.loadAsync(docx);
  } catch {
    return { ok: false, error: "Filen är inte en Word-fil (docx) och kan inte läsas som granskningskopia." };
  }
  const documentXml = await zip.file("word/document.xml")?.async("string");
  if (!documentXml) return { ok: false, error: "Word-filen saknar dokumentinnehåll (word/document.xml)." };
  const commentsXml = (await zip.file("word/comments.xml")?.async("string")) ?? "";
  const extendedXml = (await zip.file("word/commentsExtended.xml")?.async("string")) ?? "";

  // The comments themselves.
  const word = new Map<string, WordComment>();
  for (const m of commentsXml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)) {
    const id = attr(m[1]!, "w:id");
    if (id === null) continue;
    const paraIds = [...m[2]!.matchAll(/<w:p\b([^>]*)>/g)].map((p) => attr(p[1]!, "w14:paraId")).filter((x): x is string => x !== null);
    word.set(id, { id, author: attr(m[1]!, "w:author") || "Okänd", date: attr(m[1]!, "w:date"), text: runText(m[2]!), paraId: paraIds.at(-1) ?? null });
  }
  // Threads and "resolved" (Word 2013+): commentEx by the paraId of a comment's last paragraph.
  const parentOf = new Map<string, string>();
  const done = new Set<string>();
  for (const m of extendedXml.matchAll(/<w15:commentEx\b([^>]*)\/?>/g)) {
    const para = attr(m[1]!, "w15:paraId");
    if (!para) continue;
    const parent = attr(m[1]!, "w15:paraIdParent");
    if (parent) parentOf.set(para, parent);
    if (attr(m[1]!, "w15:done") === "1") done.add(para);
  }

  // Where each comment is: the § bookmark it lies in and the text it covers.
  const itemByBookmark = new Map(numberedItems(mine.doc, mine.meta).map((i) => [itemBookmark(i.id), i]));
  const place = new Map<string, { item: string | null; text: string }>();
  const open = new Map<string, { item: string | null; text: string }>();
  let current: string | null = null;
  const token = /<w:bookmarkStart\b([^>]*)\/>|<w:commentRangeStart\b([^>]*)\/>|<w:commentRangeEnd\b([^>]*)\/>|<w:commentReference\b([^>]*)\/>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)\b[^>]*\/>|<\/w:p>/g;
  for (const m of documentXml.matchAll(token)) {
    if (m[1] !== undefined) {
      const name = attr(m[1], "w:name");
      if (name && itemByBookmark.has(name)) current = itemByBookmark.get(name)!.id;
    } else if (m[2] !== undefined) {
      const id = attr(m[2], "w:id");
      if (id !== null) open.set(id, { item: current, text: "" });
    } else if (m[3] !== undefined) {
      const id = attr(m[3], "w:id");
      const o = id !== null ? open.get(id) : undefined;
      if (id !== null && o) {
        place.set(id, o);
        open.delete(id);
      }
    } else if (m[4] !== undefined) {
      const id = attr(m[4], "w:id");
      if (id !== null && !place.has(id)) place.set(id, { item: current, text: "" });
    } else {
      const piece = m[5] !== undefined ? decode(m[5]) : m[0] === "</w:p>" ? "\n" : " ";
      for (const o of open.values()) o.text += piece;
    }
  }

  // Build the protocol's comments: top-level Word comments with their replies.
  const byPara = new Map<string, WordComment>();
  for (const c of word.values()) if (c.paraId) byPara.set(c.paraId, c);
  const rootOf = (c: WordComment): WordComment => {
    let r = c;
    for (let i = 0; i < 20 && r.paraId && parentOf.has(r.paraId); i++) {
      const p = byPara.get(parentOf.get(r.paraId)!);
      if (!p) break;
      r = p;
    }
    return r;
  };
  const same = (a: { author: string; text: string; at: string }, b: { author: string; text: string; at: string }) =>
    a.author === b.author && a.text === b.text && a.at.slice(0, 16) === b.at.slice(0, 16);
  const items = numberedItems(mine.doc, mine.meta);
  const comments: Comment[] = [];
  for (const c of word.values()) {
    if (rootOf(c) !== c) continue;
    const at = minutes(c.date, receivedAt);
    const where = place.get(c.id) ?? { item: null, text: "" };
    const quoted = where.text.replace(/\n+$/, "").trim();
    const node = where.item ? items.find((i) => i.id === where.item)?.node : undefined;
    // A comment on the heading "§ 5 Title" is about the § as a whole.
    const onHeading = node && /^§ \d+ /.test(quoted);
    const anchor = node && quoted && !onHeading ? findAnchor(node, { from: 0, to: 0, text: quoted }) : null;
    const replies = [...word.values()]
      .filter((r) => r !== c && rootOf(r) === c)
      .map((r) => ({ author: r.author, at: minutes(r.date, receivedAt), text: r.text }))
      .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    // A reply that went out in the copy and came back as a comment of its own (a word processor
    // that does not keep threads, e.g. LibreOffice) is already in the protocol.
    if (mine.review.comments.some((k) => k.replies.some((r) => same(r, { author: c.author, text: c.text, at })))) continue;
    const existing = mine.review.comments.find((k) => same(k, { author: c.author, text: c.text, at }));
    const id = existing?.id ?? `w${sha256(`${c.author}\u0000${at}\u0000${c.text}\u0000${where.item ?? ""}`).slice(0, 10)}`;
    comments.push({
      id,
      item: where.item,
      anchor,
      author: c.author,
      at,
      text: c.text,
      replies: existing ? replies.filter((r) => !existing.replies.some((e) => same(e, r))) : replies,
      resolved: (c.paraId !== null && done.has(c.paraId)) || (existing?.resolved ?? false),
      detachedText: anchor || !quoted || onHeading ? null : quoted,
    });
  }
  if (word.size === 0) return { ok: false, error: "Word-filen innehåller inga kommentarer." };
  const theirs: ProtokollFile = { ...mine, review: { comments, approvals: [], lastSeen: {} } };
  return mergeReview(mine, theirs);
}
