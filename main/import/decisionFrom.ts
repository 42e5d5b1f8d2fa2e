/**
 * The points of a decision (beslutspunkter), from the paragraphs under its heading. Swedish
 * protocols write a decision's points in a few ways, and the importer takes each as points:
 * - numbered or bulleted points ("1.", "a)", "•"); a list of another kind under a point (the
 *   "a.–c." under "2.", the dashes under "• Uppdra åt … att ta fram:") belongs to that point;
 * - "att"-satser, one a paragraph ("att godkänna …", "att uppdra åt …");
 * - statements, one a paragraph ("Kommunfullmäktige godkänner …", "Nämnden uppdrar åt …",
 *   "Informationen tas till handlingarna."). Where two or more open with the deciding body and a
 *   verb, those start the points and a paragraph between them says more about the point above it;
 *   a line that opens with the body after a full stop starts a point though the layout shows no
 *   new paragraph;
 * - a point that ends "… enligt följande:" / "… med följande kompletteringar." and what it
 *   introduces (a list, table rows, paragraphs) are one point; so are a paragraph that ends open
 *   ("… även") and the list under it.
 * Not points: a lead above them ("Kommunstyrelsen beslutar att:", "Kommunstyrelsen föreslår
 * kommunfullmäktige fatta följande beslut."), a remark after them ("Beslutet justeras omedelbart.",
 * "Detta beslut fattas med stöd av …", "Motionen är därmed besvarad."), the body's reasoning
 * ("Nämnden anser att …"), a bare marker, and a
 * paragraph the PDF broke in two (joined back). A decision of one paragraph stays prose.
 */
import type { Node } from "prosemirror-model";
import * as b from "../../schemas/build.js";
import { schema } from "../../schemas/schema.js";
import type { Line } from "./cleanLines.js";
import {
  DECIDING_ORGAN_RE,
  DECISION_CLOSING_RE,
  DECISION_LEAD_RE,
  DECISION_REASON_RE,
  PROPOSING_LEAD_RE,
} from "./lexicon.js";
import { joinLines, paragraphsOf } from "./paragraphs.js";
import { listMarker, proseNodes, type ListMarker } from "./proseNodes.js";

/** A point: its own text and the lines of what belongs under it (a list, table rows). */
interface Point {
  text: string;
  sub: string[];
}

/** A paragraph ends a sentence, a lead or a quote; else the next one goes on with it. */
const ENDS_RE = /[.!?:;”")]$/u;
/** A point that introduces what follows it: "… enligt följande:", "… med följande ändringar." */
const INTRODUCES_RE = /(?:följande(?:\s+[\p{L}-]+){0,2}\s*[.:]|:)$/u;
/** A bullet alone: an empty list item. */
const BARE_BULLET_RE = /^[-–•*·−]$/u;
/** "1." or "•" alone: a marker whose text is in the next paragraph, or an empty list item. */
const BARE_MARKER_RE = /^(?:\d{1,2}[.)]|[a-zA-Z][.)]|[-–•*·−])$/u;

/**
 * The decision's paragraphs: as the layout shows them, and a new one where a line that opens
 * with the deciding body follows a line that ended a sentence.
 */
export function decisionParagraphs(lines: readonly Line[], width: number): string[] {
  return paragraphsOf(lines, width)
    .flatMap((p) => {
      const groups: Line[][] = [];
      p.forEach((l, i) => {
        if (!groups.length || (/\.$/.test(p[i - 1]!.text) && DECIDING_ORGAN_RE.test(l.text)))
          groups.push([]);
        groups[groups.length - 1]!.push(l);
      });
      return groups.map((g) => joinLines(g.map((l) => l.text)));
    })
    .filter(Boolean);
}

/**
 * "… med" + "300 000 kronor." and "1." + "Nämnden …": paragraphs the PDF broke in two, joined back
 * ("att anta planen," + "att uppdra …" are two att-satser); an empty list item is dropped.
 */
function joinBroken(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    const prev = out[out.length - 1];
    // an empty list item before an item of its own is dropped; a marker alone gets its text
    if (prev !== undefined && BARE_BULLET_RE.test(prev) && listMarker(p)) out[out.length - 1] = p;
    else if (prev !== undefined && BARE_MARKER_RE.test(prev)) out[out.length - 1] = `${prev} ${p}`;
    else if (
      prev !== undefined &&
      !ENDS_RE.test(prev) &&
      !listMarker(p) &&
      /^[\p{Ll}\d]/u.test(p) &&
      !/^att\s/.test(p)
    )
      out[out.length - 1] = `${prev} ${p}`;
    else out.push(p);
  }
  return out.filter((p) => !BARE_BULLET_RE.test(p));
}

/** A list item as a line under its point: a bullet as a dash, "a." as it was written. */
const subLine = (text: string) => {
  const m = listMarker(text);
  return m?.style === "bullet" ? `– ${text.slice(m.marker.length).trim()}` : text;
};

