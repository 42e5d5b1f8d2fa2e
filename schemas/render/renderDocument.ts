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
import { deadlines, itemDeadlines } from "../deadlines.js";
import type { ProtokollFile } from "../file.js";
import { nameWithParty } from "../generated.js";
import { genitive, roleLabel, statusLabel } from "../labels.js";
import { correctionNotes, type CorrectionNote } from "../review/correctionNotes.js";
import type { Meta, Person, SealSignature } from "../meta.js";
import { formatFingerprint } from "../review/seal.js";
import { numberedItems, type NumberedItem } from "../numbering.js";
import type { Profile } from "../profile.js";
import { maskPersonalNumbers, maskPersonalNumbersInRuns } from "./maskPersonalNumbers.js";
import { form, heading, long, para, personTable } from "./blockFactories.js";
import type { Block, RenderedDocument, RenderProfile, Run } from "./renderModel.js";
import { confidentialMarking, renderBlocks, type RenderContext } from "./renderNodes.js";
import { renderKallelse } from "../agenda/renderKallelse.js";
import {
  attachmentListBlocks,
  attachmentRefs,
  attachmentsInOutput,
  itemAttachmentBlocks,
} from "./renderAttachments.js";
import { answerTitleText, itemTitleText } from "../titleText.js";

export type OutputKind = "full" | "extract" | "notice" | "public";

export interface RenderOptions {
  output: OutputKind;
  /** agenda_item ids for an extract, in any order (printed in document order). */
  items?: string[];
  /** Watermark every page with UTKAST. */
  draft?: boolean;
  /**
   * (issue 15) The workspace's municipality profile: `settings` as in profile.json (the words it
   * changes: municipality, förvaltningsrätt, where the signatures stand), `look` what the writers
   * draw (loaded by main/export/loadProfile.ts). Without it the document prints as it always has.
   */
  profile?: { settings: Profile; look: RenderProfile | null } | null;
}

export type RenderResult = { ok: true; rendered: RenderedDocument } | { ok: false; error: string };

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

function meetingTime(meta: Meta): string {
  const { start, end } = meta.meeting;
  if (!start) return "";
  return `kl. ${start.replace(":", ".")}${end ? `–${end.replace(":", ".")}` : ""}`;
}

