/**
 * Bring the comments a justerare made in Word on a review copy (writeReviewCopyDocx.ts) into the
 * protocol. Each Word comment is placed on the § whose bookmark it lies in, anchored by the text it
 * covers (found again in the § as it reads now, like every anchor), with Word's reply threads and
 * "resolved" marks kept. Comments already in the protocol that went out in the copy are recognised
 * and not duplicated. The docx's XML parts are read with an XML parser (@xmldom/xmldom), elements
 * matched by their WordprocessingML namespace; a part that is not well-formed XML is refused. Edits of the text itself in Word are not taken over — the copy is for comments.
 */
import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { checkZipBounds } from "../files/boundedUnzip.js";
import type { ProtokollFile } from "../../schemas/file.js";
import type { Comment } from "../../schemas/meta.js";
import { numberedItems } from "../../schemas/numbering.js";
import { findAnchor } from "../../schemas/review/comments.js";
import { mergeReview, type MergeResult } from "../../schemas/review/mergeReview.js";
import { sha256 } from "../../schemas/review/sha256.js";
import { itemBookmark } from "./wordBookmarks.js";

/** WordprocessingML's namespaces: elements and attributes are matched by namespace, not by prefix. */
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
const W15 = "http://schemas.microsoft.com/office/word/2012/wordml";

/** Parse one XML part of the docx; null when it is not well-formed XML. */
function parseXml(xml: string): Document | null {
  let broken = false;
  const onError = () => {
    broken = true;
  };
  try {
    const doc = new DOMParser({
      errorHandler: { warning: () => {}, error: onError, fatalError: onError },
    }).parseFromString(xml, "text/xml");
    return broken || !doc.documentElement ? null : doc;
  } catch {
    return null;
  }
}

/** The elements of `root` in document order (depth first), each with a call when it is left. */
function walk(root: Element, enter: (e: Element) => void, leave: (e: Element) => void): void {
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const e = n as Element;
    enter(e);
    walk(e, enter, leave);
    leave(e);
  }
}

const isW = (e: Element, name: string) => e.namespaceURI === W && e.localName === name;
const wAttr = (e: Element, name: string): string | null =>
  e.hasAttributeNS(W, name) ? e.getAttributeNS(W, name) : null;

/** What a WordprocessingML element adds to the running text: w:t its text, a tab or break in a run a space. */
function textPiece(e: Element): string | null {
  if (isW(e, "t")) return e.textContent ?? "";
  if ((isW(e, "tab") || isW(e, "br")) && e.parentNode && isW(e.parentNode as Element, "r"))
    return " ";
  return null;
}