/** The body deciding: "Nämnden godkänner …", "Kommunstyrelsens ordförande … utses att …". */
const bodyDecides = (text: string) => DECIDING_ORGAN_RE.test(text);

/** Statements, one a paragraph (see the module's comment for which paragraphs start a point). */
function statementPoints(paragraphs: readonly string[]): Point[] {
  const byBody = paragraphs.filter(bodyDecides).length >= 2;
  const points: Point[] = [];
  for (const para of paragraphs) {
    const last = points[points.length - 1];
    if (last && (listMarker(para) || (INTRODUCES_RE.test(last.text) && !bodyDecides(para)))) {
      last.sub.push(subLine(para));
      continue;
    }
    const remark = DECISION_CLOSING_RE.test(para) || DECISION_REASON_RE.test(para);
    if (last && (remark || (byBody && !bodyDecides(para)))) {
      if (last.sub.length) last.sub.push(para);
      else last.text += ` ${para}`;
      continue;
    }
    points.push({ text: para, sub: [] });
  }
  return points;
}

/** Marked points ("1.", "•"); what follows a point up to the next one belongs to it. */
function markedPoints(paragraphs: readonly string[], top: ListMarker): Point[] {
  const points: Point[] = [];
  let expect = top.ord;
  paragraphs.forEach((para, i) => {
    const m = listMarker(para);
    const last = points[points.length - 1];
    const next = paragraphs[i + 1];
    const nextMarker = next === undefined ? null : listMarker(next);
    if (m && m.key === top.key && (top.style === "bullet" || m.ord === expect)) {
      points.push({ text: para.slice(m.marker.length).trim(), sub: [] });
      expect++;
    } else if (!last) points.push({ text: para, sub: [] });
    else if (m) last.sub.push(subLine(para));
    // "Under förutsättning att … även" + a list of another kind: a point of its own
    else if (
      nextMarker &&
      nextMarker.key !== top.key &&
      (!ENDS_RE.test(para) || /:$/.test(para)) &&
      !DECISION_CLOSING_RE.test(para)
    )
      points.push({ text: para, sub: [] });
    else if (last.sub.length) last.sub.push(para);
    else last.text += ` ${para}`;
  });
  return points;
}

/** A point as the inline content of a decision_point: what belongs under it, a line each. */
function pointInline(p: Point): (string | Node)[] {
  const out: (string | Node)[] = [p.text.trim()];
  for (const s of p.sub) out.push(schema.nodes.hard_break.create(), s);
  return out;
}

/**
 * The leads of a decision's paragraphs (one, or two where an utskott proposes what the styrelse
 * is to propose to fullmäktige) and its points; null where it is prose of one point.
 */
function decisionPoints(all: readonly string[]): { leads: string[]; points: Point[] } | null {
  const paragraphs = joinBroken(all);
  let n = 0;
  while (
    n < paragraphs.length - 1 &&
    (DECISION_LEAD_RE.test(paragraphs[n]!) || PROPOSING_LEAD_RE.test(paragraphs[n]!))
  )
    n++;
  const leads = paragraphs.slice(0, n);
  const body = paragraphs.slice(n);
  if (!body.length) return null;
  const top = listMarker(body[0]!);
  // a numbered list starts at 1 (or a); "2012." or "3." alone is not a list of points
  if (top && (top.style === "bullet" || top.ord === 1)) {
    const points = markedPoints(body, top);
    return points.length >= 2 || points.some((p) => p.sub.length) ? { leads, points } : null;
  }
  const att = body.map((p) => /^[-–•]?\s*(att\s.+)$/i.exec(p));
  if (body.length >= 2 && att.every(Boolean))
    return { leads, points: att.map((m) => ({ text: m![1]!.trim(), sub: [] })) };
  const points = statementPoints(body);
  return points.length >= 2 || points.some((p) => p.sub.length) ? { leads, points } : null;
}

/**
 * The decision block: its points as decision_points; under a lead that says more than the
 * generated heading ("… föreslår kommunfullmäktige fatta följande beslut."), the lead as prose and
 * the points as a list under it; one paragraph of prose as it was written.
 */
export function decisionFrom(all: readonly string[]): Node {
  const found = decisionPoints(all);
  if (!found) return b.decisionProse(...proseNodes(all));
  const { leads, points } = found;
  const told = leads.filter((l) => !DECISION_LEAD_RE.test(l));
  if (!told.length) return b.decision(...points.map(pointInline));
  const items = points.map((p) => b.li(b.p(...pointInline(p))));
  const numbered = all.some((p) => listMarker(p)?.style === "decimal");
  return b.decisionProse(
    ...told.map((l) => b.p(l)),
    numbered ? b.ol("decimal", ...items) : b.ul(...items),
  );
}
