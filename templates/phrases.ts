/**
 * Standard phrases of the protocol templates, written for the body they are used in: "Nämnden …",
 * "Kommunstyrelsen …", "Fullmäktige …", and the förslag a § starts from as that body's protocols
 * call it. "…" marks where the secretary fills in (the placeholders rule flags it if left).
 */
import { defaultMotion } from "../schemas/generated.js";
import type { BodyType } from "../schemas/meta.js";
import type { Phrase } from "./template.js";

/** The body as the subject of a sentence. */
function bodySubject(type: BodyType): string {
  return type === "kommunfullmäktige"
    ? "Fullmäktige"
    : type === "kommunstyrelse"
      ? "Kommunstyrelsen"
      : "Nämnden";
}

export function protocolPhrasesFor(type: BodyType): Phrase[] {
  const body = bodySubject(type);
  const lower = body.toLowerCase();
  const motion = defaultMotion({ persons: [], body: { type } });
  return [
    { key: "enl", label: `Enligt ${motion}`, text: `${body} beslutade enligt ${motion}.` },
    {
      key: "bak",
      label: "Ställde sig bakom förslaget",
      text: `${body} ställde sig bakom ${motion}.`,
    },
    {
      key: "mot",
      label: "Förslag mot varandra",
      text: `Ordföranden ställde framställda förslag mot varandra och fann att ${lower} beslutat enligt ${motion}.`,
    },
    {
      key: "bma",
      label: "Bifall mot avslag",
      text: `Ordföranden ställde bifall mot avslag på ${motion} och fann att ${lower} beslutat att bifalla det.`,
    },
    {
      key: "han",
      label: "Läggs till handlingarna",
      text: "Informationen läggs till handlingarna.",
    },
    { key: "tack", label: "Tackade för informationen", text: `${body} tackade för informationen.` },
    {
      key: "tju",
      label: "Tjänsteskrivelse daterad",
      text: "Ärendet har beretts i en tjänsteskrivelse daterad den …",
    },
    { key: "dag", label: "Dagordningen godkändes", text: "Den utsända dagordningen godkändes." },
    {
      key: "res",
      label: "Reserverade sig",
      text: "reserverade sig mot beslutet till förmån för det egna förslaget.",
    },
    { key: "ins", label: "Instämde i uttalandet", text: "instämde i det särskilda uttalandet." },
    { key: "omr", label: "Omröstning begärdes", text: "Omröstning begärdes och verkställdes." },
    { key: "åter", label: "Återremiss", text: "Ärendet återremitteras för ytterligare beredning." },
  ];
}

/** The phrases of a nämnd's protocol. */
export const protocolPhrases: Phrase[] = protocolPhrasesFor("nämnd");
