/**
 * A `.protokoll` document → the render model of one of its outputs:
 * - `full`: the protocol — first page with the meeting and who attended, the §§, the signature
 *   page and the ANSLAG/BEVIS block (or, for an interpellationssvar, the answer);
 * - `extract`: protokollsutdrag of chosen §§, with the header, the justering and "Utdragsbestyrkande";
 * - `notice`: the anslag for the web anslagstavla (justering, posted, taken down, where kept);
 * - `public`: the full protocol with sekretess §§ replaced by their OSL reference and every
 *   personnummer masked, also in text taken from the metadata.
 * Pure: the editor's preview and the DOCX and PDF writers all start here.
 */
import type { Node } from "prosemirror-model";
import { resolveAttendance, type ItemAttendance } from "../attendance.js";
import { swedishLongDate } from "../dates.js";
import { deadlines } from "../deadlines.js";
import type { ProtokollFile } from "../file.js";
import { personName } from "../generated.js";
import { genitive, roleLabel, statusLabel } from "../labels.js";
import { correctionNotes, type CorrectionNote } from "../review/correctionNotes.js";
import type { Meta, Person, SealSignature } from "../meta.js";
import { formatFingerprint } from "../review/seal.js";
import { numberedItems, type NumberedItem } from "../numbering.js";
import { maskPersonalNumbers } from "./maskPersonalNumbers.js";
import type { Block, RenderedDocument, Run } from "./renderModel.js";
import { renderBlocks, type RenderContext } from "./renderNodes.js";
import { renderKallelse } from "../agenda/renderKallelse.js";

export type OutputKind = "full" | "extract" | "notice" | "public";

export interface RenderOptions {
  output: OutputKind;
  /** agenda_item ids for an extract, in any order (printed in document order). */
  items?: string[];
  /** Watermark every page with UTKAST. */
  draft?: boolean;
}

export type RenderResult = { ok: true; rendered: RenderedDocument } | { ok: false; error: string };

const para = (text: string, style: "body" | "meta" | "note" | "center" | "lead" = "body"): Block => ({ type: "paragraph", style, runs: [{ text }] });
const heading = (level: 1 | 2 | 3, text: string, bookmark?: string): Block => ({ type: "heading", level, runs: [{ text }], ...(bookmark ? { bookmark } : {}) });
const form = (rows: [string, string][]): Block => ({
  type: "table",
  role: "form",
  columns: [
    { header: "", width: 38 },
    { header: "", width: 62 },
  ],
  rows,
  headerRow: false,
  totalsRow: false,
});

/** "§ 5", "§§ 5–7", "§§ 1–4, 7, 9–11". */
export function sectionRange(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  if (sorted.length === 0) return "";
  const parts: string[] = [];
  let start = sorted[0]!;
  let prev = start;
  for (const n of [...sorted.slice(1), NaN]) {
    if (n === prev + 1) {
      prev = n;
      continue;
    }
    parts.push(start === prev ? String(start) : `${start}–${prev}`);
    start = prev = n;
  }
  return `${sorted.length === 1 ? "§" : "§§"} ${parts.join(", ")}`;
}

const long = (iso: string | null | undefined, opts: { den?: boolean; weekday?: boolean } = {}) => (iso ? swedishLongDate(iso, opts) : "");

function meetingTime(meta: Meta): string {
  const { start, end } = meta.meeting;
  if (!start) return "";
  return `kl. ${start.replace(":", ".")}${end ? `–${end.replace(":", ".")}` : ""}`;
}

