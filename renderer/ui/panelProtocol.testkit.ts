/**
 * A short protocol written for the panels' tests: three §§ (ids a1…a3, numbered from 7), a chair,
 * one justerare, a secretary, a member who is replaced by an ersättare from the second §, and a
 * jäv in the third. Invented names only.
 */
import * as b from "../../schemas/build.js";
import { createFile, type ProtokollFile } from "../../schemas/file.js";

export function panelProtocol(): ProtokollFile {
  return createFile(
    "protokoll",
    {
      body: { name: "Testnämnden", reglemente: { adjusters: 1, firstItemNumber: 7 } },
      meeting: { date: "2031-05-06", start: "09:00", end: "10:00", place: "Sammanträdesrummet" },
      persons: [
        { id: "ord", name: "Olga Ordförande", party: "A", role: "chair" },
        { id: "jus", name: "Jens Justerare", party: "B", role: "member" },
        { id: "led", name: "Lea Ledamot", party: "C", role: "member" },
        { id: "ers", name: "Erik Ersättare", party: "C", role: "substitute" },
        { id: "sek", name: "Siv Sekreterare", party: null, role: "secretary" },
      ],
      attendance: [
        { person: "ord", status: "serving" },
        { person: "jus", status: "serving" },
        { person: "led", status: "serving", to: "a1" },
        { person: "led", status: "present", from: "a2" },
        { person: "ers", status: "serving", from: "a2", replaces: "led" },
      ],
      recusals: [{ person: "jus", item: "a3" }],
      chair: "ord",
      secretary: "sek",
      adjusters: ["jus"],
    },
    b.protocol(
      b.item(
        { id: "a1", title: "Val av justerare" },
        b.decision("Jens Justerare utses att justera protokollet."),
      ),
      b.item({ id: "a2", title: "Budget för nästa år" }, b.decision("Nämnden antar budgeten.")),
      b.item(
        { id: "a3", title: "Bidrag till föreningen" },
        b.decision("Nämnden beviljar bidraget."),
      ),
    ),
  );
}
