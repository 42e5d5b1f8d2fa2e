/**
 * A tjänsteskrivelse (the officials' report an ärende is decided on) as text → the parts of an
 * agenda entry: title, Dnr, the förslag till beslut (one point per paragraph or numbered line),
 * the Sammanfattning, the beslutsunderlag (the report itself and its bilagor), who receives the
 * protokollsutdrag where the report says so, and who signed it.
 *
 * The shape is the general Swedish one: a header (date, TJÄNSTESKRIVELSE, Dnr, the body), the
 * title just above "Förslag till beslut", then headed sections, the signatures last. Text from
 * PDFs (laid out in columns, with page numbers and footers) and from Word is read alike.
 */
import type { AgendaEntrySpec } from "../../schemas/agenda/agendaEntry.js";
import { splitRecipients } from "../../schemas/splitRecipients.js";
import { normalizeText } from "../import/cleanLines.js";
import { RECIPIENTS_HEADING_RE } from "../import/lexicon.js";
import { joinLines } from "../import/paragraphs.js";

export interface Signatory {
  name: string;
  title: string;
}

export interface OfficerReport {
  title: string;
  dnr: string | null;
  /** The report's date (ISO) from its header, if any. */
  date: string | null;
  proposal: string[];
  summary: string[];
  attachments: string[];
  recipients: string[];
  signatories: Signatory[];
  /** The förslag asks fullmäktige to decide ("föreslår kommunfullmäktige …"). */
  forCouncil: boolean;
}

export type ParseReportResult = { ok: true; report: OfficerReport } | { ok: false; error: string };

/** Section headings of a tjänsteskrivelse, as written (compared without case and end punctuation). */
const SECTION = {
  proposal:
    /^(förslag till beslut|förvaltningens förslag till beslut|förslag till (?:kommunstyrelsens|nämndens|fullmäktiges) beslut)$/i,
  summary: /^(sammanfattning|sammanfattning av ärendet)$/i,
  attachments: /^(bilagor?|beslutsunderlag|handlingar i ärendet)$/i,
  recipients: RECIPIENTS_HEADING_RE,
  other:
    /^(ärendet|bakgrund|ärendebeskrivning|ekonomiska konsekvenser|konsekvenser för barn(?:en)?|tidplan|förvaltningens (?:bedömning|synpunkter)|bedömning|juridisk bedömning|skäl till förslaget|analys|uppföljning|konsekvenser|miljökonsekvenser|jämställdhetsanalys|yttrande|beskrivning av ärendet|remissvar|motivering)$/i,
} as const;
type SectionName = keyof typeof SECTION;

function sectionOf(line: string): SectionName | null {
  const t = line.trim().replace(/[:.]$/, "").replace(/\s+/g, " ");
  if (!t || t.length > 60) return null;
  for (const k of Object.keys(SECTION) as SectionName[]) if (SECTION[k].test(t)) return k;
  return null;
}

/** A Dnr as Swedish municipalities write them: "ABC 2019/123", "SN 2020/123-1.2", "1.5.1-1234/2020", "Dnr 2020.0123". */
const DNR_RE =
  /(?:\bdnr\.?:?\s*)?(\b\p{Lu}{1,6}(?:[ -]\p{Lu}{1,6})?\s+\d{4}\/\d+(?:[-.:]\d+)*|\b\d+(?:\.\d+)*-\d+\/\d{4}\b|\b\d{4}[./]\d{2,6}(?:[-.]\d+)*\b)/u;
const DNR_LABELLED = /\b(?:dnr|diarienummer|vårt dnr|ärendenummer)\.?:?\s*(\S.*)$/iu;

/** Page furniture: "1 (9)", "Sida 2 av 5", and lines laid out in columns (letterhead footer). */
const PAGE_NUMBER = /^(?:sida\s+)?\d+\s*(?:\(\d+\)|av\s+\d+)$/i;
const COLUMNS = /\S\s{3,}\S/;
const FOOTER_WORDS =
  /\b(POSTADRESS|BESÖKSADRESS|TELEFON|E-POST|ORG\.?\s*NUMMER|WEBB|TELEFAX|ORGANISATIONSNUMMER)\b/;

interface RawLine {
  text: string;
  raw: string;
  blank: boolean;
}

function linesOf(text: string): RawLine[] {
  return normalizeText(text)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((raw) => {
      const r = raw.replace(/\t/g, "        ").replace(/\s+$/, "");
      const t = r.trim().replace(/\s+/g, " ");
      return { text: t, raw: r, blank: t === "" };
    });
}

/** Paragraphs of a run of lines: blank lines separate; numbered or bulleted lines start a new one. */
function paragraphs(lines: RawLine[]): string[] {
  const out: string[][] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) out.push(cur);
    cur = [];
  };
  for (const l of lines) {
    if (l.blank) {
      flush();
      continue;
    }
    if (PAGE_NUMBER.test(l.text) || FOOTER_WORDS.test(l.text) || COLUMNS.test(l.raw.trim()))
      continue;
    if (/^(\d{1,2}[.)]|[-–•*·])\s+/.test(l.text)) flush();
    cur.push(l.text);
  }
  flush();
  return out.map((p) => joinLines(p)).filter(Boolean);
}

