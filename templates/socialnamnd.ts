import { protocolTemplate } from "./protocolTemplate.js";

/** A nämnd of Stockholms stad: 13 ledamöter, one justerare besides the chair, ersättaryttrande allowed. */
export const socialnamnd = protocolTemplate("socialnamnd", "Socialnämnd", {
  name: "Socialnämnden",
  type: "nämnd",
  municipality: null,
  reglemente: { adjusters: 1, substituteStatements: true, firstItemNumber: 1, members: 13, dnrPattern: "^\\d+(\\.\\d+)*-\\d+/\\d{4}$" },
});
