/**
 * "Skapa protokoll från kallelsen": the protocol of a meeting, written from its kallelse.
 *
 * The opening §§ come first (upprop och närvaro from the called list, val av justerare, godkännande
 * av dagordning), then one § per ärende in the kallelse's order, with its title, Dnr and the förslag
 * till beslut as the standing beslut. That beslut is what was proposed, not what was decided: its
 * § is listed in `meta.unconfirmed` until the secretary confirms it (rule decision-unconfirmed).
 * An ärende that utgår gets no §; it and every extra ärende are recorded in the dagordning §.
 * § numbers are derived from the position, so renumbering follows by itself.
 */
import type { Node } from "prosemirror-model";
import { background, decision, distribution, item, p, protocol, text, ul } from "../build.js";
import { createFile, type ProtokollFile } from "../file.js";
import type { AttendanceEntry, MetaInput } from "../meta.js";
import { ADJUSTMENT_ITEM_TITLE, adjustmentItemText } from "../openingItems.js";
import { agendaEntries, type AgendaEntry } from "./agendaEntries.js";

export const ROLL_CALL_TITLE = "Upprop och närvaro";
export const AGENDA_APPROVAL_TITLE = "Godkännande av dagordning";
export const INFORMATION_DECISION = "Informationen läggs till handlingarna.";

/** The beslut points of the dagordning §: approved as sent, or with what utgår and what was added. */
export function agendaApprovalPoints(entries: AgendaEntry[]): string[] {
  const withdrawn = entries.filter((e) => e.withdrawn);
  const extra = entries.filter((e) => e.extra && !e.withdrawn);
  if (!withdrawn.length && !extra.length) return ["Den utsända dagordningen godkänns."];
  return [
    "Dagordningen godkänns med följande ändringar.",
    ...withdrawn.map(
      (e) => `Ärende ${e.number}, ”${e.title}”${e.dnr ? ` (${e.dnr})` : ""}, utgår.`,
    ),
    ...extra.map(
      (e) => `Extra ärende: ”${e.title}”${e.dnr ? ` (${e.dnr})` : ""} läggs till dagordningen.`,
    ),
  ];
}

function itemFor(e: AgendaEntry, id: string): Node {
  const blocks: (string | Node)[] = [];
  blocks.push(
    e.information || e.proposal.length === 0
      ? decision(INFORMATION_DECISION)
      : decision(...e.proposal),
  );
  if (e.summary.length) blocks.push(background(...e.summary));
  if (e.documents.length) blocks.push(p(text("Beslutsunderlag", "strong")), ul(...e.documents));
  if (e.recipients.length) blocks.push(distribution(...e.recipients));
  return item({ id, title: e.title, dnr: e.dnr, confidential: e.confidential }, ...blocks);
}

export interface FromAgendaOptions {
  /** The protocol template's id for the new document (the kallelse's body template). */
  template?: string | null;
  /** Ids for the new §§ (tests); default: the entry's id with a "p-" prefix. */
  idFor?: (entry: AgendaEntry) => string;
}

/** The protocol of the meeting a kallelse calls. Throws only on a kallelse that is not well-formed (checked at the boundary). */
export function fromAgenda(
  kallelse: ProtokollFile,
  options: FromAgendaOptions = {},
): ProtokollFile {
  if (kallelse.kind !== "kallelse")
    throw new Error("Dokumentet är ingen kallelse (not a kallelse).");
  const { meta } = kallelse;
  const entries = agendaEntries(kallelse.doc);
  const idFor = options.idFor ?? ((e: AgendaEntry) => `p-${e.id}`);
  const kept = entries.filter((e) => !e.withdrawn);

  const members = meta.persons.filter((x) =>
    ["chair", "vice_chair", "second_vice_chair", "member"].includes(x.role),
  );
  const substitutes = meta.persons.filter((x) => x.role === "substitute");
  // Upprop: the called ledamöter serve and the ersättare are present until the secretary records otherwise.
  const attendance: AttendanceEntry[] = [
    ...members.map((x) => ({
      person: x.id,
      status: "serving" as const,
      from: null,
      to: null,
      replaces: null,
    })),
    ...substitutes.map((x) => ({
      person: x.id,
      status: "present" as const,
      from: null,
      to: null,
      replaces: null,
    })),
  ];
  const chair = meta.persons.find((x) => x.role === "chair")?.id ?? null;
  const secretary = meta.persons.find((x) => x.role === "secretary")?.id ?? null;

  const opening = [
    item(
      { id: "p-upprop", title: ROLL_CALL_TITLE },
      decision("Närvaron antecknas enligt närvarolistan."),
    ),
    item(
      { id: "p-justerare", title: ADJUSTMENT_ITEM_TITLE },
      decision(
        adjustmentItemText({
          persons: meta.persons,
          adjusters: [],
          chair,
          adjustment: { date: null, place: null },
        }),
      ),
    ),
    item(
      { id: "p-dagordning", title: AGENDA_APPROVAL_TITLE },
      decision(...agendaApprovalPoints(entries)),
    ),
  ];
  const items = kept.map((e) => itemFor(e, idFor(e)));
  const protocolMeta: MetaInput = {
    template: options.template ?? meta.template?.replace(/^kallelse-/, "") ?? null,
    body: meta.body,
    meeting: meta.meeting,
    persons: meta.persons,
    attendance,
    chair,
    secretary,
    unconfirmed: kept.map((e) => idFor(e)),
  };
  return createFile("protokoll", protocolMeta, protocol(...opening, ...items));
}
