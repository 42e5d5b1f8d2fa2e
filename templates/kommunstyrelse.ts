import { protocolTemplate } from "./protocolTemplate.js";

/** Kommunstyrelsen: one justerare besides the chair; the number of ledamöter and the Dnr pattern are the municipality's own. */
export const kommunstyrelse = protocolTemplate("kommunstyrelse", "Kommunstyrelse", {
  name: "Kommunstyrelsen",
  type: "kommunstyrelse",
  municipality: null,
  reglemente: {
    adjusters: 1,
    substituteStatements: false,
    firstItemNumber: 1,
    members: null,
    dnrPattern: null,
  },
});
