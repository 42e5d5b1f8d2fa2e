import { protocolTemplate } from "./protocolTemplate.js";

/** Kommunfullmäktige: two justerare besides the chair; no ersättaryttrande. */
export const kommunfullmaktige = protocolTemplate("kommunfullmaktige", "Kommunfullmäktige", {
  name: "Kommunfullmäktige",
  type: "kommunfullmäktige",
  municipality: null,
  reglemente: { adjusters: 2, substituteStatements: false, firstItemNumber: 1, members: 101, dnrPattern: "^KS \\d{4}/\\d+$" },
});
