import { answerDoc, p, question } from "../schemas/build.js";
import { createFile } from "../schemas/file.js";
import type { Phrase, Template } from "./template.js";

const phrases: Phrase[] = [
  {
    key: "tack",
    label: "Tack till interpellanten",
    text: "Jag vill inledningsvis tacka interpellanten för en interpellation i ett viktigt ämne.",
  },
  {
    key: "för",
    label: "Interpellantens första fråga",
    text: "När det gäller interpellantens första fråga …",
  },
  { key: "and", label: "Den andra frågan", text: "Vad gäller den andra frågan …" },
  {
    key: "ställ",
    label: "Har ställt följande frågor",
    text: "… har i sin interpellation ställt följande frågor till mig:",
  },
];

/** Svar på interpellation: title, Dnr, the questions, the answer, place, date and signature (the place is the municipality's, filled in). */
export const interpellationssvar: Template = {
  id: "interpellationssvar",
  name: "Svar på interpellation",
  kind: "interpellationssvar",
  phrases,
  create(options = {}) {
    const doc = answerDoc(
      "Svar på interpellation av … om …",
      p("… har i sin interpellation ställt följande frågor till mig:"),
      question("…"),
      p(""),
    );
    return createFile(
      "interpellationssvar",
      {
        template: "interpellationssvar",
        body: options.body ?? { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
        interpellation: { date: options.date ?? null, place: null },
      },
      doc,
    );
  },
};
