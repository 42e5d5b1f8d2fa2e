/**
 * A protocol's text → document and metadata. Finds the §§ (ignoring a table of contents that
 * repeats their numbers), reads each §'s title, subtitle and Dnr, hands its body to blocks.ts, and
 * reads the header (body, meeting, attendance, chair, secretary, justerare, justering).
 */
import type { Node } from "prosemirror-model";
import * as b from "../../schemas/build.js";
import type { AttendanceEntry, BodyType, MetaInput } from "../../schemas/meta.js";
import { BODY_NAME_RE, type Line } from "./cleanLines.js";
import {
  DNR_LABEL_RE,
  LABELS,
  ORGANISATION_RE,
  SUBTITLE_RE,
  type HeaderSection,
} from "./lexicon.js";
import { blocksFromSections, headingOf, sectionsOf, type ImportItemContext } from "./blocks.js";
import { joinLines, typicalWidth } from "./paragraphs.js";
import {
  leadingPersons,
  mentionsIn,
  NAME_RE,
  normParty,
  PersonRegister,
  type Mention,
} from "./persons.js";
import { findDate, findTimes, isDateLine } from "./swedishDate.js";

/** "§ 5", "§5", "KF § 50", "§ 114 2026.288 KS" — a § at the start of a line, not a range "§ 1–16". */
const ITEM_RE = /^(?:\p{Lu}{1,5}\s*)?§\s*(\d{1,4})(?!\s*[-–]\s*\d)(?![\d,])\s*[.:]?\s*(.*)$/u;
const ITEM_END_RE = /^(\S.{2,150}?)\s{3,}(?:\p{Lu}{1,5}\s*)?§\s*(\d{1,4})\s*$/u;
// "KS 2001/12", "1.2.3-45/2001", "TN 2001/7-214", "Tn/2001:44" (a capitalised series before a slash)
const DNR_VALUE = String.raw`(?:\p{Lu}{1,6}[ /-]?|\p{Lu}\p{Ll}{1,5}/)?\d{1,4}(?:[./:-]\d+)+(?:\s+\p{Lu}{1,6}\b)?`;
/** A Dnr alone on its line, perhaps followed by an archive code ("Tn/2001:44   612"), which is not part of it. */
const DNR_ALONE_RE = new RegExp(String.raw`^(${DNR_VALUE})(?:\s+\d{2,4})?$`, "u");
// case-sensitive on purpose: "Budget 2027-2029" is a title, "KS 2027-29" a Dnr
const DNR_START_RE = new RegExp(`^(?:[Dd][Nn][Rr]\\.?:?\\s*)?(${DNR_VALUE})\\s*(.*)$`, "u");
const TOC_LEADER_RE = /(\.{4,}|…{2,}|\s{2,}\d{1,3})\s*\d{0,3}$/;

export interface ProtocolParse {
  meta: MetaInput;
  doc: Node;
  items: number;
  uncertain: { item: number | null; message: string }[];
  mergedNames: { kept: string; variants: string[] }[];
}

interface Candidate {
  index: number;
  number: number;
  rest: string;
  /** How the § line is written ("ON §", "§", right-aligned): a protocol writes all its §§ alike. */
  style: string;
}

