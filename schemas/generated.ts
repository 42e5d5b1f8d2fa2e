/**
 * Text generated from the structure, never typed by the secretary: the "Socialnämndens beslut"
 * heading, the lead-ins of yrkanden, reservations and statements ("Ledamoten Linnéa Vinge (SD)
 * yrkade bifall till eget förslag till beslut."), the beslutsordning sentence and the vote summary.
 * The editor shows it and the exporters print it; the block's content is the prose around it.
 */
import type { Node } from "prosemirror-model";
import type { ItemAttendance } from "./attendance.js";
import { genitive, roleDefinite } from "./labels.js";
import type { Meta, Person } from "./meta.js";

export function decisionHeading(meta: Pick<Meta, "body">): string {
  return `${genitive(meta.body.name)} beslut`;
}

/** Definite singular → plural, for "ledamöterna X (M), Y (MP)". */
const plural: Record<string, string> = {
  "vice ordföranden": "vice ordförandena",
  ledamoten: "ledamöterna",
  ersättaren: "ersättarna",
  "tjänstgörande ersättaren": "tjänstgörande ersättarna",
};

function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** "Linnéa Vinge (SD)", with " m.fl." before the party when she spoke for her group. */
export function personName(person: Person | undefined, andOthers = false): string {
  if (!person) return "(okänd person)";
  const mfl = andOthers ? " m.fl." : "";
  return person.party ? `${person.name}${mfl} (${person.party})` : `${person.name}${mfl}`;
}

/**
 * The persons of a statement in running text, grouped by role as protocols write them:
 * "Ordföranden Jan Jönsson (L), ledamöterna Ole-Jörgen Persson m.fl. (M), Michaela Hollis (KD),
 * tjänstgörande ersättaren Johan Kling (C)".
 */
export function personsPhrase(ids: readonly string[], andOthers: readonly string[], meta: Pick<Meta, "persons">, attendance?: ItemAttendance): string {
  const byId = new Map(meta.persons.map((p) => [p.id, p]));
  const groups: { label: string; names: string[] }[] = [];
  for (const id of ids) {
    const person = byId.get(id);
    const role = person?.role ?? "other";
    const servingSubstitute = role === "substitute" && attendance?.serving.has(id);
    const key = servingSubstitute ? "tjänstgörande ersättaren" : roleDefinite[role];
    const last = groups[groups.length - 1];
    const name = personName(person, andOthers.includes(id));
    if (last && last.label === key) last.names.push(name);
    else groups.push({ label: key, names: [name] });
  }
  const parts = groups.map((g) => {
    const label = g.names.length > 1 ? (plural[g.label] ?? g.label) : g.label;
    return label ? `${label} ${g.names.join(", ")}` : g.names.join(", ");
  });
  return capitalize(parts.join(", "));
}

/** Short description of a proposal, as the chair would name it: "förvaltningens förslag", "Linnéa Vinges (SD) förslag". */
export function proposalName(proposal: Node, meta: Pick<Meta, "persons">): string {
  const a = proposal.attrs;
  if (a.kind === "eget_förslag" || (!a.subject && a.kind !== "bifall")) {
    const first = meta.persons.find((p) => p.id === (a.proposers as string[])[0]);
    if (!first) return "eget förslag";
    const who = first.party && (a.andOthers as string[]).includes(first.id) ? `${first.party}:s` : `${first.name}s${first.party ? ` (${first.party})` : ""}`;
    return a.kind === "eget_förslag" ? `${who} förslag` : `${who} yrkande om ${a.kind}`;
  }
  return (a.subject as string) || "förvaltningens förslag till beslut";
}

function proposalsInItem(item: Node): Map<string, Node> {
  const m = new Map<string, Node>();
  item.forEach((b) => {
    if (b.type.name === "proposal") m.set(b.attrs.id as string, b);
  });
  return m;
}

/** "… yrkade bifall till förvaltningens förslag till beslut." */
export function proposalLeadIn(proposal: Node, item: Node, meta: Pick<Meta, "persons">, attendance?: ItemAttendance): string {
  const a = proposal.attrs;
  const who = personsPhrase(a.proposers as string[], a.andOthers as string[], meta, attendance) || "(ingen förslagsställare vald)";
  const supported = a.supports ? proposalsInItem(item).get(a.supports as string) : undefined;
  const subject = (a.subject as string) || (supported ? proposalName(supported, meta) : "");
  let what: string;
  switch (a.kind) {
    case "bifall":
      what = `bifall till ${subject || "förvaltningens förslag till beslut"}`;
      break;
    case "avslag":
      what = `avslag på ${subject || "förslaget"}`;
      break;
    case "återremiss":
      what = subject ? `att ärendet skulle återremitteras ${subject}` : "att ärendet skulle återremitteras";
      break;
    case "bordläggning":
      what = "att ärendet skulle bordläggas";
      break;
    case "ändring":
      what = subject ? `ändring av ${subject}` : "ändring av förslaget";
      break;
    case "tillägg":
      what = subject ? `tillägg till ${subject}` : "tillägg till förslaget";
      break;
    case "eget_förslag":
      what = "bifall till eget förslag till beslut";
      break;
    default:
      what = String(a.kind);
  }
  const withdrawn = a.withdrawn ? " Yrkandet återtogs." : "";
  return `${who} yrkade ${what}.${withdrawn}`;
}

