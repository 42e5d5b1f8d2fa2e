/**
 * A kallelse → the render model (the same one the protocol uses, so DOCX and PDF/A come from the
 * same writers and profile):
 * - `full`: the kallelse — the meeting, who is called (ledamöter and ersättare), where to report
 *   absence, then the föredragningslista with each ärende's förslag till beslut;
 * - `public`: the same with sekretess ärenden reduced to their OSL reference (personnummer are
 *   masked by renderDocument);
 * - `notice`: for fullmäktige, the anslag of the meeting — time, place and ärenden, to be posted at
 *   least a week before (KL 5 kap.), with the latest day counted backwards from the meeting. It is
 *   public, so a sekretess ärende is listed without its title.
 */
import type { ProtokollFile } from "../file.js";
import { genitive, roleLabel } from "../labels.js";
import type { Meta, Person } from "../meta.js";
import type { RenderOptions, RenderResult } from "../render/renderDocument.js";
import { form as formRows, heading, long, para, personTable } from "../render/blockFactories.js";
import type { Block } from "../render/renderModel.js";

/** The kallelse leaves out facts it has no value for. */
const form = (rows: [string, string][]): Block => formRows(rows.filter(([, v]) => v !== ""));
import { renderBlocks, type RenderContext } from "../render/renderNodes.js";
import { agendaEntries } from "./agendaEntries.js";
import { COUNCIL_NOTICE_DAYS, latestBefore } from "./summonsDeadline.js";

function meetingTime(meta: Meta): string {
  const { start, end } = meta.meeting;
  return start ? `kl. ${start.replace(":", ".")}${end ? `–${end.replace(":", ".")}` : ""}` : "";
}

const MEMBER_ROLES = new Set<Person["role"]>([
  "chair",
  "vice_chair",
  "second_vice_chair",
  "member",
]);

/** Ledamöter and ersättare called (from the body's register in meta.persons). */
function calledBlocks(meta: Meta): Block[] {
  const table = (caption: string, persons: Person[]): Block[] =>
    personTable(
      caption,
      { header: "Uppdrag", widths: [50, 14, 36] },
      persons.map((p) => [p.name, p.party ?? "", roleLabel[p.role]]),
    );
  const members = meta.persons.filter((p) => MEMBER_ROLES.has(p.role));
  const substitutes = meta.persons.filter((p) => p.role === "substitute");
  if (!members.length && !substitutes.length)
    return [heading(2, "Kallade"), para("Inga ledamöter eller ersättare är angivna.", "note")];
  return [
    heading(2, "Kallade"),
    ...table("Ledamöter", members),
    ...table("Ersättare", substitutes),
  ];
}

function personNamed(meta: Meta, id: string | null): string {
  return (id && meta.persons.find((p) => p.id === id)?.name) || "";
}

export function renderKallelse(file: ProtokollFile, options: RenderOptions): RenderResult {
  const meta = file.meta;
  const entries = agendaEntries(file.doc);
  const ctx: RenderContext = {
    meta,
    numbers: new Map(entries.map((e) => [e.id, e.number])),
    attendance: new Map(),
    item: null,
    maskConfidential: options.output === "public",
  };
  const dateText = meta.meeting.date ? ` ${meta.meeting.date}` : "";
  const chair = personNamed(meta, meta.persons.find((p) => p.role === "chair")?.id ?? null);
  const secretary = personNamed(meta, meta.persons.find((p) => p.role === "secretary")?.id ?? null);
  const base = {
    creator: secretary || meta.body.name,
    language: "sv-SE" as const,
    watermark: options.draft ? "UTKAST" : null,
    footer: { signatureBoxes: 0, pageNumbers: true },
  };
  const facts: [string, string][] = [
    ["Sammanträdesdatum", long(meta.meeting.date, { weekday: true })],
    ["Tid", meetingTime(meta)],
    ["Plats", meta.meeting.place ?? ""],
  ];

  if (options.output === "extract")
    return { ok: false, error: "Protokollsutdrag finns bara för protokoll, inte för kallelser." };
  if (options.output === "notice") {
    if (meta.body.type !== "kommunfullmäktige")
      return {
        ok: false,
        error:
          "Anslag om sammanträdet görs för fullmäktige. Den här kallelsen gäller inte kommunfullmäktige.",
      };
    const latest = meta.meeting.date ? latestBefore(meta.meeting.date, COUNCIL_NOTICE_DAYS) : null;
    const blocks: Block[] = [
      heading(1, `Tillkännagivande – ${meta.body.name}`),
      para(
        `${meta.body.name} sammanträder ${long(meta.meeting.date, { weekday: true }) || "(datum saknas)"}${meetingTime(meta) ? ` ${meetingTime(meta)}` : ""}${meta.meeting.place ? ` i ${meta.meeting.place}` : ""}.`,
      ),
      form([
        ...facts,
        [
          "Anslaget uppsatt",
          meta.summons?.issued ? long(meta.summons.issued) : latest ? `senast ${long(latest)}` : "",
        ],
      ]),
      heading(2, "Ärenden"),
      {
        type: "list",
        style: "decimal",
        start: 1,
        items: entries.map((e) => [
          para(
            `${e.confidential ? "Ärende som omfattas av sekretess" : e.title}${e.dnr ? ` (${e.dnr})` : ""}${e.withdrawn ? " – utgår" : ""}`,
          ),
        ]),
      },
      para("Sammanträdet är offentligt. Handlingarna finns tillgängliga hos kommunen.", "note"),
      ...(chair
        ? [{ type: "signatures", signers: [{ role: "Ordförande", name: chair }] } as Block]
        : []),
    ];
    return {
      ok: true,
      rendered: {
        ...base,
        title: `Tillkännagivande om sammanträde ${meta.body.name}${dateText}`,
        subject: `Tillkännagivande om ${genitive(meta.body.name)} sammanträde`,
        header: {
          left: meta.body.name,
          center: "Tillkännagivande",
          right: meta.meeting.date ?? "",
        },
        blocks,
      },
    };
  }

  const absence = meta.summons?.absenceTo?.trim();
  const blocks: Block[] = [
    heading(1, `Kallelse – ${meta.body.name}`),
    para(`Ledamöter och ersättare kallas till sammanträde med ${meta.body.name}.`),
    form([...facts, ["Kallelsen utsänd", long(meta.summons?.issued)]]),
    ...(absence ? [para(`Anmälan om förhinder: ${absence}`, "meta")] : []),
    ...calledBlocks(meta),
    { type: "pageBreak" },
    heading(2, "Föredragningslista"),
    ...renderBlocks(file.doc, ctx),
    ...(chair || secretary
      ? [
          {
            type: "signatures",
            signers: [
              ...(chair ? [{ role: "Ordförande", name: chair }] : []),
              ...(secretary ? [{ role: "Sekreterare", name: secretary }] : []),
            ],
          } as Block,
        ]
      : []),
  ];
  return {
    ok: true,
    rendered: {
      ...base,
      title: `Kallelse ${meta.body.name}${dateText}${options.output === "public" ? " (offentlig version)" : ""}`,
      subject: `Kallelse till ${genitive(meta.body.name)} sammanträde${meta.meeting.date ? ` ${long(meta.meeting.date, { den: true })}` : ""}`,
      header: { left: meta.body.name, center: "Kallelse", right: meta.meeting.date ?? "" },
      blocks,
    },
  };
}
