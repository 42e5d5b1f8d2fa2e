/**
 * Text generated from the structure, never typed by the secretary: the "Socialnämndens beslut"
 * heading, the lead-ins of yrkanden, reservations and statements ("Ledamoten Lina Vinter (SD)
 * yrkade bifall till eget förslag till beslut."), the beslutsordning sentence and the vote summary.
 * The editor shows it and the exporters print it; the block's content is the prose around it.
 */
import type { Node } from "prosemirror-model";
import type { ItemAttendance } from "./attendance.js";
import type { Ballot, ProposalKind } from "./attrs.js";
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

/** "Lina Vinter (SD)", with " m.fl." before the party when she spoke for her group. */
export function nameWithParty(person: Person | undefined, andOthers = false): string {
  if (!person) return "(okänd person)";
  const mfl = andOthers ? " m.fl." : "";
  return person.party ? `${person.name}${mfl} (${person.party})` : `${person.name}${mfl}`;
}

/**
 * The persons of a statement in running text, grouped by role as protocols write them:
 * "Ordföranden Eva Exempel (L), ledamöterna Per-Olof Prov m.fl. (M), Maria Exempel Lind (KD),
 * tjänstgörande ersättaren Jonas Prov (C)".
 */
export function personsPhrase(
  ids: readonly string[],
  andOthers: readonly string[],
  meta: Pick<Meta, "persons">,
  attendance?: ItemAttendance,
): string {
  const byId = new Map(meta.persons.map((p) => [p.id, p]));
  const groups: { label: string; names: string[] }[] = [];
  for (const id of ids) {
    const person = byId.get(id);
    const role = person?.role ?? "other";
    const servingSubstitute = role === "substitute" && attendance?.serving.has(id);
    const key = servingSubstitute ? "tjänstgörande ersättaren" : roleDefinite[role];
    const last = groups[groups.length - 1];
    const name = nameWithParty(person, andOthers.includes(id));
    if (last && last.label === key) last.names.push(name);
    else groups.push({ label: key, names: [name] });
  }
  const parts = groups.map((g) => {
    const label = g.names.length > 1 ? (plural[g.label] ?? g.label) : g.label;
    return label ? `${label} ${g.names.join(", ")}` : g.names.join(", ");
  });
  return capitalize(parts.join(", "));
}

type Naming = Pick<Meta, "persons"> & { body?: Pick<Meta["body"], "type"> };

/** The förslag a § starts from when a yrkande names none: the preparing organ's, as the body's protocols call it. */
export function defaultMotion(meta: Naming): string {
  switch (meta.body?.type) {
    case "kommunfullmäktige":
      return "kommunstyrelsens förslag";
    case "kommunstyrelse":
    case "annan":
      return "förslaget till beslut";
    default:
      return "förvaltningens förslag till beslut";
  }
}

function proposalsInItem(item: Node): Map<string, Node> {
  const m = new Map<string, Node>();
  item.forEach((b) => {
    if (b.type.name === "proposal") m.set(b.attrs.id as string, b);
  });
  return m;
}

/** Proposers in the genitive, as the chair names a yrkande: "Eva Bergs (S)", "S:s" (for the group), "Eva Bergs (S) m.fl.". */
function proposersGenitive(proposal: Node, meta: Naming): string | null {
  const ids = proposal.attrs.proposers as string[];
  const first = meta.persons.find((p) => p.id === ids[0]);
  if (!first) return null;
  if (first.party && (proposal.attrs.andOthers as string[]).includes(first.id))
    return `${first.party}:s`;
  return `${genitive(first.name)}${first.party ? ` (${first.party})` : ""}${ids.length > 1 ? " m.fl." : ""}`;
}

/** The förslag a bifall, avslag, ändring or tillägg concerns: its subject, the yrkande it supports, or the body's default. */
export function proposalTarget(proposal: Node, item: Node | null, meta: Naming): string {
  const subject = (proposal.attrs.subject as string).trim();
  if (subject) return subject;
  const supported =
    proposal.attrs.supports && item
      ? proposalsInItem(item).get(proposal.attrs.supports as string)
      : undefined;
  if (supported && supported !== proposal) return proposalName(supported, meta, item);
  return defaultMotion(meta);
}