/** Who attended: beslutande, tjänstgörande ersättare (and whom they replace), ersättare, övriga. */
function attendanceBlocks(meta: Meta, items: NumberedItem[], byItem: Map<string, ItemAttendance>, known: boolean): Block[] {
  const blocks: Block[] = [heading(2, "Närvarande")];
  if (!known) return [...blocks, para("Närvaron är inte angiven.", "note")];
  const all = items.map((i) => i.number);
  const persons = new Map(meta.persons.map((p) => [p.id, p]));
  const serving = new Map<string, number[]>();
  const present = new Map<string, number[]>();
  const replaces = new Map<string, Map<string, number[]>>();
  // Appended in place: copying each person's list for every § made this quadratic in the §§.
  const add = <K>(m: Map<K, number[]>, key: K, n: number) => {
    const ns = m.get(key);
    if (ns) ns.push(n);
    else m.set(key, [n]);
  };
  for (const it of items) {
    const a = byItem.get(it.id);
    if (!a) continue;
    for (const p of a.serving) add(serving, p, it.number);
    for (const p of a.present) add(present, p, it.number);
    for (const [sub, member] of a.replaces) {
      let m = replaces.get(sub);
      if (!m) replaces.set(sub, (m = new Map<string, number[]>()));
      add(m, member, it.number);
    }
  }
  const partial = (ns: number[]) => (ns.length === all.length ? "" : sectionRange(ns));
  const row = (p: Person | undefined, id: string, note: string): string[] => [p?.name ?? id, p?.party ?? "", note];
  const table = (caption: string, rows: string[][]): Block[] =>
    rows.length
      ? [
          heading(3, caption),
          {
            type: "table",
            role: "attendance",
            caption,
            columns: [
              { header: "Namn", width: 40 },
              { header: "Parti", width: 12 },
              { header: "Anmärkning", width: 48 },
            ],
            rows,
            headerRow: true,
            totalsRow: false,
          },
        ]
      : [];

  const deciding: string[][] = [];
  const substitutes: string[][] = [];
  for (const [id, ns] of serving) {
    const p = persons.get(id);
    const repl = replaces.get(id);
    if (repl && repl.size) {
      const notes = [...repl].map(([member, mns]) => `ersätter ${personName(persons.get(member))}${mns.length === all.length ? "" : ` ${sectionRange(mns)}`}`);
      const replacing = new Set([...repl.values()].flat());
      const rest = ns.filter((n) => !replacing.has(n));
      if (rest.length) notes.push(`tjänstgör ${sectionRange(rest)}`);
      substitutes.push(row(p, id, notes.join("; ")));
    } else {
      const role = p && p.role !== "member" ? roleLabel[p.role] : "";
      deciding.push(row(p, id, [role, partial(ns)].filter(Boolean).join(", ")));
    }
  }
  const others: string[][] = [];
  const nonServing: string[][] = [];
  for (const [id, ns] of present) {
    const p = persons.get(id);
    const note = partial(ns);
    if (p && (p.role === "substitute" || p.role === "member" || p.role === "chair" || p.role === "vice_chair" || p.role === "second_vice_chair"))
      nonServing.push(row(p, id, [roleLabel[p.role] === "ersättare" ? "" : roleLabel[p.role], note ? `närvarande ${note}` : ""].filter(Boolean).join(", ")));
    else others.push(row(p, id, [p?.title ?? (p ? roleLabel[p.role] : ""), note].filter(Boolean).join(", ")));
  }
  // Jäv: who took no part in which §§.
  const recused = new Map<string, number[]>();
  for (const it of items) for (const p of byItem.get(it.id)?.recused ?? []) add(recused, p, it.number);
  const recusals: Block[] = recused.size
    ? [heading(3, "Jäv"), ...[...recused].map(([id, ns]) => para(`${personName(persons.get(id))} anmälde jäv och deltog inte i handläggningen av ${sectionRange(ns)}.`))]
    : [];
  return [
    ...blocks,
    ...table("Beslutande", deciding),
    ...table("Tjänstgörande ersättare", substitutes),
    ...table("Ersättare", nonServing),
    ...table("Övriga närvarande", others),
    ...recusals,
  ];
}

function name(meta: Meta, id: string | null): string {
  if (!id) return "";
  const p = meta.persons.find((x) => x.id === id);
  return p ? p.name : id;
}

/** Sekreterare, ordförande, justerare — with the seal when the protocol is justerat. */
function signatureBlocks(meta: Meta): Block[] {
  const blocks: Block[] = [
    heading(2, "Underskrifter"),
    para("Vid protokollet", "meta"),
    { type: "signatures", signers: [{ role: "Sekreterare", name: name(meta, meta.secretary) }] },
    para(`Justeras${meta.adjustment.date ? ` ${long(meta.adjustment.date, { den: true })}` : ""}${meta.adjustment.place ? `, ${meta.adjustment.place}` : ""}`, "meta"),
    {
      type: "signatures",
      signers: [{ role: "Ordförande", name: name(meta, meta.chair) }, ...meta.adjusters.map((a) => ({ role: "Justerare", name: name(meta, a) }))],
    },
  ];
  blocks.push(para(`Status: ${statusLabel[meta.status]}`, "meta"));
  if (meta.seal)
    blocks.push(para(`Justerat ${meta.seal.at.slice(0, 10)}. Kontrollsumma (SHA-256): ${meta.seal.sha256}`, "note"));
  const signature = meta.seal?.signature;
  if (signature) blocks.push(para(signatureLine(signature), "note"));
  return blocks;
}

