/**
 * Protocol templates differ in their body and reglemente; the opening items are the same. A
 * template holds no municipality's values: the number of members, the Dnr pattern and whether
 * ersättare may speak come from the body's reglemente (Mötesuppgifter → Reglemente, or a body saved
 * in the workspace and offered by "Ny", `withBody`).
 */
import { decision, item, protocol } from "../schemas/build.js";
import { createFile } from "../schemas/file.js";
import type { Body } from "../schemas/meta.js";
import { ADJUSTMENT_ITEM_TITLE, adjustmentItemText } from "../schemas/openingItems.js";
import { protocolPhrasesFor } from "./phrases.js";
import type { NewDocumentOptions, Template } from "./template.js";

export function protocolTemplate(
  id: string,
  name: string,
  body: Body,
  phrases = protocolPhrasesFor(body.type),
): Template {
  return {
    id,
    name,
    kind: "protokoll",
    phrases,
    create(options: NewDocumentOptions = {}) {
      const chosen = options.body ?? body;
      const doc = protocol(
        item(
          { title: ADJUSTMENT_ITEM_TITLE },
          decision(
            adjustmentItemText({
              persons: [],
              adjusters: [],
              chair: null,
              adjustment: { date: null, place: null },
            }),
          ),
        ),
        item(
          { title: "Godkännande av dagordning" },
          decision("Den utsända dagordningen godkänns."),
        ),
      );
      return createFile(
        "protokoll",
        {
          template: id,
          body: {
            ...chosen,
            reglemente: {
              ...chosen.reglemente,
              firstItemNumber: options.firstItemNumber ?? chosen.reglemente.firstItemNumber,
            },
          },
          meeting: { date: options.date ?? null },
        },
        doc,
      );
    },
  };
}
