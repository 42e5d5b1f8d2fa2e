/** Swedish labels for the model's identifiers: one place for the words the UI and exports use. */
import type { PersonRole, Status, BodyType } from "./meta.js";
import type { ProposalKind } from "./attrs.js";
import type { ItemBlockName } from "./schema.js";

export const roleLabel: Record<PersonRole, string> = {
  chair: "ordförande",
  vice_chair: "vice ordförande",
  second_vice_chair: "2:e vice ordförande",
  member: "ledamot",
  substitute: "ersättare",
  secretary: "sekreterare",
  official: "tjänsteperson",
  other: "övrig",
};

/** The form used before a name in running text: "Ledamoten Lina Vinter (SD)". */
export const roleDefinite: Record<PersonRole, string> = {
  chair: "ordföranden",
  vice_chair: "vice ordföranden",
  second_vice_chair: "2:e vice ordföranden",
  member: "ledamoten",
  substitute: "ersättaren",
  secretary: "sekreteraren",
  official: "",
  other: "",
};

export const statusLabel: Record<Status, string> = {
  draft: "Utkast",
  in_review: "För justering",
  adjusted: "Justerad",
};

export const bodyTypeLabel: Record<BodyType, string> = {
  nämnd: "Nämnd",
  kommunstyrelse: "Kommunstyrelse",
  kommunfullmäktige: "Kommunfullmäktige",
  annan: "Annat organ",
};

export const proposalKindLabel: Record<ProposalKind, string> = {
  bifall: "bifall",
  avslag: "avslag",
  återremiss: "återremiss",
  bordläggning: "bordläggning",
  ändring: "ändring",
  tillägg: "tillägg",
  eget_förslag: "eget förslag",
};

export const blockLabel: Record<ItemBlockName, string> = {
  decision: "Beslut",
  background: "Ärendet",
  decision_procedure: "Beslutsordning",
  proposal: "Yrkande",
  vote: "Omröstning",
  reservation: "Reservation",
  special_statement: "Särskilt uttalande",
  protocol_note: "Protokollsanteckning",
  substitute_statement: "Ersättaryttrande",
  recusal: "Jäv",
  distribution: "Expedieras till",
};

/** "Socialnämnden" → "Socialnämndens"; names ending in s get no extra s. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** The first line of an import report that lists the §§ the importer was unsure of (the editor shows them as a bar). */
export const IMPORT_CHECK_HEADING = "§§ att kontrollera efter import";