/** The seal's signing key as printed for publication: a reader checks it with `protokoll verify --key`. */
function signatureLine(s: SealSignature): string {
  return `Sigillet är signerat med nyckeln ${formatFingerprint(s.key)}${s.holder ? ` (${s.holder})` : ""}.`;
}

/** Status and seal for the document properties, so an archive sees them without opening the pages. */
function keywords(meta: Meta): string[] {
  return [
    `Status: ${statusLabel[meta.status]}`,
    ...(meta.seal ? [`SHA-256: ${meta.seal.sha256}`, `Justerat: ${meta.seal.at}`] : []),
    ...(meta.seal?.signature ? [`Nyckel: ${formatFingerprint(meta.seal.signature.key)}`] : []),
  ];
}

/** Rättelser after justering, printed as visible notes where they apply (TF 2:10: nothing changes unnoticed). */
function correctionBlocks(notes: readonly CorrectionNote[]): Block[] {
  return notes.length ? [heading(3, notes.length === 1 ? "Rättelse" : "Rättelser"), ...notes.map((n) => para(n.text, "note"))] : [];
}

/** ANSLAG/BEVIS: the justering made known on the anslagstavla, with the dates of the appeal period. */
function noticeBlocks(meta: Meta): Block[] {
  const d = deadlines(meta.meeting.date, meta.adjustment.date, meta.notice.posted);
  return [
    heading(2, "ANSLAG/BEVIS"),
    para("Protokollet är justerat. Justeringen har tillkännagetts genom anslag.", "center"),
    form([
      ["Organ", meta.body.name],
      ["Sammanträdesdatum", long(meta.meeting.date)],
      ["Justeringsdatum", long(meta.adjustment.date)],
      ["Datum då anslaget sätts upp", long(d.noticePosted)],
      ["Datum då anslaget tas ned", long(d.appealEnds)],
      ["Förvaringsplats för protokollet", meta.notice.keptAt ?? ""],
    ]),
    { type: "signatures", signers: [{ role: "Underskrift", name: name(meta, meta.secretary) }] },
  ];
}

function header(meta: Meta, center: string) {
  return { left: meta.body.name, center, right: meta.meeting.date ?? "" };
}

function creator(meta: Meta): string {
  return name(meta, meta.secretary) || meta.body.name;
}

function frontMatter(file: ProtokollFile, items: NumberedItem[], byItem: Map<string, ItemAttendance>, known: boolean, publicVersion: boolean): Block[] {
  const meta = file.meta;
  const justering = [meta.adjustment.place, meta.adjustment.date ? long(meta.adjustment.date, { weekday: true }) : ""].filter(Boolean).join(", ");
  const blocks: Block[] = [
    heading(1, `Protokoll – ${meta.body.name}`),
    ...(publicVersion ? [para("Offentlig version: uppgifter som omfattas av sekretess och personnummer är borttagna.", "note")] : []),
    // What is not known yet is left out rather than printed empty.
    form(
      (
        [
          ["Sammanträdesdatum", long(meta.meeting.date, { weekday: true })],
          ["Tid", meetingTime(meta)],
          ["Plats", meta.meeting.place ?? ""],
          ["Paragrafer", sectionRange(items.map((i) => i.number))],
          ["Ordförande", name(meta, meta.chair)],
          ["Justerare", meta.adjusters.map((a) => name(meta, a)).join(", ")],
          ["Justeringens plats och tid", justering],
          ["Sekreterare", name(meta, meta.secretary)],
        ] as [string, string][]
      ).filter(([, v]) => v !== ""),
    ),
    ...attendanceBlocks(meta, items, byItem, known),
  ];
  return blocks;
}

function context(file: ProtokollFile, maskConfidential: boolean): { ctx: RenderContext; items: NumberedItem[]; known: boolean } {
  const items = numberedItems(file.doc, file.meta);
  const att = resolveAttendance(file.doc, file.meta);
  return {
    ctx: { meta: file.meta, numbers: new Map(items.map((i) => [i.id, i.number])), attendance: att.byItem, item: null, maskConfidential },
    items,
    known: att.known,
  };
}