/** A point of the förslag: its list marker dropped ("1. Kommunstyrelsen …" → "Kommunstyrelsen …"). */
const point = (p: string) => p.replace(/^(\d{1,2}[.)]|[-–•*·])\s+/, "");

/** The signatures: the last block of the text; names in the first row, titles under them, in columns where several signed. */
function signatoriesOf(lines: RawLine[]): Signatory[] {
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.blank) end--;
  let start = end;
  while (start > 0 && !lines[start - 1]!.blank && end - start < 6) start--;
  const block = lines.slice(start, end).filter((l) => !PAGE_NUMBER.test(l.text));
  if (!block.length || block.length > 5) return [];
  const rows = block.map((l) => l.raw.trim().split(/\s{3,}/));
  const names = rows[0]!;
  // A name is two to four words with capitals, no digits, no sentence end.
  if (!names.every((n) => /^\p{Lu}[\p{L}'-]+(?:\s+\p{Lu}[\p{L}'-]+){1,3}$/u.test(n.trim())))
    return [];
  return names.map((name, i) => ({
    name: name.trim(),
    title: rows
      .slice(1)
      .map((r) => r[i]?.trim() ?? "")
      .filter(Boolean)
      .join(", "),
  }));
}

export function parseOfficerReport(text: string): ParseReportResult {
  if (typeof text !== "string" || !text.trim())
    return { ok: false, error: "Filen innehåller ingen text (no text)." };
  const lines = linesOf(text);
  const headings = lines.map((l) => (l.blank ? null : sectionOf(l.text)));
  const proposalAt = headings.indexOf("proposal");
  if (proposalAt < 0)
    return {
      ok: false,
      error:
        "Ingen rubrik ”Förslag till beslut” hittades – filen ser inte ut som en tjänsteskrivelse (no “Förslag till beslut” heading: not a tjänsteskrivelse).",
    };

  // The title: the paragraph right above "Förslag till beslut".
  let t = proposalAt;
  while (t > 0 && lines[t - 1]!.blank) t--;
  const titleLines: RawLine[] = [];
  while (t > 0 && !lines[t - 1]!.blank && !PAGE_NUMBER.test(lines[t - 1]!.text))
    titleLines.unshift(lines[--t]!);
  const title = joinLines(titleLines.map((l) => l.text));
  if (!title)
    return {
      ok: false,
      error:
        "Ärendets rubrik hittades inte ovanför ”Förslag till beslut” (no title above “Förslag till beslut”).",
    };

  // The Dnr: labelled, else the first Dnr-shaped line of the header.
  let dnr: string | null = null;
  for (const l of lines.slice(0, proposalAt)) {
    const labelled = DNR_LABELLED.exec(l.text);
    const m = DNR_RE.exec(labelled ? labelled[1]! : l.text);
    if (m && (labelled || m[0].trim().length >= l.text.length - 2)) {
      dnr = m[1]!.trim();
      break;
    }
  }
  const date =
    /\b(\d{4}-\d{2}-\d{2})\b/.exec(
      lines
        .slice(0, proposalAt)
        .map((l) => l.text)
        .join("\n"),
    )?.[1] ?? null;

  const section = (name: SectionName): RawLine[] => {
    const at = headings.indexOf(name);
    if (at < 0) return [];
    let end = at + 1;
    while (end < lines.length && headings[end] === null) end++;
    return lines.slice(at + 1, end);
  };
  const signatories = signatoriesOf(lines);
  const withoutSignatures = (ls: RawLine[]): RawLine[] => {
    if (!signatories.length) return ls;
    // The attachments are the last section: the signature block after them is not a bilaga.
    let end = ls.length;
    while (end > 0 && ls[end - 1]!.blank) end--;
    let start = end;
    while (start > 0 && !ls[start - 1]!.blank) start--;
    return ls[start]?.raw.trim().startsWith(signatories[0]!.name) ? ls.slice(0, start) : ls;
  };
  const proposal = paragraphs(section("proposal")).map(point);
  const summary = paragraphs(section("summary"));
  const listOf = (ls: RawLine[]) =>
    ls
      .filter((l) => !l.blank && !PAGE_NUMBER.test(l.text) && !FOOTER_WORDS.test(l.text))
      .map((l) => point(l.text));
  const attachments = listOf(withoutSignatures(section("attachments")));
  // one recipient a line, or several on a line ("Kulturförvaltningen, Ekonomienheten och Revisionen")
  const recipients = listOf(withoutSignatures(section("recipients"))).flatMap(splitRecipients);
  return {
    ok: true,
    report: {
      title,
      dnr,
      date,
      proposal,
      summary,
      attachments,
      recipients,
      signatories,
      forCouncil: /föreslår\s+(?:kommun|regions?|landstings)?fullmäktige/i.test(proposal.join(" ")),
    },
  };
}

/** The agenda entry of a tjänsteskrivelse: its beslutsunderlag is the report itself and its bilagor. */
export function entryOfReport(report: OfficerReport): AgendaEntrySpec {
  return {
    title: report.title,
    dnr: report.dnr,
    proposal: report.proposal,
    summary: report.summary,
    documents: [`Tjänsteskrivelse${report.date ? ` ${report.date}` : ""}`, ...report.attachments],
    presenter: report.signatories[0]?.name ?? "",
    forCouncil: report.forCouncil,
    recipients: report.recipients,
  };
}
