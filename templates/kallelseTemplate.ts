/**
 * Kallelse templates: one per body, with the same body and reglemente as its protocol template
 * (id "kallelse-<protocol template id>", so the protocol created from it finds its own template).
 * The template's one ärende is a placeholder the secretary replaces or fills by importing
 * tjänsteskrivelser.
 */
import { agendaDoc, agendaEntry } from "../schemas/agenda/agendaEntry.js";
import { createFile } from "../schemas/file.js";
import type { Template, NewDocumentOptions } from "./template.js";

export function kallelseTemplate(protocol: Template): Template {
  return {
    id: `kallelse-${protocol.id}`,
    name: `Kallelse – ${protocol.name}`,
    kind: "kallelse",
    phrases: [],
    create(options: NewDocumentOptions = {}) {
      const body = options.body ?? protocol.create().meta.body;
      return createFile(
        "kallelse",
        {
          template: `kallelse-${protocol.id}`,
          body,
          meeting: { date: options.date ?? null },
          summons: {},
        },
        agendaDoc(agendaEntry({ title: "…" })),
      );
    },
  };
}
