/** A kallelse written for the tests (no real meeting): a nämnd, four ärenden, one that utgår and one extra. */
import { createFile } from "../file.js";
import type { MetaInput } from "../meta.js";
import { agendaDoc, agendaEntry } from "./agendaEntry.js";

export function testKallelse(
  entries = [
    agendaEntry({
      id: "a1",
      title: "Budget för nästa år",
      dnr: "SN 2030/1",
      proposal: ["Nämnden antar budgeten.", "Nämnden överlämnar budgeten till kommunstyrelsen."],
      summary: ["Förvaltningen har tagit fram en budget."],
      documents: ["Tjänsteskrivelse 2030-01-02"],
      recipients: ["Ekonomienheten"],
    }),
    agendaEntry({
      id: "a2",
      title: "Redovisning av delegationsbeslut",
      information: true,
    }),
    agendaEntry({
      id: "a3",
      title: "Motion om parkbänkar",
      dnr: "SN 2030/2",
      proposal: ["Motionen avslås."],
      withdrawn: true,
    }),
    agendaEntry({
      id: "a4",
      title: "Yttrande över remiss",
      dnr: "SN 2030/3",
      proposal: ["Nämnden yttrar sig enligt förvaltningens förslag."],
      extra: true,
    }),
  ],
  meta: Partial<MetaInput> = {},
) {
  return createFile(
    "kallelse",
    {
      body: { name: "Testnämnden", type: "nämnd" },
      meeting: { date: "2030-01-20", start: "18:00", place: "Sessionssalen" },
      persons: [
        { id: "o", name: "Olle Ordförande", party: "A", role: "chair" },
        { id: "l", name: "Lisa Ledamot", party: "B", role: "member" },
        { id: "e", name: "Erik Ersättare", party: "A", role: "substitute" },
        { id: "s", name: "Sara Sekreterare", role: "secretary" },
      ],
      summons: {
        issued: "2030-01-10",
        absenceTo: "nämndsekreteraren, tfn 000-000 00",
      },
      ...meta,
    },
    agendaDoc(...entries),
  );
}