/** The noun a kind of yrkande goes by: "avslagsyrkande", "återremissyrkande". */
const yrkandeNoun: Record<ProposalKind, string> = {
  bifall: "bifallsyrkande",
  avslag: "avslagsyrkande",
  återremiss: "återremissyrkande",
  bordläggning: "yrkande om bordläggning",
  ändring: "ändringsyrkande",
  tillägg: "tilläggsyrkande",
  eget_förslag: "förslag",
};
/** Definite form, for "till förmån för det egna avslagsyrkandet". */
const yrkandeDefinite: Record<ProposalKind, string> = {
  bifall: "bifallsyrkandet",
  avslag: "avslagsyrkandet",
  återremiss: "återremissyrkandet",
  bordläggning: "yrkandet om bordläggning",
  ändring: "ändringsyrkandet",
  tillägg: "tilläggsyrkandet",
  eget_förslag: "förslaget",
};

/**
 * A proposal as the chair names it: by kind and proposers. A bifall is named by the förslag it
 * supports ("förvaltningens förslag till beslut"); any other kind by who made it
 * ("Eva Bergs (S) avslagsyrkande", "Lina Vinters (SD) förslag").
 */
export function proposalName(proposal: Node, meta: Naming, item: Node | null = null): string {
  const kind = proposal.attrs.kind as ProposalKind;
  if (kind === "bifall") return proposalTarget(proposal, item, meta);
  const who = proposersGenitive(proposal, meta);
  const noun = yrkandeNoun[kind] ?? "yrkande";
  if (who) return `${who} ${noun}`;
  return kind === "eget_förslag"
    ? "eget förslag"
    : `${noun[0] === "y" ? "" : "ett "}${noun}`.replace(/^ett yrkande/, "yrkandet");
}

