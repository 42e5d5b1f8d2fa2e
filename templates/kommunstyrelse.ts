import { protocolTemplate } from "./protocolTemplate.js";

/** Kommunstyrelsen: 13 ledamöter, one justerare besides the chair; Dnr like "KS 2020/393". */
export const kommunstyrelse = protocolTemplate("kommunstyrelse", "Kommunstyrelse", {
  name: "Kommunstyrelsen",
  type: "kommunstyrelse",
  municipality: null,
  reglemente: { adjusters: 1, substituteStatements: false, firstItemNumber: 1, members: 13, dnrPattern: "^KS \\d{4}/\\d+$" },
});