/** The text of WordprocessingML content: w:t runs, tabs and breaks as spaces, paragraphs as "\n". */
function runText(content: Element): string {
  const paragraphs: string[] = [];
  let current: string | null = null;
  walk(
    content,
    (e) => {
      if (isW(e, "p")) current = "";
      else if (current !== null) current += textPiece(e) ?? "";
    },
    (e) => {
      if (isW(e, "p") && current !== null) {
        paragraphs.push(current);
        current = null;
      }
    },
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
export async function mergeWordReview(
  mine: ProtokollFile,
  docx: Uint8Array,
  receivedAt: string,
): Promise<WordReviewResult> {
  let zip: JSZip;
  try {
    // Inflated with a byte cap before JSZip sees it: declared zip sizes can lie (issue 13, item 4).
    const bounded = checkZipBounds(docx);
    if (!bounded.ok)
      return {
        ok: false,
        error:
          bounded.reason === "too-large"
            ? bounded.error
            : "Filen är inte en Word-fil (docx) och kan inte läsas som granskningskopia.",
      };
    zip = await JSZip.loadAsync(docx);
  } catch {
    return {
      ok: false,
      error: "Filen är inte en Word-fil (docx) och kan inte läsas som granskningskopia.",
    };
  }
  const documentXml = await zip.file("word/document.xml")?.async("string");
  if (!documentXml)
    return { ok: false, error: "Word-filen saknar dokumentinnehåll (word/document.xml)." };
  const commentsXml = await zip.file("word/comments.xml")?.async("string");
  const extendedXml = await zip.file("word/commentsExtended.xml")?.async("string");
  const documentDom = parseXml(documentXml);
  const commentsDom = commentsXml === undefined ? null : parseXml(commentsXml);
  const extendedDom = extendedXml === undefined ? null : parseXml(extendedXml);
  const broken = [
    documentDom ? null : "word/document.xml",
    commentsXml !== undefined && !commentsDom ? "word/comments.xml" : null,
    extendedXml !== undefined && !extendedDom ? "word/commentsExtended.xml" : null,
  ].filter((x) => x !== null);
  if (!documentDom || broken.length)
    return {
      ok: false,
      error: `Word-filen är skadad och kan inte läsas (${broken.join(", ")} är inte giltig XML).`,
    };

  // The comments themselves.
  const word = new Map<string, WordComment>();
  for (const c of commentsDom ? Array.from(commentsDom.getElementsByTagNameNS(W, "comment")) : []) {
    const id = wAttr(c, "id");
    if (id === null) continue;
    const paraIds = Array.from(c.getElementsByTagNameNS(W, "p"))
      .map((p) => (p.hasAttributeNS(W14, "paraId") ? p.getAttributeNS(W14, "paraId") : null))
      .filter((x): x is string => x !== null);
    word.set(id, {
      id,
      author: wAttr(c, "author") || "Okänd",
      date: wAttr(c, "date"),
      text: runText(c),
      paraId: paraIds.at(-1) ?? null,
    });
  }
  // Threads and "resolved" (Word 2013+): commentEx by the paraId of a comment's last paragraph.
  const parentOf = new Map<string, string>();
  const done = new Set<string>();
  for (const e of extendedDom
    ? Array.from(extendedDom.getElementsByTagNameNS(W15, "commentEx"))
    : []) {
    const para = e.getAttributeNS(W15, "paraId");
    if (!para) continue;
    const parent = e.getAttributeNS(W15, "paraIdParent");
    if (parent) parentOf.set(para, parent);
    if (e.getAttributeNS(W15, "done") === "1") done.add(para);
  }

  // Where each comment is: the § bookmark it lies in and the text it covers.
  const itemByBookmark = new Map(
    numberedItems(mine.doc, mine.meta).map((i) => [itemBookmark(i.id), i]),
  );
  const place = new Map<string, { item: string | null; text: string }>();
  const open = new Map<string, { item: string | null; text: string }>();
  let current: string | null = null;
  walk(
    documentDom.documentElement,
    (e) => {
      if (isW(e, "bookmarkStart")) {
        const name = wAttr(e, "name");
        if (name && itemByBookmark.has(name)) current = itemByBookmark.get(name)!.id;
      } else if (isW(e, "commentRangeStart")) {
        const id = wAttr(e, "id");
        if (id !== null) open.set(id, { item: current, text: "" });
      } else if (isW(e, "commentRangeEnd")) {
        const id = wAttr(e, "id");
        const o = id !== null ? open.get(id) : undefined;
        if (id !== null && o) {
          place.set(id, o);
          open.delete(id);
        }
      } else if (isW(e, "commentReference")) {
        const id = wAttr(e, "id");
        if (id !== null && !place.has(id)) place.set(id, { item: current, text: "" });
      } else {
        const piece = textPiece(e);
        if (piece !== null) for (const o of open.values()) o.text += piece;
      }
    },
    (e) => {
      if (isW(e, "p")) for (const o of open.values()) o.text += "\n";
    },
  );

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
  const same = (
    a: { author: string; text: string; at: string },
    b: { author: string; text: string; at: string },
  ) => a.author === b.author && a.text === b.text && a.at.slice(0, 16) === b.at.slice(0, 16);
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
    const anchor =
      node && quoted && !onHeading ? findAnchor(node, { from: 0, to: 0, text: quoted }) : null;
    const replies = [...word.values()]
      .filter((r) => r !== c && rootOf(r) === c)
      .map((r) => ({ author: r.author, at: minutes(r.date, receivedAt), text: r.text }))
      .sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    // A reply that went out in the copy and came back as a comment of its own (a word processor
    // that does not keep threads, e.g. LibreOffice) is already in the protocol.
    if (
      mine.review.comments.some((k) =>
        k.replies.some((r) => same(r, { author: c.author, text: c.text, at })),
      )
    )
      continue;
    const existing = mine.review.comments.find((k) =>
      same(k, { author: c.author, text: c.text, at }),
    );
    const id =
      existing?.id ??
      `w${sha256(`${c.author}\u0000${at}\u0000${c.text}\u0000${where.item ?? ""}`).slice(0, 10)}`;
    comments.push({
      id,
      item: where.item,
      anchor,
      author: c.author,
      at,
      text: c.text,
      replies: existing
        ? replies.filter((r) => !existing.replies.some((e) => same(e, r)))
        : replies,
      resolved: (c.paraId !== null && done.has(c.paraId)) || (existing?.resolved ?? false),
      detachedText: anchor || !quoted || onHeading ? null : quoted,
    });
  }
  if (word.size === 0) return { ok: false, error: "Word-filen innehåller inga kommentarer." };
  const theirs: ProtokollFile = { ...mine, review: { comments, approvals: [], lastSeen: {} } };
  return mergeReview(mine, theirs);
}