/** "… yrkade bifall till förvaltningens förslag till beslut." */
export function proposalLeadIn(
  proposal: Node,
  item: Node,
  meta: Naming,
  attendance?: ItemAttendance,
): string {
  const a = proposal.attrs;
  const who =
    personsPhrase(a.proposers as string[], a.andOthers as string[], meta, attendance) ||
    "(ingen förslagsställare vald)";
  const subject = (a.subject as string).trim();
  const target = () => proposalTarget(proposal, item, meta);
  let what: string;
  switch (a.kind) {
    case "bifall":
      what = `bifall till ${target()}`;
      break;
    case "avslag":
      what = `avslag på ${target()}`;
      break;
    case "återremiss":
      what = subject
        ? `att ärendet skulle återremitteras ${subject}`
        : "att ärendet skulle återremitteras";
      break;
    case "bordläggning":
      what = "att ärendet skulle bordläggas";
      break;
    case "ändring":
      what = subject ? `ändring av ${subject}` : `ändring av ${target()}`;
      break;
    case "tillägg":
      what = subject ? `tillägg till ${subject}` : `tillägg till ${target()}`;
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

/** The proposal the § adopted: the last vote's winner, otherwise the beslutsordning's `adopted`. */
function adoptedInItem(item: Node): Node | undefined {
  const proposals = proposalsInItem(item);
  let winner: string | null = null;
  let adopted: string | null = null;
  item.forEach((b) => {
    if (b.type.name === "vote" && b.attrs.result) winner = voteWinner(b);
    if (b.type.name === "decision_procedure" && b.attrs.adopted && !adopted)
      adopted = b.attrs.adopted as string;
  });
  const id = winner ?? adopted;
  return id ? proposals.get(id) : undefined;
}

/**
 * The side a reservation is for: always the reservant's own, never the proposal that won. The
 * recorded `favouring` when it is not the adopted proposal; else a yrkande a reservant made that
 * lost; else the side the reservant voted for in the last vote, when that side lost.
 */
function reservationSide(reservation: Node, item: Node): Node | undefined {
  const proposals = proposalsInItem(item);
  const reservants = reservation.attrs.reservants as string[];
  const adopted = adoptedInItem(item);
  const lost = (p: Node | undefined) =>
    !!p && p !== adopted && (!adopted || p.attrs.id !== adopted.attrs.id);
  const fav = reservation.attrs.favouring
    ? proposals.get(reservation.attrs.favouring as string)
    : undefined;
  if (lost(fav)) return fav;
  const own = [...proposals.values()].filter(
    (p) =>
      !p.attrs.withdrawn &&
      (p.attrs.proposers as string[]).some((id) => reservants.includes(id)) &&
      lost(p),
  );
  if (own.length) return own[0];
  let side: Node | undefined;
  item.forEach((b) => {
    if (b.type.name !== "vote") return;
    const ballot = ballotsOf(b).find((x) => reservants.includes(x.person));
    const id = ballot?.vote === "ja" ? b.attrs.yes : ballot?.vote === "nej" ? b.attrs.no : null;
    const p = id ? proposals.get(id as string) : undefined;
    side = lost(p) ? p : undefined;
  });
  return side;
}

/** "… reserverade sig mot beslutet till förmån för det egna förslaget." */
export function reservationLeadIn(
  reservation: Node,
  item: Node,
  meta: Naming,
  attendance?: ItemAttendance,
): string {
  const a = reservation.attrs;
  const who =
    personsPhrase(a.reservants as string[], a.andOthers as string[], meta, attendance) ||
    "(ingen reservant vald)";
  const side = reservationSide(reservation, item);
  let favour = "";
  if (side) {
    const kind = side.attrs.kind as ProposalKind;
    const own = (side.attrs.proposers as string[]).some((p) =>
      (a.reservants as string[]).includes(p),
    );
    if (own && kind !== "bifall") favour = ` till förmån för det egna ${yrkandeDefinite[kind]}`;
    else favour = ` till förmån för ${proposalName(side, meta, item)}`;
  }
  return `${who} reserverade sig mot beslutet${favour}.`;
}

/** Names heading a särskilt uttalande, protokollsanteckning, ersättaryttrande or jäv. */
export function statementLeadIn(
  block: Node,
  meta: Pick<Meta, "persons">,
  attendance?: ItemAttendance,
): string {
  const a = block.attrs;
  const who = personsPhrase(
    (a.persons as string[]) ?? [],
    (a.andOthers as string[]) ?? [],
    meta,
    attendance,
  );
  if (block.type.name === "recusal")
    return who ? `${who} anmälde jäv och deltog inte i handläggningen av ärendet.` : "";
  return who;
}

/** What adopting a yrkande does; two yrkanden with the same effect are one side, not two proposals against each other. */
function effectKey(p: Node, meta: Naming, item: Node): string {
  const kind = p.attrs.kind as ProposalKind;
  if (kind === "bifall" || kind === "avslag") return `${kind}:${proposalTarget(p, item, meta)}`;
  if (kind === "återremiss" || kind === "bordläggning") return kind;
  return `${kind}:${p.attrs.id as string}`;
}

function distinctEffects(ps: Node[], meta: Naming, item: Node, keep?: Node): Node[] {
  const byKey = new Map<string, Node>();
  for (const p of ps) {
    const key = effectKey(p, meta, item);
    if (!byKey.has(key) || p === keep) byKey.set(key, p);
  }
  return [...byKey.values()];
}

const isProcedural = (p: Node) => p.attrs.kind === "återremiss" || p.attrs.kind === "bordläggning";

/** The body as the subject of a sentence: "nämnden", "kommunstyrelsen", "fullmäktige". */
function bodyNoun(meta: Naming): string {
  return meta.body?.type === "kommunfullmäktige"
    ? "fullmäktige"
    : meta.body?.type === "kommunstyrelse"
      ? "kommunstyrelsen"
      : "nämnden";
}

/**
 * What the body decided by adopting a proposal, as the end of "fann att nämnden beslutat …":
 * "att bifalla förvaltningens förslag till beslut", "att avslå det", "att återremittera ärendet".
 */
function decidedTo(p: Node, meta: Naming, item: Node, opposite?: Node): string {
  const kind = p.attrs.kind as ProposalKind;
  const target = proposalTarget(p, item, meta);
  const sameTarget =
    opposite &&
    (opposite.attrs.kind === "bifall" || opposite.attrs.kind === "avslag") &&
    proposalTarget(opposite, item, meta) === target;
  switch (kind) {
    case "bifall":
      return sameTarget ? "att bifalla det" : `enligt ${target}`;
    case "avslag":
      return `att avslå ${sameTarget ? "det" : target}`;
    case "återremiss":
      return "att återremittera ärendet";
    case "bordläggning":
      return "att bordlägga ärendet";
    default:
      return `enligt ${proposalName(p, meta, item)}`;
  }
}

/** Two proposals put against each other: "bifall mot avslag på X", or "X och Y mot varandra". */
function pairPhrase(a: Node, b: Node, meta: Naming, item: Node): string {
  const ka = a.attrs.kind as ProposalKind,
    kb = b.attrs.kind as ProposalKind;
  if ((ka === "bifall" && kb === "avslag") || (ka === "avslag" && kb === "bifall")) {
    const bifall = ka === "bifall" ? a : b;
    const avslag = ka === "bifall" ? b : a;
    const target = proposalTarget(bifall, item, meta);
    if (proposalTarget(avslag, item, meta) === target) return `bifall mot avslag på ${target}`;
  }
  return `${proposalName(a, meta, item)} och ${proposalName(b, meta, item)} mot varandra`;
}

function listPhrase(ps: Node[], meta: Naming, item: Node): string {
  if (ps.length === 2) return pairPhrase(ps[0]!, ps[1]!, meta, item);
  const names = ps.map((p) => proposalName(p, meta, item));
  return `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]} mot varandra`;
}

/** The procedural question (återremiss, bordläggning) the chair puts first: "om ärendet skulle avgöras i dag eller återremitteras". */
function proceduralQuestion(p: Node): string {
  return p.attrs.kind === "återremiss"
    ? "om ärendet skulle avgöras i dag eller återremitteras"
    : "om ärendet skulle avgöras i dag eller bordläggas";
}

/**
 * The beslutsordning sentence: the order the chair put the proposals and what the body decided.
 * Återremiss and bordläggning are put first, as whether to decide the matter today; a tillägg is put
 * after the main question, for bifall or avslag by itself; bifall and avslag to the same förslag are
 * put "bifall mot avslag".
 */
export function procedureSentence(procedure: Node, item: Node, meta: Naming): string {
  const proposals = proposalsInItem(item);
  const order = (procedure.attrs.order as string[])
    .map((id) => proposals.get(id))
    .filter((p): p is Node => !!p);
  const adopted = procedure.attrs.adopted
    ? proposals.get(procedure.attrs.adopted as string)
    : undefined;
  const body = bodyNoun(meta);
  let vote: Node | undefined;
  item.forEach((b) => {
    if (b.type.name === "vote") vote ??= b;
  });
  const tail = vote ? " Omröstning begärdes." : "";
  if (order.length < 2 || distinctEffects(order, meta, item).length < 2)
    return `${capitalize(body)} beslutade ${adopted ? decidedTo(adopted, meta, item) : `enligt ${defaultMotion(meta)}`}.`;

  const sentences: string[] = [];
  const procedural = distinctEffects(order.filter(isProcedural), meta, item, adopted);
  const additions = order.filter((p) => p.attrs.kind === "tillägg");
  const main = distinctEffects(
    order.filter((p) => !isProcedural(p) && p.attrs.kind !== "tillägg"),
    meta,
    item,
    adopted,
  );
  let first = true;
  const put = (what: string, decided: string) => {
    sentences.push(
      `Ordföranden ställde ${first ? "" : "därefter "}${what} och fann att ${body} beslutat ${decided}.`,
    );
    first = false;
  };
  for (const p of procedural) {
    const won = adopted === p;
    put(
      `proposition på ${proceduralQuestion(p)}`,
      won ? decidedTo(p, meta, item) : "att avgöra ärendet i dag",
    );
    if (won) return sentences.join(" ") + tail;
  }
  // The main question: which förslag the body adopts.
  const mainAdopted =
    adopted && main.includes(adopted)
      ? adopted
      : adopted && additions.includes(adopted)
        ? (main.find((m) => m.attrs.id === adopted.attrs.supports) ?? main[0])
        : undefined;
  if (main.length >= 2) {
    const opposite =
      mainAdopted && main.length === 2 ? main.find((m) => m !== mainAdopted) : undefined;
    put(
      listPhrase(main, meta, item),
      mainAdopted ? decidedTo(mainAdopted, meta, item, opposite) : "(bifallet förslag saknas)",
    );
  } else if (main.length === 1) {
    sentences.push(
      `${capitalize(body)} beslutade ${first ? "" : "därefter "}${decidedTo(main[0]!, meta, item)}.`,
    );
    first = false;
  }
  for (const t of additions)
    put(
      `proposition på bifall till eller avslag på ${proposalName(t, meta, item)}`,
      adopted === t ? "att bifalla det" : "att avslå det",
    );
  return sentences.join(" ") + tail;
}

export interface VoteCount {
  ja: number;
  nej: number;
  avstår: number;
}

/** Each member's recorded vote (ja, nej, avstår) in a vote; empty when only a tally is known. */
export const ballotsOf = (vote: Node): Ballot[] => vote.attrs.ballots as Ballot[];

/** Who voted `choice` in a vote, in the order of its ballots. */
export const votersFor = (vote: Node, choice: Ballot["vote"]): string[] =>
  ballotsOf(vote)
    .filter((b) => b.vote === choice)
    .map((b) => b.person);

/** The id of the proposal a vote's result gave (the ja- or nej-proposition); null without a result. */
export function voteWinner(vote: Node): string | null {
  const result = vote.attrs.result as "ja" | "nej" | null;
  if (result === "ja") return vote.attrs.yes as string | null;
  if (result === "nej") return vote.attrs.no as string | null;
  return null;
}

/** Totals from the ballots, or the recorded tally where no ballots are known. */
export function voteCount(vote: Node): VoteCount {
  const ballots = ballotsOf(vote);
  if (ballots.length === 0 && vote.attrs.tally) return { ...(vote.attrs.tally as VoteCount) };
  const c: VoteCount = { ja: 0, nej: 0, avstår: 0 };
  for (const b of ballots) c[b.vote]++;
  return c;
}

/** "Omröstning verkställdes. Den som vill bifalla … röstar ja, den som vill avslå det röstar nej. …" */
export function voteSummary(vote: Node, item: Node, meta: Naming): string {
  const proposals = proposalsInItem(item);
  const yes = vote.attrs.yes ? proposals.get(vote.attrs.yes as string) : undefined;
  const no = vote.attrs.no ? proposals.get(vote.attrs.no as string) : undefined;
  const c = voteCount(vote);
  const body = capitalize(bodyNoun(meta));
  /** What a ja or nej voter wants; the nej side may refer back to the ja side's förslag ("avslå det"). */
  const wants = (p: Node | undefined, other: Node | undefined, fallback: string, isNo: boolean) => {
    if (!p) return `bifalla ${fallback}`;
    if (!isProcedural(p) && other && isProcedural(other)) return "att ärendet ska avgöras i dag";
    if (p.attrs.kind === "återremiss") return "att ärendet ska återremitteras";
    if (p.attrs.kind === "bordläggning") return "att ärendet ska bordläggas";
    if (other?.attrs.kind === "tillägg" && p.attrs.kind !== "tillägg")
      return isNo ? "avslå det" : `avslå ${proposalName(other, meta, item)}`;
    if (p.attrs.kind === "tillägg" && other && other.attrs.kind !== "tillägg")
      return isNo ? "bifalla det" : `bifalla ${proposalName(p, meta, item)}`;
    return decidedTo(p, meta, item, isNo ? other : undefined)
      .replace(/^att /, "")
      .replace(/^enligt /, "bifalla ");
  };
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    `Omröstning verkställdes${vote.attrs.open ? "" : " med slutna sedlar"}. Den som vill ${wants(yes, no, "ja-propositionen", false)} röstar ja, den som vill ${wants(no, yes, "nej-propositionen", true)} röstar nej.`,
    `Omröstningen utföll med ${plural(c.ja, "ja-röst", "ja-röster")}, ${plural(c.nej, "nej-röst", "nej-röster")} och ${c.avstår} som avstod.`,
  ];
  if (vote.attrs.tieBreak === "chair") parts.push("Ordföranden använde sin utslagsröst.");
  if (vote.attrs.tieBreak === "lot") parts.push("Lotten avgjorde.");
  const won = voteWinner(vote);
  const winner = won ? proposals.get(won) : undefined;
  const loser = winner && (winner === yes ? no : yes);
  if (winner) {
    const decided =
      !isProcedural(winner) && loser && isProcedural(loser)
        ? "att avgöra ärendet i dag"
        : loser?.attrs.kind === "tillägg" && winner.attrs.kind !== "tillägg"
          ? `att avslå ${proposalName(loser, meta, item)}`
          : winner.attrs.kind === "tillägg"
            ? `att bifalla ${proposalName(winner, meta, item)}`
            : decidedTo(winner, meta, item);
    parts.push(`${body} hade således beslutat ${decided}.`);
  }
  return parts.join(" ");
}
