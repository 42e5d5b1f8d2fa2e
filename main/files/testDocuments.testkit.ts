/** Documents for the file tests: real `.protokoll` texts built with the document builder. */
import * as b from "../../schemas/build.js";
import { createFile, serialize } from "../../schemas/file.js";

/**
 * A protocol whose first § title is `title`, with `items` §§ of background text so that a save
 * takes long enough for a kill to land in the middle of it.
 */
export function protocolText(title: string, items = 1): string {
  const persons = [{ id: "ordf", name: "Anna Andersson", party: "S", role: "chair" as const }];
  const list = [b.item({ id: "p0", title }, b.decision("Dagordningen godkänns."))];
  for (let i = 1; i < items; i++)
    list.push(
      b.item(
        { id: `p${i}`, title: `Ärende ${i}` },
        b.background(`Förvaltningen har berett ärendet nummer ${i}. `.repeat(20)),
        b.decision(`Nämnden beslutar i ärende ${i} enligt förvaltningens förslag.`),
      ),
    );
  return serialize(
    createFile(
      "protokoll",
      { body: { name: "Socialnämnden" }, persons, chair: "ordf" },
      b.protocol(...list),
    ),
  );
}

export function answerText(title: string): string {
  return serialize(
    createFile(
      "interpellationssvar",
      { body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" } },
      b.answerDoc(
        title,
        b.p("Interpellanten har frågat."),
        b.question("Vad gör kommunen?"),
        b.p("Svaret är detta."),
      ),
    ),
  );
}
