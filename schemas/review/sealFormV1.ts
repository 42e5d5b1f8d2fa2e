/**
 * The shape of a `.protokoll` file when seals of form 1 were made (format version 1, before seal
 * form 2): every key of `meta` and of a history entry, every attribute of every node and mark.
 * Frozen — never edit it. A form-1 seal hashed the file with every one of these keys written out,
 * so a key that is not listed here was added later; when it holds only the value the schema fills
 * in for an absent key, it is left out before the form-1 seal is recomputed (see sealForm.ts).
 */
export const formV1Keys: ReadonlySet<string> = new Set([
  "meta.template", "meta.body", "meta.body.name", "meta.body.type", "meta.body.municipality", "meta.body.reglemente",
  "meta.body.reglemente.adjusters", "meta.body.reglemente.substituteStatements", "meta.body.reglemente.firstItemNumber",
  "meta.body.reglemente.members", "meta.body.reglemente.dnrPattern", "meta.meeting", "meta.meeting.date", "meta.meeting.start",
  "meta.meeting.end", "meta.meeting.place", "meta.persons", "meta.persons[].id", "meta.persons[].name", "meta.persons[].party",
  "meta.persons[].role", "meta.persons[].title", "meta.attendance", "meta.attendance[].person", "meta.attendance[].status",
  "meta.attendance[].from", "meta.attendance[].to", "meta.attendance[].replaces", "meta.recusals", "meta.recusals[].person",
  "meta.recusals[].item", "meta.authorityItems", "meta.chair", "meta.secretary", "meta.adjusters", "meta.adjustment",
  "meta.adjustment.date", "meta.adjustment.place", "meta.notice", "meta.notice.keptAt", "meta.notice.posted", "meta.status",
  "meta.seal", "meta.seal.sha256", "meta.seal.at", "meta.seal.by", "meta.interpellation", "meta.interpellation.number",
  "meta.interpellation.dnr", "meta.interpellation.interpellant", "meta.interpellation.addressee", "meta.interpellation.place",
  "meta.interpellation.date", "meta.interpellation.signatory", "history[].at", "history[].by", "history[].kind",
  "history[].what", "history[].why", "history[].item", "history[].seal", "history[].seal.sha256", "history[].seal.at",
  "history[].seal.by", "history[].previousSeal", "history[].previousSeal.sha256", "history[].previousSeal.at",
  "history[].previousSeal.by", "node:agenda_item.id", "node:agenda_item.confidential", "node:agenda_item.immediate",
  "node:decision_procedure.order", "node:decision_procedure.adopted", "node:proposal.id", "node:proposal.kind",
  "node:proposal.proposers", "node:proposal.andOthers", "node:proposal.supports", "node:proposal.subject",
  "node:proposal.withdrawn", "node:vote.id", "node:vote.open", "node:vote.election", "node:vote.yes", "node:vote.no",
  "node:vote.ballots", "node:vote.tally", "node:vote.tieBreak", "node:vote.result", "node:reservation.reservants",
  "node:reservation.andOthers", "node:reservation.favouring", "node:reservation.written", "node:reservation.receivedAt",
  "node:special_statement.persons", "node:special_statement.andOthers", "node:protocol_note.persons",
  "node:protocol_note.andOthers", "node:substitute_statement.persons", "node:substitute_statement.andOthers",
  "node:recusal.persons", "node:ordered_list.style", "node:ordered_list.start", "node:item_ref.target",
]);
