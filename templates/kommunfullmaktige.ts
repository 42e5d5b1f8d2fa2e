import { protocolTemplate } from "./protocolTemplate.js";

/** Kommunfullmäktige: two justerare besides the chair (the usual number); the rest of the reglemente is the municipality's own. */
export const kommunfullmaktige = protocolTemplate("kommunfullmaktige", "Kommunfullmäktige", {
  name: "Kommunfullmäktige",
  type: "kommunfullmäktige",
  municipality: null,
  reglemente: {
    adjusters: 2,
    substituteStatements: false,
    firstItemNumber: 1,
    members: null,
    dnrPattern: null,
  },
});