/** "… reserverade sig mot beslutet till förmån för det egna förslaget." */
export function reservationLeadIn(reservation: Node, item: Node, meta: Pick<Meta, "persons">, attendance?: ItemAttendance): string {
  const a = reservation.attrs;
  const who = personsPhrase(a.reservants as string[], a.andOthers as string[], meta, attendance) || "(ingen reservant vald)";
  const fav = a.favouring ? proposalsInItem(item).get(a.favouring as string) : undefined;
  let favour = "";
  if (fav) {
    const own = (fav.attrs.proposers as string[]).some((p) => (a.reservants as string[]).includes(p));
    favour = own && fav.attrs.kind === "eget_förslag" ? " till förmån för det egna förslaget" : ` till förmån för ${proposalName(fav, meta)}`;
  }
  return `${who} reserverade sig mot beslutet${favour}.`;
}

/** Names heading a särskilt uttalande, protokollsanteckning, ersättaryttrande or jäv. */
export function statementLeadIn(block: Node, meta: Pick<Meta, "persons">, attendance?: ItemAttendance): string {
  const a = block.attrs;
  const who = personsPhrase((a.persons as string[]) ?? [], (a.andOthers as string[]) ?? [], meta, attendance);
  if (block.type.name === "recusal") return who ? `${who} anmälde jäv och deltog inte i handläggningen av ärendet.` : "";
  return who;
}

/** The beslutsordning sentence: the order the chair put the proposals and what the body decided. */
export function procedureSentence(procedure: Node, item: Node, meta: Pick<Meta, "persons" | "body">): string {
  const proposals = proposalsInItem(item);
  const order = (procedure.attrs.order as string[]).map((id) => proposals.get(id)).filter((p): p is Node => !!p);
  const adopted = procedure.attrs.adopted ? proposals.get(procedure.attrs.adopted as string) : undefined;
  const body = meta.body.type === "kommunfullmäktige" ? "fullmäktige" : meta.body.type === "kommunstyrelse" ? "kommunstyrelsen" : "nämnden";
  const adoptedName = adopted ? proposalName(adopted, meta) : "förvaltningens förslag till beslut";
  let vote: Node | undefined;
  item.forEach((b) => {
    if (b.type.name === "vote") vote ??= b;
  });
  if (order.length >= 2) {
    const names = order.map((p) => proposalName(p, meta));
    const list = names.length === 2 ? `${names[0]} och ${names[1]}` : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;
    const tail = vote ? " Omröstning begärdes." : "";
    return `Ordföranden ställde ${list} mot varandra och fann att ${body} beslutat enligt ${adoptedName}.${tail}`;
  }
  return `${capitalize(body)} beslutade enligt ${adoptedName}.`;
}

export interface VoteCount {
  ja: number;
  nej: number;
  avstår: number;
}

/** Totals from the ballots, or the recorded tally where no ballots are known. */
export function voteCount(vote: Node): VoteCount {
  const ballots = vote.attrs.ballots as { vote: "ja" | "nej" | "avstår" }[];
  if (ballots.length === 0 && vote.attrs.tally) return { ...(vote.attrs.tally as VoteCount) };
  const c: VoteCount = { ja: 0, nej: 0, avstår: 0 };
  for (const b of ballots) c[b.vote]++;
  return c;
}

/** "Omröstning verkställdes: ja för …, nej för …. 7 ja, 5 nej, 1 avstod. Nämnden hade således beslutat enligt …" */
export function voteSummary(vote: Node, item: Node, meta: Pick<Meta, "persons" | "body">): string {
  const proposals = proposalsInItem(item);
  const yes = vote.attrs.yes ? proposals.get(vote.attrs.yes as string) : undefined;
  const no = vote.attrs.no ? proposals.get(vote.attrs.no as string) : undefined;
  const c = voteCount(vote);
  const body = meta.body.type === "kommunfullmäktige" ? "Fullmäktige" : meta.body.type === "kommunstyrelse" ? "Kommunstyrelsen" : "Nämnden";
  const parts = [
    `Omröstning verkställdes${vote.attrs.open ? "" : " med slutna sedlar"}. Den som vill bifalla ${yes ? proposalName(yes, meta) : "ja-propositionen"} röstar ja, den som vill bifalla ${no ? proposalName(no, meta) : "nej-propositionen"} röstar nej.`,
    `Omröstningen utföll med ${c.ja} ja-röster, ${c.nej} nej-röster och ${c.avstår} som avstod.`,
  ];
  if (vote.attrs.tieBreak === "chair") parts.push("Ordföranden använde sin utslagsröst.");
  if (vote.attrs.tieBreak === "lot") parts.push("Lotten avgjorde.");
  const result = vote.attrs.result as "ja" | "nej" | null;
  const winner = result === "ja" ? yes : result === "nej" ? no : undefined;
  if (winner) parts.push(`${body} hade således beslutat enligt ${proposalName(winner, meta)}.`);
  return parts.join(" ");
}
