/** Builder of an `agenda_entry` (kallelse) for templates, the importer and tests. */
import type { Node } from "prosemirror-model";
import { background, decision, p } from "../build.js";
import { newId } from "../ids.js";
import { schema } from "../schema.js";

export interface AgendaEntrySpec {
  id?: string;
  title: string;
  dnr?: string | null;
  /** Förslag till beslut, one string per point. */
  proposal?: string[];
  /** Sammanfattning, one string per paragraph. */
  summary?: string[];
  /** Beslutsunderlag, one document per line. */
  documents?: string[];
  presenter?: string;
  information?: boolean;
  confidential?: string | null;
  forCouncil?: boolean;
  withdrawn?: boolean;
  extra?: boolean;
  recipients?: string[];
}

export function agendaEntry(spec: AgendaEntrySpec): Node {
  const s = schema.nodes;
  const content: Node[] = [s.item_title.create(null, spec.title ? schema.text(spec.title) : null)];
  if (spec.dnr) content.push(s.dnr.create(null, schema.text(spec.dnr)));
  const points = (spec.proposal ?? []).filter((x) => x.trim());
  if (points.length) content.push(decision(...points));
  const summary = (spec.summary ?? []).filter((x) => x.trim());
  if (summary.length) content.push(background(...summary));
  const docs = (spec.documents ?? []).filter((x) => x.trim());
  if (docs.length)
    content.push(
      s.supporting_documents.create(
        null,
        docs.map((d) => p(d)),
      ),
    );
  return s.agenda_entry.create(
    {
      id: spec.id ?? newId("a"),
      presenter: spec.presenter ?? "",
      information: spec.information ?? false,
      confidential: spec.confidential ?? null,
      forCouncil: spec.forCouncil ?? false,
      withdrawn: spec.withdrawn ?? false,
      extra: spec.extra ?? false,
      recipients: spec.recipients ?? [],
    },
    content,
  );
}

export const agendaDoc = (...entries: Node[]) => schema.nodes.doc.create(null, entries);