function renderAnswer(file: ProtokollFile, options: RenderOptions): RenderResult {
  const { ctx } = context(file, options.output === "public");
  const title = file.doc.firstChild?.firstChild?.textContent || "Svar på interpellation";
  const signer = file.meta.interpellation?.signatory ?? file.meta.interpellation?.addressee ?? null;
  return {
    ok: true,
    rendered: {
      title,
      subject: "Svar på interpellation",
      creator: name(file.meta, signer) || file.meta.body.name,
      language: "sv-SE",
      header: null,
      footer: { signatureBoxes: 0, pageNumbers: true },
      watermark: options.draft ? "UTKAST" : null,
      blocks: renderBlocks(file.doc, ctx),
    },
  };
}

function renderProtocol(file: ProtokollFile, options: RenderOptions): RenderResult {
  const meta = file.meta;
  const publicVersion = options.output === "public";
  const { ctx, items, known } = context(file, publicVersion);
  const dateText = meta.meeting.date ? ` ${meta.meeting.date}` : "";
  const boxes = 1 + meta.adjusters.length;
  const watermark = options.draft ? "UTKAST" : null;
  const base = { creator: creator(meta), language: "sv-SE" as const, watermark, keywords: keywords(meta) };
  const notes = correctionNotes(file);
  const notesFor = (item: string | null) => correctionBlocks(notes.filter((n) => n.item === item));

  switch (options.output) {
    case "full":
    case "public": {
      const blocks: Block[] = frontMatter(file, items, ctx.attendance, known, publicVersion);
      for (const it of items) {
        blocks.push({ type: "pageBreak" }, ...renderBlocks(it.node, ctx), ...(publicVersion && it.node.attrs.confidential ? [] : notesFor(it.id)));
      }
      blocks.push({ type: "pageBreak" }, ...signatureBlocks(meta), ...notesFor(null), { type: "pageBreak" }, ...noticeBlocks(meta));
      return {
        ok: true,
        rendered: {
          ...base,
          title: `Protokoll ${meta.body.name}${dateText}${publicVersion ? " (offentlig version)" : ""}`,
          subject: `Protokoll från ${genitive(meta.body.name)} sammanträde${meta.meeting.date ? ` ${long(meta.meeting.date, { den: true })}` : ""}`,
          header: header(meta, publicVersion ? "Protokoll (offentlig version)" : "Protokoll"),
          footer: { signatureBoxes: boxes, pageNumbers: true },
          blocks,
        },
      };
    }
    case "extract": {
      const wanted = new Set(options.items ?? []);
      const unknown = [...wanted].filter((id) => !items.some((i) => i.id === id));
      if (wanted.size === 0) return { ok: false, error: "Välj minst en paragraf för protokollsutdraget." };
      if (unknown.length) return { ok: false, error: `Paragrafen finns inte i protokollet: ${unknown.join(", ")}` };
      const chosen = items.filter((i) => wanted.has(i.id));
      const range = sectionRange(chosen.map((i) => i.number));
      const blocks: Block[] = [
        heading(1, `Protokollsutdrag – ${meta.body.name}`),
        form(
          (
            [
              ["Sammanträdesdatum", long(meta.meeting.date, { weekday: true })],
              ["Plats", meta.meeting.place ?? ""],
              ["Utdrag ur protokollet", range],
            ] as [string, string][]
          ).filter(([, v]) => v !== ""),
        ),
      ];
      for (const it of chosen) blocks.push(...renderBlocks(it.node, ctx), ...notesFor(it.id));
      const lines = chosen.map((it) =>
        it.node.attrs.immediate
          ? `§ ${it.number} justerades omedelbart${meta.meeting.date ? ` ${long(meta.meeting.date, { den: true })}` : ""}.`
          : meta.status === "adjusted"
            ? `§ ${it.number} är justerad${meta.adjustment.date ? ` ${long(meta.adjustment.date, { den: true })}` : ""}.`
            : `§ ${it.number} är ännu inte justerad.${meta.adjustment.date ? ` Justering sker ${long(meta.adjustment.date, { den: true })}.` : ""}`,
      );
      blocks.push(
        heading(2, "Justering"),
        ...lines.map((l) => para(l)),
        heading(2, "Utdragsbestyrkande"),
        para("Utdraget överensstämmer med originalprotokollet.", "body"),
        { type: "signatures", signers: [{ role: "Sekreterare", name: name(meta, meta.secretary) }] },
      );
      return {
        ok: true,
        rendered: {
          ...base,
          title: `Protokollsutdrag ${meta.body.name}${dateText} ${range}`,
          subject: `Utdrag ur protokoll från ${genitive(meta.body.name)} sammanträde`,
          header: header(meta, "Protokollsutdrag"),
          footer: { signatureBoxes: 0, pageNumbers: true },
          blocks,
        },
      };
    }
    case "notice": {
      const d = deadlines(meta.meeting.date, meta.adjustment.date, meta.notice.posted);
      const blocks: Block[] = [
        heading(1, `Anslag – ${meta.body.name}`),
        para(
          `${genitive(meta.body.name)} protokoll från sammanträdet ${long(meta.meeting.date, { den: true }) || "(datum saknas)"}, ${sectionRange(items.map((i) => i.number))}, är justerat.`,
        ),
        ...noticeBlocks(meta),
        heading(2, "Överklagande"),
        para(
          `Den som är medlem i kommunen kan överklaga beslut i protokollet genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då anslaget sattes upp, det vill säga senast ${long(d.appealEnds, { den: true }) || "(datum saknas)"}.`,
        ),
      ];
      return {
        ok: true,
        rendered: {
          ...base,
          title: `Anslag om justerat protokoll ${meta.body.name}${dateText}`,
          subject: "Anslag om justering",
          header: header(meta, "Anslag"),
          footer: { signatureBoxes: 0, pageNumbers: true },
          blocks,
        },
      };
    }
  }
}

