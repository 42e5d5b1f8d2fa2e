/** Standard phrases shared by the protocol templates. "…" marks where the secretary fills in. */
import type { Phrase } from "./template.js";

export const protocolPhrases: Phrase[] = [
  { key: "enl", label: "Enligt förvaltningens förslag", text: "Nämnden beslutade enligt förvaltningens förslag till beslut." },
  { key: "bak", label: "Ställde sig bakom förslaget", text: "Nämnden ställde sig bakom förvaltningens förslag till beslut." },
  {
    key: "mot",
    label: "Förslag mot varandra",
    text: "Ordföranden ställde framställda förslag till beslut mot varandra och fann att nämnden beslutat enligt förvaltningens förslag.",
  },
  { key: "han", label: "Läggs till handlingarna", text: "Informationen läggs till handlingarna." },
  { key: "tack", label: "Tackade för informationen", text: "Nämnden tackade för informationen." },
  { key: "tju", label: "Tjänsteutlåtande daterat", text: "Förvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat den …" },
  { key: "god", label: "Godkänner tjänsteutlåtandet", text: "Nämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen." },
  { key: "dag", label: "Dagordningen godkändes", text: "Den utsända dagordningen godkändes." },
  { key: "res", label: "Reserverade sig", text: "reserverade sig mot beslutet till förmån för det egna förslaget." },
  { key: "ins", label: "Instämde i uttalandet", text: "instämde i det särskilda uttalandet." },
  { key: "omr", label: "Omröstning begärdes", text: "Omröstning begärdes och verkställdes." },
  { key: "åter", label: "Återremiss", text: "Ärendet återremitteras till förvaltningen." },
];
