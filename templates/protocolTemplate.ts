/** Protocol templates differ in their body and reglemente; the opening items and phrases are the same. */
import { decision, item, protocol } from "../schemas/build.js";
import { createFile } from "../schemas/file.js";
import type { Body } from "../schemas/meta.js";
import { protocolPhrases } from "./phrases.js";
import type { NewDocumentOptions, Template } from "./template.js";

export function protocolTemplate(id: string, name: string, body: Body, extraPhrases = protocolPhrases): Template {
  return {
    id,
    name,
    kind: "protokoll",
    phrases: extraPhrases,
    create(options: NewDocumentOptions = {}) {
      const doc = protocol(
        item({ title: "Val av justerare och dag för justering" }, decision("… utses att jämte ordföranden justera dagens protokoll. Justering sker …")),
        item({ title: "Godkännande av dagordning" }, decision("Den utsända dagordningen godkänns.")),
      );
      return createFile("protokoll", {
        template: id,
        body: { ...body, reglemente: { ...body.reglemente, firstItemNumber: options.firstItemNumber ?? body.reglemente.firstItemNumber } },
        meeting: { date: options.date ?? null },
      }, doc);
    },
  };
}