/** Apply `fn` to every piece of text of a rendered document. */
export function mapText(doc: RenderedDocument, fn: (s: string) => string): RenderedDocument {
  const runs = (rs: Run[]): Run[] => rs.map((r) => ({ ...r, text: fn(r.text) }));
  const block = (b: Block): Block => {
    switch (b.type) {
      case "heading":
        return { ...b, runs: runs(b.runs), ...(b.bookmark ? { bookmark: fn(b.bookmark) } : {}) };
      case "paragraph":
        return { ...b, runs: runs(b.runs) };
      case "list":
        return { ...b, items: b.items.map((i) => i.map(block)) };
      case "quote":
        return { ...b, blocks: b.blocks.map(block) };
      case "table":
        return { ...b, ...(b.caption ? { caption: fn(b.caption) } : {}), columns: b.columns.map((c) => ({ ...c, header: fn(c.header) })), rows: b.rows.map((r) => r.map(fn)) };
      case "signatures":
        return { ...b, signers: b.signers.map((s) => ({ role: fn(s.role), name: fn(s.name) })) };
      case "pageBreak":
        return b;
    }
  };
  return {
    ...doc,
    title: fn(doc.title),
    subject: fn(doc.subject),
    creator: fn(doc.creator),
    header: doc.header ? { left: fn(doc.header.left), center: fn(doc.header.center), right: fn(doc.header.right) } : null,
    blocks: doc.blocks.map(block),
  };
}

/** Render one output of a document. Never throws for a well-formed document. */
export function renderDocument(file: ProtokollFile, options: RenderOptions): RenderResult {
  const isAnswer = file.kind === "interpellationssvar";
  // Kallelse (issue 18): its own layout in schemas/agenda/, the same render model and writers.
  if (file.kind === "kallelse") {
    const k = renderKallelse(file, options);
    return k.ok && options.output === "public" ? { ok: true, rendered: mapText(k.rendered, maskPersonalNumbers) } : k;
  }
  if (isAnswer && (options.output === "extract" || options.output === "notice"))
    return { ok: false, error: "Protokollsutdrag och anslag finns bara för protokoll, inte för interpellationssvar." };
  const r = isAnswer ? renderAnswer(file, options) : renderProtocol(file, options);
  if (!r.ok || options.output !== "public") return r;
  return { ok: true, rendered: mapText(r.rendered, maskPersonalNumbers) };
}

/** The §§ of a document as (id, number, title), for choosing an extract. */
export function itemList(doc: Node, meta: Pick<Meta, "body">): { id: string; number: number; title: string }[] {
  return numberedItems(doc, meta).map((i) => ({ id: i.id, number: i.number, title: i.node.firstChild?.textContent ?? "" }));
}
