import { protocolTemplate } from "./protocolTemplate.js";

/** A nämnd: one justerare besides the chair; the number of ledamöter, the Dnr pattern and whether ersättare may speak are the reglemente's. */
export const socialnamnd = protocolTemplate("socialnamnd", "Socialnämnd", {
  name: "Socialnämnden",
  type: "nämnd",
  municipality: null,
  reglemente: {
    adjusters: 1,
    substituteStatements: false,
    firstItemNumber: 1,
    members: null,
    dnrPattern: null,
  },
});