/** Who attended: beslutande, tjänstgörande ersättare (and whom they replace), ersättare, övriga. */
function attendanceBlocks(
  meta: Meta,
  items: NumberedItem[],
  byItem: Map<string, ItemAttendance>,
  known: boolean,
): Block[] {
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
  const row = (p: Person | undefined, id: string, note: string): string[] => [
    p?.name ?? id,
    p?.party ?? "",
    note,
  ];
  const table = (caption: string, rows: string[][]): Block[] =>
    personTable(caption, { header: "Anmärkning", widths: [40, 12, 48] }, rows);

  const deciding: string[][] = [];
  const substitutes: string[][] = [];
  for (const [id, ns] of serving) {
    const p = persons.get(id);
    const repl = replaces.get(id);
    if (repl && repl.size) {
      const notes = [...repl].map(
        ([member, mns]) =>
          `ersätter ${nameWithParty(persons.get(member))}${mns.length === all.length ? "" : ` ${sectionRange(mns)}`}`,
      );
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
    if (
      p &&
      (p.role === "substitute" ||
        p.role === "member" ||
        p.role === "chair" ||
        p.role === "vice_chair" ||
        p.role === "second_vice_chair")
    )
      nonServing.push(
        row(
          p,
          id,
          [
            roleLabel[p.role] === "ersättare" ? "" : roleLabel[p.role],
            note ? `närvarande ${note}` : "",
          ]
            .filter(Boolean)
            .join(", "),
        ),
      );
    else
      others.push(
        row(p, id, [p?.title ?? (p ? roleLabel[p.role] : ""), note].filter(Boolean).join(", ")),
      );
  }
  // Jäv: who took no part in which §§.
  const recused = new Map<string, number[]>();
  for (const it of items)
    for (const p of byItem.get(it.id)?.recused ?? []) add(recused, p, it.number);
  const recusals: Block[] = recused.size
    ? [
        heading(3, "Jäv"),
        ...[...recused].map(([id, ns]) =>
          para(
            `${nameWithParty(persons.get(id))} anmälde jäv och deltog inte i handläggningen av ${sectionRange(ns)}.`,
          ),
        ),
      ]
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

/**
 * The justering as it happened: the history entry "Justerat" of the whole protocol (its time and
 * who justerade). Later rättelser renew the seal but do not move the justering.
 */
function adjustmentRecord(
  file: Pick<ProtokollFile, "history">,
): { date: string; by: string } | null {
  const entry = file.history.find((h) => h.kind === "adjusted" && h.item === null);
  return entry ? { date: entry.at.slice(0, 10), by: entry.by } : null;
}

/** Sekreterare, ordförande, justerare — with the justering and the seal when the protocol is justerat. */
function signatureBlocks(file: ProtokollFile): Block[] {
  const meta = file.meta;
  const blocks: Block[] = [
    heading(2, "Underskrifter"),
    para("Vid protokollet", "meta"),
    { type: "signatures", signers: [{ role: "Sekreterare", name: name(meta, meta.secretary) }] },
    para(
      `Justeras${meta.adjustment.date ? ` ${long(meta.adjustment.date, { den: true })}` : ""}${meta.adjustment.place ? `, ${meta.adjustment.place}` : ""}`,
      "meta",
    ),
    {
      type: "signatures",
      signers: [
        { role: "Ordförande", name: name(meta, meta.chair) },
        ...meta.adjusters.map((a) => ({ role: "Justerare", name: name(meta, a) })),
      ],
    },
  ];
  blocks.push(para(`Status: ${statusLabel[meta.status]}`, "meta"));
  if (meta.status === "adjusted") {
    const record = adjustmentRecord(file);
    const date = record?.date ?? meta.adjustment.date;
    const by =
      record?.by ??
      [meta.chair, ...meta.adjusters]
        .filter((x): x is string => !!x)
        .map((id) => name(meta, id))
        .join(", ");
    blocks.push(
      para(
        `Justerat${date ? ` ${long(date, { den: true })}` : ""}${by ? ` av ${by}` : ""}.`,
        "meta",
      ),
    );
  }
  if (meta.seal) blocks.push(para(`Kontrollsumma (SHA-256): ${meta.seal.sha256}`, "note"));
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
  return notes.length
    ? [
        heading(3, notes.length === 1 ? "Rättelse" : "Rättelser"),
        ...notes.map((n) => para(n.text, "note")),
      ]
    : [];
}

/** ANSLAG/BEVIS: the justering made known on the anslagstavla, with the dates of the appeal period. */
function noticeBlocks(meta: Meta): Block[] {
  const d = deadlines(meta.meeting.date, meta.adjustment.date, meta.notice.posted);
  return [
    heading(2, "ANSLAG/BEVIS"),
    // Only a justerat protocol says so: a draft export must never read as justerat.
    // A date that has not been recorded is never printed as if it were: it reads "senast …".
    para(
      meta.status !== "adjusted"
        ? "Protokollet är ännu inte justerat."
        : d.noticePostedRecorded
          ? "Protokollet är justerat. Justeringen har tillkännagetts genom anslag."
          : "Protokollet är justerat. Justeringen tillkännages genom anslag.",
      "center",
    ),
    form([
      ["Organ", meta.body.name],
      ["Sammanträdesdatum", long(meta.meeting.date)],
      ["Justeringsdatum", long(meta.adjustment.date)],
      [
        "Datum då anslaget sätts upp",
        d.noticePostedRecorded
          ? long(d.noticePosted)
          : d.noticePosted
            ? `senast ${long(d.noticePosted)}`
            : "",
      ],
      // The anslag stays up the whole appeal period: it comes down the day after it ends, at the earliest.
      ["Datum då anslaget tas ned", d.noticeDown ? `tidigast ${long(d.noticeDown)}` : ""],
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

/** "Protokoll nr 8/2020" or "Protokoll". */
function protocolTitle(meta: Meta): string {
  return meta.protocolNumber ? `Protokoll nr ${meta.protocolNumber}` : "Protokoll";
}

/** The municipality: the body's own (meta.body.municipality), else the profile's. */
function municipalityOf(meta: Meta, options: RenderOptions): string | null {
  return meta.body.municipality ?? options.profile?.settings.municipality ?? null;
}

/** The municipality above the title, unless the letterhead of the profile already prints it. */
function municipalityLine(meta: Meta, options: RenderOptions): Block[] {
  const m = municipalityOf(meta, options);
  const letterhead = options.profile?.look?.municipality ?? null;
  return m && m !== letterhead ? [para(m, "meta")] : [];
}

/** "§ 5 (OSL 26 kap. 1 §), § 9 (OSL 26 kap. 1 §)": the §§ a registrar must withhold. */
function confidentialList(items: NumberedItem[]): string {
  return items
    .filter((i) => i.node.attrs.confidential)
    .map(
      (i) =>
        `§ ${i.number} (${confidentialMarking(i.node.attrs.confidential as string).replace(/^Sekretess enligt /, "")})`,
    )
    .join(", ");
}

function frontMatter(
  file: ProtokollFile,
  items: NumberedItem[],
  byItem: Map<string, ItemAttendance>,
  known: boolean,
  publicVersion: boolean,
  options: RenderOptions,
): Block[] {
  const meta = file.meta;
  const justering = [
    meta.adjustment.place,
    meta.adjustment.date ? long(meta.adjustment.date, { weekday: true }) : "",
  ]
    .filter(Boolean)
    .join(", ");
  const secret = confidentialList(items);
  const blocks: Block[] = [
    ...municipalityLine(meta, options),
    heading(1, `${protocolTitle(meta)} – ${meta.body.name}`),
    ...(publicVersion
      ? [
          para(
            "Offentlig version: uppgifter som omfattas av sekretess och personnummer är borttagna.",
            "note",
          ),
        ]
      : []),
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
          // The registrar sees on page 1 which §§ to withhold, and under which provision.
          [
            "Sekretess",
            secret
              ? `${secret.includes("), §") ? "Paragraferna" : "Paragrafen"} ${secret} omfattas av sekretess.`
              : "",
          ],
        ] as [string, string][]
      ).filter(([, v]) => v !== ""),
    ),
    // Signatures on page 1, where the municipality's profile says so.
    ...(options.profile?.settings.signatureLayout === "first-page" ? signatureBlocks(file) : []),
    ...attendanceBlocks(meta, items, byItem, known),
  ];
  return blocks;
}

function context(
  file: ProtokollFile,
  maskConfidential: boolean,
): { ctx: RenderContext; items: NumberedItem[]; known: boolean } {
  const items = numberedItems(file.doc, file.meta);
  const att = resolveAttendance(file.doc, file.meta);
  return {
    ctx: {
      meta: file.meta,
      numbers: new Map(items.map((i) => [i.id, i.number])),
      attendance: att.byItem,
      item: null,
      maskConfidential,
      attachments: attachmentRefs(file.doc, file.meta),
    },
    items,
    known: att.known,
  };
}

function renderAnswer(file: ProtokollFile, options: RenderOptions): RenderResult {
  const { ctx } = context(file, options.output === "public");
  const title = answerTitleText(file.doc);
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
      profile: options.profile?.look ?? null,
      blocks: [...municipalityLine(file.meta, options), ...renderBlocks(file.doc, ctx)],
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
  const base = {
    creator: creator(meta),
    language: "sv-SE" as const,
    watermark,
    keywords: keywords(meta),
    profile: options.profile?.look ?? null,
  };
  const endSignatures =
    options.profile?.settings.signatureLayout === "first-page"
      ? []
      : [{ type: "pageBreak" } as Block, ...signatureBlocks(file)];
  const notes = correctionNotes(file);
  const notesFor = (item: string | null) => correctionBlocks(notes.filter((n) => n.item === item));
  // Bilagor (schemas/render/renderAttachments.ts): under their § and listed at the end.
  const listed = attachmentsInOutput(file.doc, meta, options);

  switch (options.output) {
    case "full":
    case "public": {
      const blocks: Block[] = frontMatter(
        file,
        items,
        ctx.attendance,
        known,
        publicVersion,
        options,
      );
      for (const it of items) {
        blocks.push(
          { type: "pageBreak" },
          ...renderBlocks(it.node, ctx),
          ...(publicVersion && it.node.attrs.confidential ? [] : notesFor(it.id)),
          ...itemAttachmentBlocks(listed, it.id),
        );
      }
      // The list of bilagor on a page of its own after the §§, so it does not read as part of the last §.
      blocks.push(
        ...(listed.length ? [{ type: "pageBreak" } as Block] : []),
        ...attachmentListBlocks(listed, ctx.numbers),
        ...endSignatures,
        ...notesFor(null),
        { type: "pageBreak" },
        ...noticeBlocks(meta),
      );
      return {
        ok: true,
        rendered: {
          ...base,
          title: `${protocolTitle(meta)} ${meta.body.name}${dateText}${publicVersion ? " (offentlig version)" : ""}`,
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
      if (wanted.size === 0)
        return { ok: false, error: "Välj minst en paragraf för protokollsutdraget." };
      if (unknown.length)
        return { ok: false, error: `Paragrafen finns inte i protokollet: ${unknown.join(", ")}` };
      const chosen = items.filter((i) => wanted.has(i.id));
      const range = sectionRange(chosen.map((i) => i.number));
      const blocks: Block[] = [
        ...municipalityLine(meta, options),
        heading(1, `Protokollsutdrag – ${meta.body.name}`),
        form(
          (
            [
              ["Sammanträdesdatum", long(meta.meeting.date, { weekday: true })],
              ["Plats", meta.meeting.place ?? ""],
              [
                "Utdrag ur protokollet",
                `${meta.protocolNumber ? `${protocolTitle(meta)}, ` : ""}${range}`,
              ],
            ] as [string, string][]
          ).filter(([, v]) => v !== ""),
        ),
      ];
      for (const it of chosen)
        blocks.push(
          ...renderBlocks(it.node, ctx),
          ...notesFor(it.id),
          ...itemAttachmentBlocks(listed, it.id),
        );
      blocks.push(...attachmentListBlocks(listed, ctx.numbers));
      const immediate = new Map(
        file.history
          .filter((h) => h.kind === "adjusted" && h.item !== null)
          .map((h) => [h.item!, h]),
      );
      const lines = chosen.map((it) =>
        it.node.attrs.immediate && (immediate.has(it.id) || meta.status !== "adjusted")
          ? immediate.has(it.id)
            ? `§ ${it.number} justerades omedelbart ${long(immediate.get(it.id)!.at.slice(0, 10), { den: true })} av ${immediate.get(it.id)!.by}.`
            : `§ ${it.number} förklarades omedelbart justerad men är ännu inte justerad.`
          : meta.status === "adjusted"
            ? `§ ${it.number} är justerad${meta.adjustment.date ? ` ${long(meta.adjustment.date, { den: true })}` : ""}.`
            : `§ ${it.number} är ännu inte justerad.${meta.adjustment.date ? ` Justering sker ${long(meta.adjustment.date, { den: true })}.` : ""}`,
      );
      // A § justerad at the meeting has its own anslag and appeal period, counted from its own
      // justering (KL 8:12, 13:5; lag 1930:173); a date not recorded reads "senast".
      const ownNotices = chosen
        .filter((it) => immediate.has(it.id))
        .map((it) => {
          const d = itemDeadlines(file, it.id);
          const posted = d.noticePostedRecorded
            ? `Anslaget sattes upp ${long(d.noticePosted, { den: true })}`
            : `Anslaget sätts upp senast ${long(d.noticePosted, { den: true })}`;
          const appeal = d.appealEnds
            ? `; överklagandetiden går ut ${d.noticePostedRecorded ? "" : "senast "}${long(d.appealEnds, { den: true })} och anslaget tas ned tidigast ${long(d.noticeDown, { den: true })}`
            : "";
          return `§ ${it.number}: ${posted}${appeal}.`;
        });
      blocks.push(
        heading(2, "Justering"),
        ...lines.map((l) => para(l)),
        ...(ownNotices.length
          ? [
              heading(3, "Anslag för paragraf som justerats omedelbart"),
              ...ownNotices.map((l) => para(l)),
            ]
          : []),
        heading(2, "Utdragsbestyrkande"),
        para("Utdraget överensstämmer med originalprotokollet.", "body"),
        {
          type: "signatures",
          signers: [{ role: "Sekreterare", name: name(meta, meta.secretary) }],
        },
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
        ...municipalityLine(meta, options),
        heading(1, `Anslag – ${meta.body.name}`),
        para(
          `${genitive(meta.body.name)} ${meta.protocolNumber ? `protokoll nr ${meta.protocolNumber}` : "protokoll"} från sammanträdet ${long(meta.meeting.date, { den: true }) || "(datum saknas)"}, ${sectionRange(items.map((i) => i.number))}, ${meta.status === "adjusted" ? "är justerat" : "är ännu inte justerat"}.`,
        ),
        ...noticeBlocks(meta),
        heading(2, "Överklagande"),
        para(
          `Den som är medlem i kommunen kan överklaga beslut i protokollet genom laglighetsprövning enligt 13 kap. kommunallagen. Överklagandet ska ha kommit in till ${options.profile?.settings.administrativeCourt ?? "förvaltningsrätten"} inom tre veckor från den dag då anslaget sattes upp, det vill säga senast ${long(d.appealEnds, { den: true }) || "(datum saknas)"}.`,
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

/**
 * Apply `fn` to every piece of text of a rendered document; `runsFn`, when given, to each
 * paragraph's or heading's runs as a whole instead (masking finds numbers split over runs).
 */
export function mapText(
  doc: RenderedDocument,
  fn: (s: string) => string,
  runsFn?: (rs: Run[]) => Run[],
): RenderedDocument {
  const runs = runsFn ?? ((rs: Run[]): Run[] => rs.map((r) => ({ ...r, text: fn(r.text) })));
  const block = (b: Block): Block => {
    switch (b.type) {
      case "heading":
        return {
          ...b,
          runs: runs(b.runs),
          ...(b.bookmark ? { bookmark: fn(b.bookmark) } : {}),
          ...(b.marking ? { marking: fn(b.marking) } : {}),
        };
      case "paragraph":
        return { ...b, runs: runs(b.runs) };
      case "list":
        return { ...b, items: b.items.map((i) => i.map(block)) };
      case "quote":
        return { ...b, blocks: b.blocks.map(block) };
      case "table":
        return {
          ...b,
          ...(b.caption ? { caption: fn(b.caption) } : {}),
          columns: b.columns.map((c) => ({ ...c, header: fn(c.header) })),
          rows: b.rows.map((r) => r.map(fn)),
        };
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
    ...(doc.keywords ? { keywords: doc.keywords.map(fn) } : {}),
    header: doc.header
      ? { left: fn(doc.header.left), center: fn(doc.header.center), right: fn(doc.header.right) }
      : null,
    blocks: doc.blocks.map(block),
  };
}

/** Render one output of a document. Never throws for a well-formed document. */
export function renderDocument(file: ProtokollFile, options: RenderOptions): RenderResult {
  const isAnswer = file.kind === "interpellationssvar";
  // Kallelse (issue 18): its own layout in schemas/agenda/, the same render model and writers.
  if (file.kind === "kallelse") {
    const k = renderKallelse(file, options);
    return k.ok && options.output === "public"
      ? { ok: true, rendered: mapText(k.rendered, maskPersonalNumbers) }
      : k;
  }
  if (isAnswer && (options.output === "extract" || options.output === "notice"))
    return {
      ok: false,
      error: "Protokollsutdrag och anslag finns bara för protokoll, inte för interpellationssvar.",
    };
  const r = isAnswer ? renderAnswer(file, options) : renderProtocol(file, options);
  if (!r.ok || options.output !== "public") return r;
  return {
    ok: true,
    rendered: mapText(r.rendered, maskPersonalNumbers, maskPersonalNumbersInRuns),
  };
}

/** The §§ of a document as (id, number, title), for choosing an extract. */
export function itemList(
  doc: Node,
  meta: Pick<Meta, "body">,
): { id: string; number: number; title: string }[] {
  return numberedItems(doc, meta).map((i) => ({
    id: i.id,
    number: i.number,
    title: itemTitleText(i.node),
  }));
}