/** Lines that start a §, with tables of contents and stray references weeded out. */
export function findItems(lines: readonly Line[]): Candidate[] {
  const cands: Candidate[] = [];
  lines.forEach((l, index) => {
    // "Godkännande av dagordning          § 5": a right-aligned number after the title
    const end = ITEM_END_RE.exec(l.raw.trim());
    if (end && !ITEM_RE.test(l.text)) {
      cands.push({ index, number: +end[2]!, rest: end[1]!.trim(), style: "end" });
      return;
    }
    const m = ITEM_RE.exec(l.text);
    if (!m) return;
    const rest = m[2] ?? "";
    if (/^(i|och|st|kap|kommunallagen|KL|förvaltningslagen|FL|OSL|första|andra)\b/i.test(rest))
      return; // "§ 5 kommunallagen", "§ 3 första stycket"
    cands.push({
      index,
      number: +m[1]!,
      rest,
      style: /^\p{Lu}/u.test(l.text) ? "prefix" : "plain",
    });
  });
  const size = (i: number) => (cands[i + 1]?.index ?? lines.length) - cands[i]!.index;
  const usable = cands.map((c, i) => !(TOC_LEADER_RE.test(c.rest.slice(-40)) && size(i) <= 2));
  // The §§ are the longest increasing run of numbers; between runs of equal length (a table of
  // contents and the protocol itself) the one with more text wins. A stray "§ 16" at the start
  // of a wrapped line, or a ToC entry, falls outside the run.
  const n = Math.min(cands.length, 3000);
  const len: number[] = [];
  const weight: number[] = [];
  const prev: number[] = [];
  for (let i = 0; i < n; i++) {
    len[i] = usable[i] ? 1 : 0;
    weight[i] = size(i);
    prev[i] = -1;
    if (!usable[i]) continue;
    for (let j = Math.max(0, i - 400); j < i; j++) {
      if (!usable[j] || cands[j]!.number >= cands[i]!.number) continue;
      // a gap in the numbers costs a little; a change of how the § line is written costs much
      // (the "§ 1 … § 10" of an attached agreement between "ON § 20" and "ON § 21")
      const gapPenalty =
        (cands[i]!.number - cands[j]!.number === 1 ? 0 : 0.5) +
        (cands[i]!.style === cands[j]!.style ? 0 : 6);
      const l = len[j]! + 1 - gapPenalty;
      const w = weight[j]! + size(i);
      if (l > len[i]! || (l === len[i]! && w > weight[i]!)) {
        len[i] = l;
        weight[i] = w;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < n; i++)
    if (
      usable[i] &&
      (best < 0 || len[i]! > len[best]! || (len[i] === len[best] && weight[i]! > weight[best]!))
    )
      best = i;
  const out: Candidate[] = [];
  for (let i = best; i >= 0; i = prev[i]!) out.unshift(cands[i]!);
  return out;
}

const CONNECTOR_END =
  /(-|–|,|\b(och|av|för|om|till|i|med|på|från|inom|samt|eller|mellan|vid|avseende|gällande|angående|rörande))$/i;
const continues = (prev: string, l: Line) =>
  !l.breakBefore && (/^[\p{Ll}(\d”"–-]/u.test(l.text) || CONNECTOR_END.test(prev));

/** A Dnr with its series ("KS 2001/12", "Tn/2001:44") ending a title line, perhaps with an archive code after it. */
const TRAILING_DNR_RE = new RegExp(
  String.raw`^(\S.*?\S)\s+((?:\p{Lu}{1,6}[ /-]|\p{Lu}\p{Ll}{1,5}/)\d{1,4}(?:[./:-]\d+)+)(?:\s+\d{2,4})?$`,
  "u",
);
const isDnr = (t: string) =>
  DNR_LABEL_RE.exec(t)?.[1]?.trim() ??
  (DNR_ALONE_RE.test(t) && !isDateLine(t) ? DNR_ALONE_RE.exec(t)![1]! : null);

interface ItemHead {
  title: string;
  subtitle: string | null;
  dnr: string | null;
  body: Line[];
}

function itemHead(restOfLine: string, lines: Line[]): ItemHead {
  let dnr: string | null = null;
  // "§ 5 (Dnr KS 2020/393)", "§ 5 – Godkännande av dagordning"
  const rest = restOfLine.replace(/^\((dnr[^)]*)\)$/i, "$1").replace(/^[-–:]\s*/, "");
  const title: string[] = [];
  if (rest) {
    const d = DNR_START_RE.exec(rest);
    if (d && !isDateLine(d[1]!)) {
      dnr = d[1]!.trim();
      if (d[2]) title.push(d[2].replace(/^[-–,:]\s*/, ""));
    } else {
      const inTitle = /^(.*?)\s+(?:dnr|diarienr)\.?:?\s*(\S.*)$/i.exec(rest);
      if (inTitle) {
        title.push(inTitle[1]!);
        dnr = inTitle[2]!;
      } else title.push(rest);
    }
  }
  let i = 0;
  let lastTitleLine = -2;
  const headingOrList = (l: Line) =>
    !!headingOf(l.text) || /^(\d{1,2}[.)]|[A-Z][.)]|[-–•])\s/.test(l.text);
  while (i < lines.length) {
    const l = lines[i]!;
    const d = isDnr(l.text);
    if (d && !dnr) {
      dnr = d;
      i++;
      continue;
    }
    if (headingOrList(l)) break;
    if (!title.length) {
      // "Taxor för 2025        KS 2024/12": a Dnr with its series at the end of the title line
      const trailing = dnr ? null : TRAILING_DNR_RE.exec(l.text);
      if (trailing) dnr = trailing[2]!;
      title.push(trailing ? trailing[1]! : l.text);
      lastTitleLine = i;
      i++;
      continue;
    }
    // a title wrapped over lines: it goes on in lower case or after a connector, or its last
    // line closes the title paragraph ("… till Byggbolaget" + "Norr AB", then a blank line)
    const next = lines[i + 1];
    const closesParagraph =
      title.length === 1 &&
      lastTitleLine === i - 1 &&
      !l.breakBefore &&
      (!next || next.breakBefore || !!headingOf(next.text)) &&
      l.text.length <= 80 &&
      !/[.:;]$/.test(l.text) &&
      !isDnr(l.text) &&
      !SUBTITLE_RE.test(l.text) &&
      !findDate(l.text);
    if ((continues(title[title.length - 1]!, l) || closesParagraph) && title.length < 6) {
      title.push(l.text);
      i++;
      continue;
    }
    break;
  }
  // a subtitle: a short paragraph right before the Dnr or the first heading
  let subtitle: string | null = null;
  const sub: Line[] = [];
  let j = i;
  while (j < lines.length && sub.length < 3) {
    const l = lines[j]!;
    if (isDnr(l.text) || headingOrList(l)) break;
    if (sub.length && !continues(sub[sub.length - 1]!.text, l)) break;
    sub.push(l);
    j++;
  }
  const next = lines[j];
  if (
    sub.length &&
    next &&
    (isDnr(next.text) || headingOf(next.text)) &&
    !/[:;]$/.test(sub[sub.length - 1]!.text) &&
    !leadingPersons(sub[0]!.text).mentions.length
  ) {
    subtitle = joinLines(sub.map((l) => l.text));
    i = j;
    const d = isDnr(lines[i]?.text ?? "");
    if (d && !dnr) {
      dnr = d;
      i++;
    }
  }
  return { title: joinLines(title), subtitle, dnr, body: lines.slice(i) };
}

// ---- the header: who, when, where ----

function labelOf(cell: string): { section: HeaderSection; rest: string } | null {
  const t = cell.trim();
  for (const [section, re] of LABELS) {
    const src = re.source.slice(1, -1); // without ^ $
    const m =
      new RegExp(`^${src}\\s*(?::\\s*|\\s{2,}|\\t|$)(.*)$`, "i").exec(t) ??
      new RegExp(`^${src}\\s+(\\S.*)$`, "i").exec(t);
    const spaced = !new RegExp(`^${src}(\\s*:|\\s{2,}|\\t|$)`, "i").test(t); // "Sekreterare Anna Berg": label, one space, value
    if (m && spaced && !/^[\p{Lu}\d]/u.test(m[m.length - 1] ?? "")) continue;
    if (
      m &&
      (new RegExp(`^${src}$`, "i").test(t) ||
        /[:]/.test(t.slice(0, 40)) ||
        section !== "members" ||
        /\(/.test(t))
    ) {
      const rest = m[m.length - 1] ?? "";
      if (
        section === "present_subs" &&
        /^ersättare$/i.test(t.split(/\s|:/)[0] ?? "") &&
        rest &&
        !/\(/.test(rest) &&
        !/:/.test(t)
      )
        continue;
      return { section, rest: rest.trim() };
    }
  }
  return null;
}

const cellsOf = (raw: string) => {
  const out: { text: string; at: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  for (const m of raw.matchAll(re)) out.push({ text: m[0], at: m.index ?? 0 });
  return out;
};

interface AttendanceDraft {
  person: string;
  status: "serving" | "present";
  from: number | null;
  to: number | null;
  replaces: string | null;
}

export interface HeaderInfo {
  body: string | null;
  municipality: string | null;
  date: string | null;
  start: string | null;
  end: string | null;
  place: string | null;
  chair: string | null;
  secretary: string | null;
  adjusters: string[];
  adjustmentDate: string | null;
  adjustmentPlace: string | null;
  noticePosted: string | null;
  keptAt: string | null;
  /** The date came from a label (Sammanträdesdatum, Plats och tid), not from a loose line. */
  dateLabelled?: boolean;
  attendance: AttendanceDraft[];
  leftover: string[];
}

function ranges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const m = /§§?\s*([\d\s,–-]+(?:och\s+\d+)?)/.exec(text);
  if (m) {
    for (const part of m[1]!.split(/,|och/)) {
      const r = /(\d+)\s*(?:[-–]\s*(\d+))?/.exec(part);
      if (r) out.push([+r[1]!, r[2] ? +r[2] : +r[1]!]);
    }
  }
  const from = /fr\.?\s?o\.?\s?m\.?\s*§\s*(\d+)|från\s*§\s*(\d+)/i.exec(text);
  const to = /t\.?\s?o\.?\s?m\.?\s*§\s*(\d+)|till\s*§\s*(\d+)/i.exec(text);
  if (!out.length && (from || to))
    out.push([from ? +(from[1] ?? from[2])! : 0, to ? +(to[1] ?? to[2])! : 0]);
  return out;
}

const REPLACES_RE =
  /(ersätter|för|i st(ället)?\.?\s*f(ör)?\.?|istället för|tjg\.?\s*för|tjänstgör(ande)?\s*för|ers\.?\s*för)\s*$/i;

/** One attendance cell/line: persons with party, role words, "ersätter X", §-ranges. */
function attendanceEntries(
  text: string,
  section: HeaderSection,
  reg: PersonRegister,
  info: HeaderInfo,
): void {
  const re = new RegExp(
    String.raw`(${NAME_RE.source.slice(1)})\s*,?\s*\(\s*([\p{L}-]{1,6})\s*\)`,
    "gu",
  );
  const found = [...text.matchAll(re)];
  const status = section === "members" || section === "serving_subs" ? "serving" : "present";
  if (!found.length) {
    // No parties: "Anna Ek, Per Berg och Olle Dahl", "Lena Exempel Ström, förvaltningschef,
    // Anna Berg, sekreterare" — a capitalised name starts a person, a lower-case part is a title
    const people: { name: string; title: string | null; rest: string; party: string | null }[] = [];
    for (const part of text.trim().split(/\s*[,;]\s*|\s+och\s+|\s{2,}/)) {
      if (!part) continue;
      const nm = NAME_RE.exec(part);
      const last = people[people.length - 1];
      // a table of members: "Per Persson      M      Ordförande" — party and role in columns of their own
      if (last && /^(S|M|V|C|L|KD|MP|SD|Fi|FI|[\p{Lu}]{1,3})$/u.test(part) && !last.party)
        last.party = part;
      else if (
        last &&
        /^((1:e |2:e |förste |andre )?vice ordförande|ordförande|ordf\.?|ledamot|ersättare|tjänstgörande ersättare|sekreterare)$/i.test(
          part,
        )
      )
        last.title ??= part;
      else if (last && ORGANISATION_RE.test(part))
        last.title ??= part; // "Anna Ek, Region Norrland, § 5": where she comes from
      else if (
        nm &&
        !/^(Se|Enligt|Bilaga|Ledamot|Parti|Namn)\b/.test(part) &&
        !ORGANISATION_RE.test(part)
      )
        people.push({ name: nm[0], title: null, rest: part.slice(nm[0].length), party: null });
      else if (people.length && /^[\p{Ll}\d§(]/u.test(part)) {
        const last = people[people.length - 1]!;
        if (/^§|^\(?§/.test(part)) last.rest += ` ${part}`;
        else last.title ??= part.replace(/\s*\(?§§?.*$/, "").trim() || null;
      } else info.leftover.push(part);
    }
    for (const p of people) {
      const title =
        p.title ??
        (p.rest
          .replace(/^[\s,–-]+/, "")
          .replace(/\s*\(?§§?.*$/, "")
          .trim() ||
          null);
      const role =
        title && /vice ordf/i.test(title)
          ? /2:e|andre/i.test(title)
            ? "second_vice_chair"
            : "vice_chair"
          : section === "others"
            ? title && /sekreterare/i.test(title)
              ? "secretary"
              : "official"
            : section === "present_subs" || section === "serving_subs"
              ? "substitute"
              : section === "members"
                ? "member"
                : "other";
      const id = reg.resolve({
        name: p.name,
        party: p.party ? normParty(p.party) : null,
        role,
        title:
          title && !/ordf|sekreterare|ledamot|ersättare/i.test(title) ? title.toLowerCase() : null,
      });
      if (title && /^(ordf|ordförande)/i.test(title))
        info.chair ??= reg.resolve({ name: p.name, role: "chair" });
      if (role === "secretary") info.secretary ??= id;
      const rs = ranges(p.rest);
      for (const [from, to] of rs.length ? rs : [[0, 0] as [number, number]])
        info.attendance.push({
          person: id,
          status,
          from: from || null,
          to: to || null,
          replaces: null,
        });
    }
    return;
  }
  for (let k = 0; k < found.length; k++) {
    const m = found[k]!;
    const between = text.slice((m.index ?? 0) + m[0].length, found[k + 1]?.index ?? text.length);
    const before = text.slice(
      found[k - 1] ? (found[k - 1]!.index ?? 0) + found[k - 1]![0].length : 0,
      m.index ?? 0,
    );
    if (k > 0 && REPLACES_RE.test(before)) continue; // the replaced one
    const name = m[1]!.replace(/^(Ordförande|Ordf\.?)\s+/i, "");
    const next = found[k + 1];
    const replacing = !!next && REPLACES_RE.test(between);
    // "Kent Ek (S) för Lars Berg (S) §§ 114-115": the range after the replaced one is the substitute's
    const afterNext = replacing
      ? text.slice((next.index ?? 0) + next[0].length, found[k + 2]?.index ?? text.length)
      : "";
    // "Ordförande Eva Exempel (L)": a role before the first name of a cell
    const tail =
      between +
      afterNext +
      (k === 0 && /ordf(örande|\.)?\s*:?\s*$/i.test(before) ? " ordförande" : "");
    const role = /\b(2:e|andre) vice ordf/i.test(tail)
      ? "second_vice_chair"
      : /\b(1:e |förste )?vice ordf/i.test(tail)
        ? "vice_chair"
        : /\bordf/i.test(tail)
          ? "chair"
          : section === "members"
            ? "member"
            : section === "serving_subs" || section === "present_subs"
              ? "substitute"
              : /sekreterare/i.test(tail)
                ? "secretary"
                : section === "others"
                  ? "official"
                  : null;
    const id = reg.resolve({
      name,
      party: normParty(m[2]!),
      role,
      serving: section === "serving_subs",
    });
    if (role === "chair") info.chair ??= id;
    let replaces: string | null = null;
    if (replacing && next) {
      replaces = reg.resolve({ name: next[1]!, party: normParty(next[2]!), role: "member" });
    }
    const rs = ranges(tail);
    for (const [from, to] of rs.length ? rs : [[0, 0] as [number, number]])
      info.attendance.push({ person: id, status, from: from || null, to: to || null, replaces });
  }
}

function personIdsIn(text: string, reg: PersonRegister, role: Mention["role"] = null): string[] {
  const ms = mentionsIn(text);
  if (ms.length) return ms.map((m) => reg.resolve({ ...m, role: m.role ?? role }));
  return text
    .split(/,|\boch\b|\s{2,}/)
    .map((s) => NAME_RE.exec(s.trim())?.[0])
    .filter((s): s is string => !!s)
    .map((name) => reg.resolve({ name, role }));
}

/** A label wrapped in its column ("Justeringens" / "plats och tid"): joined onto the first line. */
function joinWrappedLabels(lines: readonly Line[]): Line[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < out.length; i++) {
    const a = cellsOf(out[i]!.raw);
    const b = cellsOf(out[i + 1]!.raw);
    if (!a[0] || !b[0] || a[0].at !== b[0].at || labelOf(a[0].text) || b.length > 1) continue;
    const joined = `${a[0].text} ${b[0].text}`;
    if (!labelOf(joined) || labelOf(joined)!.rest) continue;
    const rawA = out[i]!.raw;
    out[i]!.raw =
      rawA.slice(0, a[0].at) +
      joined +
      (a[1]
        ? " ".repeat(Math.max(2, a[1].at - a[0].at - joined.length)) + rawA.slice(a[1].at)
        : "");
    out[i]!.text = out[i]!.raw.replace(/\s+/g, " ").trim();
    const rawB = out[i + 1]!.raw;
    out[i + 1]!.raw =
      " ".repeat(b[0].at + b[0].text.length) + rawB.slice(b[0].at + b[0].text.length);
    out[i + 1]!.text = out[i + 1]!.raw.replace(/\s+/g, " ").trim();
  }
  return out.filter((l) => l.text);
}

export function parseHeader(input: readonly Line[], reg: PersonRegister): HeaderInfo {
  const lines = joinWrappedLabels(input);
  const info: HeaderInfo = {
    body: null,
    municipality: null,
    date: null,
    start: null,
    end: null,
    place: null,
    chair: null,
    secretary: null,
    adjusters: [],
    adjustmentDate: null,
    adjustmentPlace: null,
    noticePosted: null,
    keptAt: null,
    attendance: [],
    leftover: [],
  };
  let section: HeaderSection | null = null;
  let columns: { section: HeaderSection; at: number }[] | null = null;
  const handle = (sec: HeaderSection, text: string) => {
    if (!text) return;
    switch (sec) {
      case "members":
      case "serving_subs":
      case "present_subs":
      case "others":
        attendanceEntries(text, sec, reg, info);
        break;
      case "chair": {
        const ids = personIdsIn(text, reg, "chair");
        info.chair ??= ids[0] ?? null;
        break;
      }
      case "secretary": {
        const ids = personIdsIn(text, reg, "secretary");
        info.secretary ??= ids[0] ?? null;
        break;
      }
      case "adjusters":
        for (const id of personIdsIn(text.replace(/§§?.*$/, ""), reg))
          if (!info.adjusters.includes(id)) info.adjusters.push(id);
        {
          const d = findDate(text);
          if (d) info.adjustmentDate ??= d.iso;
        }
        break;
      case "adjustment": {
        const d = findDate(text);
        if (d) {
          info.adjustmentDate ??= d.iso;
          const place = text
            .slice(0, d.index)
            .replace(/[\s,]+(den|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)?\s*$/i, "")
            .trim();
          if (place) info.adjustmentPlace ??= place;
        } else if (text) info.adjustmentPlace ??= text;
        break;
      }
      case "meeting":
      case "place":
      case "date": {
        const d = findDate(text);
        if (d) info.date ??= d.iso;
        if (d) info.dateLabelled = true;
        const t = findTimes(text);
        info.start ??= t.start;
        info.end ??= t.end;
        if (sec !== "date") {
          // the place is what is left when date, weekday and times are taken out
          let rest = d ? text.slice(0, d.index) + " " + text.slice(d.index + d.length) : text;
          rest = rest
            .replace(
              /(?:kl(?:\.|ockan)?\s*)?\b\d{1,2}[.:]\d{2}(?:\s*(?:[-–—]|till)\s*(?:kl(?:\.|ockan)?\s*)?\d{1,2}[.:]\d{2})?/gi,
              " ",
            )
            .replace(
              /\b(måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)(en)?\b|\bden\b|\bkl(ockan|\.)?(?=\s|$)/gi,
              " ",
            )
            .replace(/\s*,\s*(,\s*)+/g, ", ")
            .replace(/^[\s,–-]+|[\s,–-]+$/g, "")
            .replace(/\s+/g, " ");
          if (rest && /\p{L}{2}/u.test(rest)) info.place ??= rest;
        }
        break;
      }
      case "body":
        if (BODY_NAME_RE.test(text)) info.body ??= text;
        break;
      case "notice": {
        const d = findDate(text);
        if (d) info.noticePosted ??= d.iso;
        break;
      }
      case "keptAt":
        if (!/^[.…_\s]*$/.test(text)) info.keptAt ??= text;
        break;
      case "ignore":
        break;
    }
  };
  for (const l of lines) {
    const cells = cellsOf(l.raw);
    const labels = cells.map((c) => labelOf(c.text));
    const ATTENDANCE: HeaderSection[] = ["members", "serving_subs", "present_subs", "others"];
    if (
      cells.length >= 2 &&
      labels.filter((x) => x && ATTENDANCE.includes(x.section)).length >= 2 &&
      labels.every((x) => !x || !x.rest)
    ) {
      // "Ledamöter        Tjänstgörande ersättare": a two-column list follows
      columns = cells.flatMap((c, k) =>
        labels[k] ? [{ section: labels[k]!.section, at: c.at }] : [],
      );
      section = null;
      continue;
    }
    const first = labels[0];
    if (first) {
      // "Underskrifter  Sekreterare  ........  Paragrafer 1-20": each label takes the cells after
      // it; the lines below belong to the last label that was not a mere heading
      columns = null;
      let current: HeaderSection = first.section;
      let sticky: HeaderSection = first.section;
      const pending: string[] = [];
      const flushPending = () => {
        if (pending.length) handle(current, pending.join("    "));
        pending.length = 0;
      };
      cells.forEach((c, k) => {
        const lab = labels[k];
        if (lab && (k === 0 || lab.section !== "members" || /:/.test(c.text))) {
          flushPending();
          current = lab.section;
          if (lab.section !== "ignore" || sticky === "ignore") sticky = lab.section;
          if (lab.rest) pending.push(lab.rest);
        } else pending.push(c.text);
      });
      flushPending();
      section = sticky;
      continue;
    }
    if (columns) {
      for (const c of cells) {
        const col = [...columns].reverse().find((x) => x.at <= c.at + 2) ?? columns[0]!;
        handle(col.section, c.text);
      }
      continue;
    }
    if (section) {
      handle(section, cells.map((c) => c.text).join("    ")); // keep the columns: "Lina Berg      Olle Ek"
      continue;
    }
    // before any label: body name, municipality, date, place — each column on its own
    if (cells.length > 1) {
      for (const c of cells) {
        const lab = labelOf(c.text);
        if (lab) handle(lab.section, lab.rest);
        else preamble(c.text);
      }
      continue;
    }
    preamble(l.text);
  }
  return info;

  function preamble(t: string): void {
    if (/^(sammanträdes)?protokoll(sutdrag)?$/i.test(t)) return;
    if (!info.body && BODY_NAME_RE.test(t) && !/(kommun|stad|region)$/i.test(t)) {
      info.body = t;
      return;
    }
    if (/^[\p{Lu}][\p{L}-]+\s+(kommun|stad|region)$/u.test(t)) {
      info.municipality ??= t;
      return;
    }
    const d = findDate(t);
    if (d && !info.date) {
      info.date = d.iso;
      const times = findTimes(t);
      info.start ??= times.start;
      info.end ??= times.end;
      return;
    }
    info.leftover.push(t);
  }
}

const ADJUST_RE =
  /(utsågs|utses|valdes|väljs|utsåg|utser|valde)\s+(?:till\s+)?(?:att\s+)?(?:jämte\s+ordföranden\s+)?(?:justera|justerare)/i;

function bodyType(name: string): BodyType {
  if (/fullmäktige/i.test(name)) return "kommunfullmäktige";
  if (/kommunstyrelse|regionstyrelse/i.test(name)) return "kommunstyrelse";
  if (/nämnd/i.test(name)) return "nämnd";
  return "annan";
}

export function parseProtocol(
  lines: Line[],
  headerHints: { bodies: string[]; dates: string[]; municipalities?: string[] },
): ProtocolParse {
  const reg = new PersonRegister();
  const uncertain: { item: number | null; message: string }[] = [];
  const width = typicalWidth(lines);
  const cands = findItems(lines);
  // no § at all: the whole text is kept in one § rather than read as a header
  const headerLines = cands.length ? lines.slice(0, cands[0]!.index) : [];
  const info = parseHeader(
    headerLines.filter((l) => !ITEM_RE.test(l.text)),
    reg,
  );

  const mostCommon = (xs: string[]) =>
    [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>())].sort(
      (a, c) => c[1] - a[1],
    )[0]?.[0] ?? null;
  let bodyName = info.body ?? mostCommon(headerHints.bodies);

  // the last § may end with the signatures ("Vid protokollet", "Justeras"): read them as header
  const items: { number: number; head: ItemHead; lines: Line[] }[] = [];
  cands.forEach((c, k) => {
    const end = cands[k + 1]?.index ?? lines.length;
    let body = lines.slice(c.index + 1, end);
    if (k === cands.length - 1) {
      const sig = body.findIndex(
        (l, k) =>
          /^(vid protokollet|justeras|underskrifter|signaturer|justerandes signaturer)$/i.test(
            l.text,
          ) && body.length - k <= 16,
      );
      if (sig >= 0) {
        const sigInfo = parseHeader(
          body
            .slice(sig)
            .map((l) =>
              /^(vid protokollet)$/i.test(l.text)
                ? { ...l, text: "Sekreterare", raw: "Sekreterare" }
                : l,
            ),
          reg,
        );
        info.secretary ??= sigInfo.secretary;
        info.chair ??= sigInfo.chair;
        for (const a of sigInfo.adjusters) if (!info.adjusters.includes(a)) info.adjusters.push(a);
        info.adjustmentDate ??= sigInfo.adjustmentDate;
        if (sigInfo.leftover.length)
          uncertain.push({
            item: null,
            message: `Text i underskriftsdelen som inte kändes igen: ${sigInfo.leftover.join(" / ").slice(0, 300)}`,
          });
        body = body.slice(0, sig);
      }
    }
    items.push({ number: c.number, head: itemHead(c.rest, body), lines: body });
  });

  if (!cands.length)
    items.push({
      number: 1,
      head: { title: "Importerad text", subtitle: null, dnr: null, body: lines },
      lines,
    });

  // the body's name from "Socialnämndens beslut" when no header named it
  if (!bodyName) {
    for (const it of items)
      for (const l of it.head.body) {
        const m = /^(\p{Lu}[\p{L}-]*?)s\s+beslut:?$/u.exec(l.text);
        if (m && BODY_NAME_RE.test(m[1]!)) {
          bodyName = m[1]!;
          break;
        }
      }
  }

  // justerare and justering date from the § that appoints them
  for (const it of items) {
    const text = joinLines(it.head.body.map((l) => l.text));
    const adj = ADJUST_RE.exec(text);
    if (adj && (info.adjusters.length === 0 || !info.chair)) {
      const sentenceStart = Math.max(0, text.lastIndexOf(".", adj.index) + 1);
      const before = text.slice(sentenceStart, adj.index);
      const after = text.slice(adj.index + adj[0].length, adj.index + adj[0].length + 200);
      let ms = leadingPersons(
        before.trim().replace(/^(till justerare|att justera)\s*/i, ""),
      ).mentions;
      if (!ms.length)
        ms = leadingPersons(
          after.replace(/^[\s:,]*(dagens\s+)?(protokoll(et)?\s*)?(utses|valdes)?\s*/i, ""),
        ).mentions;
      for (const m of ms) {
        const id = reg.resolve(m);
        if (m.role === "chair") info.chair ??= id;
        else if (!info.adjusters.includes(id)) info.adjusters.push(id);
      }
    }
    const jd =
      /justering(?:en)?\s+(?:av\s+protokollet\s+)?(?:sker|äger rum|ska ske|kommer att ske|sker den|görs)\s+(.{0,60})/i.exec(
        text,
      ) ?? /protokollet\s+justeras\s+(.{0,60})/i.exec(text);
    if (jd) {
      const d = findDate(jd[1]!);
      if (d) info.adjustmentDate ??= d.iso;
    }
  }

  const firstNumber = items[0]?.number ?? 1;
  const itemId = (n: number) => `p-${n}`;
  const nodes: Node[] = [];
  let substituteStatements = false;
  const recusals: { person: string; item: string }[] = [];
  for (const it of items) {
    const chairId = info.chair ?? reg.byRole("chair");
    const chairName = chairId ? (reg.persons().find((p) => p.id === chairId)?.name ?? null) : null;
    const ctx: ImportItemContext = {
      number: it.number,
      register: reg,
      width,
      proposals: [],
      uncertain: [],
      votes: 0,
      bodyName,
      chairName,
    };
    const blocks = blocksFromSections(ctx, sectionsOf(it.head.body));
    if (blocks.some((x) => x.type.name === "substitute_statement")) substituteStatements = true;
    const text = it.head.body.map((l) => l.text).join(" ");
    const immediate = /omedelbart\s+justera|omedelbar\s+justering/i.test(text);
    const secrecy =
      /sekretess\s+(?:enligt\s+)?((?:OSL|offentlighets- och sekretesslagen)(?:\s*\(2009:400\))?\s*\d+\s*kap\.?\s*\d+\s*§(?:\s*\d+\s*st(?:\.|ycket)?)?)/i.exec(
        text,
      ) ??
      /sekretess\s+(?:enligt\s+)?((?:OSL|offentlighets- och sekretesslagen)[^.;]{0,60})/i.exec(
        text,
      );
    let title = it.head.title;
    if (!title) {
      title = "(rubrik saknas)";
      ctx.uncertain.push("Paragrafens rubrik hittades inte.");
    }
    nodes.push(
      b.item(
        {
          id: itemId(it.number),
          title: title.slice(0, 1000),
          subtitle: it.head.subtitle,
          dnr: it.head.dnr,
          immediate,
          confidential: secrecy ? secrecy[1]!.trim() : null,
        },
        ...blocks,
      ),
    );
    for (const m of ctx.uncertain) uncertain.push({ item: it.number, message: m });
    // jäv is also kept in the ledger, where the attendance resolver and the rules look for it
    for (const block of blocks)
      if (block.type.name === "recusal")
        for (const person of block.attrs.persons as string[])
          if (!recusals.some((r) => r.person === person && r.item === itemId(it.number)))
            recusals.push({ person, item: itemId(it.number) });
  }
  const numbers = items.map((i) => i.number);
  numbers.forEach((n, k) => {
    if (k > 0 && n !== numbers[k - 1]! + 1)
      uncertain.push({
        item: n,
        message: `§ ${numbers[k - 1]} följs av § ${n}: paragrafer saknas eller kändes inte igen.`,
      });
  });

  // ledger: § numbers → § ids (clamped to the §§ of this protocol)
  const idFor = (n: number | null, side: "from" | "to") => {
    if (n === null || !numbers.length) return null;
    if (numbers.includes(n)) return itemId(n);
    const clamped =
      side === "from" ? numbers.find((x) => x >= n) : [...numbers].reverse().find((x) => x <= n);
    return clamped === undefined ? null : itemId(clamped);
  };
  const attendance: AttendanceEntry[] = info.attendance.map((a) => ({
    person: a.person,
    status: a.status,
    from: idFor(a.from, "from"),
    to: idFor(a.to, "to"),
    replaces: a.replaces,
  }));

  const chair = info.chair ?? reg.byRole("chair");
  const adjusters = info.adjusters.filter((a) => a !== chair);
  if (!bodyName) uncertain.push({ item: null, message: "Organets namn hittades inte." });
  const date = (info.dateLabelled ? info.date : null) ?? mostCommon(headerHints.dates) ?? info.date;
  if (!date) uncertain.push({ item: null, message: "Sammanträdesdatum hittades inte." });
  if (!attendance.length)
    uncertain.push({
      item: null,
      message: "Ingen närvarolista hittades (ledamöter och tjänstgörande ersättare).",
    });
  if (!adjusters.length) uncertain.push({ item: null, message: "Justerare hittades inte." });
  for (const l of info.leftover)
    if (!/^(sammanträdes)?protokoll/i.test(l))
      uncertain.push({
        item: null,
        message: `Text i protokollets huvud som inte kändes igen: ${l.slice(0, 200)}`,
      });

  const doc = nodes.length
    ? b.protocol(...nodes)
    : b.protocol(b.item({ id: itemId(1), title: "(tomt protokoll)" }));
  const name = (bodyName ?? "Okänt organ").slice(0, 200);
  const type = bodyType(name);
  // the template whose standard phrases fit: by the kind of body (a socialnämnd has its own)
  const template =
    type === "kommunstyrelse"
      ? "kommunstyrelse"
      : type === "kommunfullmäktige"
        ? "kommunfullmaktige"
        : /^socialnämnd/i.test(name)
          ? "socialnamnd"
          : null;
  const meta: MetaInput = {
    template,
    recusals,
    body: {
      name,
      type,
      municipality:
        (info.municipality ?? mostCommon(headerHints.municipalities ?? []))?.slice(0, 200) ?? null,
      reglemente: {
        firstItemNumber: Math.max(1, firstNumber),
        adjusters: Math.max(1, adjusters.length),
        substituteStatements,
      },
    },
    meeting: { date, start: info.start, end: info.end, place: info.place?.slice(0, 300) ?? null },
    persons: reg.persons(),
    attendance,
    chair,
    secretary: info.secretary,
    adjusters,
    adjustment: { date: info.adjustmentDate, place: info.adjustmentPlace?.slice(0, 300) ?? null },
    notice: { posted: info.noticePosted, keptAt: info.keptAt?.slice(0, 300) ?? null },
  };
  return { meta, doc, items: nodes.length, uncertain, mergedNames: reg.merged() };
}
