/**
 * Realistic synthetic protocols of N §§, deterministic from a seed: varied §§ with long
 * backgrounds, decisions with points, several yrkanden, votes with every serving member's vote,
 * reservations by those who lost, särskilda uttalanden and ersättaryttranden, attendance changes
 * during the meeting and jäv. Used by `npm run bench` and by tests that need a large document.
 */
import type { Node } from "prosemirror-model";
import * as b from "../schemas/build.js";
import { createFile, type ProtokollFile } from "../schemas/file.js";
import type { AttendanceEntry, MetaInput, Person, Recusal } from "../schemas/meta.js";

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "förvaltningen nämnden staden socialtjänsten uppdraget redovisningen insatser verksamheten " +
  "kvalitet uppföljning budget stadsdelsnämnderna samverkan barn unga äldre funktionsnedsättning " +
  "ekonomiskt bistånd hemlöshet riktlinjer bedömning rapporten granskningen förslaget remissen " +
  "kommunstyrelsen tjänsteutlåtande samt enligt inom under genom därför också vilket avseende " +
  "utvecklingsarbete kompetens personal rättssäkerhet för den enskilde brukarperspektiv och att " +
  "det är har ska kan bör med av till på i om som vid från efter år prognos underskott mnkr"
).split(" ");

const FIRST = [
  "Anna",
  "Erik",
  "Maria",
  "Lars",
  "Karin",
  "Johan",
  "Eva",
  "Per",
  "Lena",
  "Anders",
  "Sara",
  "Mikael",
  "Elin",
  "Ahmed",
  "Fatima",
  "Olof",
  "Ingrid",
  "Nils",
  "Sofia",
  "Jonas",
  "Linnea",
  "Hassan",
  "Britt",
  "Gustav",
  "Emma",
  "Oskar",
];
const LAST = [
  "Andersson",
  "Johansson",
  "Karlsson",
  "Nilsson",
  "Eriksson",
  "Larsson",
  "Olsson",
  "Persson",
  "Svensson",
  "Gustafsson",
  "Pettersson",
  "Jonsson",
  "Lindberg",
  "Lindqvist",
  "Berg",
  "Holm",
  "Sandberg",
  "Ek",
  "Åkerström",
  "Öberg",
  "Wallin",
  "Sjöberg",
  "Hedlund",
  "Björk",
  "Falk",
  "Nyström",
];
const PARTIES = ["S", "M", "V", "L", "C", "MP", "KD", "SD"];

export interface GenerateOptions {
  items: number;
  seed?: number;
}

export function generateProtocol({ items: n, seed = 1 }: GenerateOptions): ProtokollFile {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const words = (count: number) => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(pick(WORDS));
    const s = out.join(" ");
    return s[0]!.toUpperCase() + s.slice(1) + ".";
  };
  const sentences = (count: number, len = 14) =>
    Array.from({ length: count }, () => words(len + Math.floor(r() * 8))).join(" ");

  // 13 ledamöter and 13 ersättare, parties spread.
  const persons: Person[] = [];
  for (let i = 0; i < 26; i++) {
    const role = i === 0 ? "chair" : i === 1 ? "vice_chair" : i < 13 ? "member" : "substitute";
    persons.push({
      id: `m${i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      party: PARTIES[i % PARTIES.length]!,
      role,
      title: null,
    });
  }
  persons.push({
    id: "sec",
    name: "Sekreterare Sekretariatsson",
    party: null,
    role: "secretary",
    title: "nämndsekreterare",
  });
  const members = persons.filter((p) => p.role !== "substitute" && p.role !== "secretary");
  const substitutes = persons.filter((p) => p.role === "substitute");

  const ids = Array.from({ length: n }, (_, i) => `p${i + 1}`);
  const attendance: AttendanceEntry[] = [];
  const recusals: Recusal[] = [];
  // Member 5 leaves after a third of the meeting; substitute 0 serves for them from there.
  const leave = Math.max(0, Math.floor(n / 3) - 1);
  for (const m of members) {
    if (m.id === "m5" && n > 3)
      attendance.push({
        person: m.id,
        status: "serving",
        from: null,
        to: ids[leave]!,
        replaces: null,
      });
    else attendance.push({ person: m.id, status: "serving", from: null, to: null, replaces: null });
  }
  // Member 12 is absent: substitute 1 serves for the whole meeting.
  attendance.splice(
    attendance.findIndex((a) => a.person === "m12"),
    1,
  );
  attendance.push({
    person: substitutes[1]!.id,
    status: "serving",
    from: null,
    to: null,
    replaces: "m12",
  });
  if (n > 3)
    attendance.push({
      person: substitutes[0]!.id,
      status: "serving",
      from: ids[leave + 1]!,
      to: null,
      replaces: "m5",
    });
  for (const s of substitutes.slice(2))
    attendance.push({ person: s.id, status: "present", from: null, to: null, replaces: null });
  attendance.push({ person: "sec", status: "present", from: null, to: null, replaces: null });

  const itemNodes: Node[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    const variant = i < 2 ? i : 2 + Math.floor(r() * 4);
    if (i === 0) {
      itemNodes.push(
        b.item(
          { id, title: "Val av justerare och dag för justering" },
          b.decision(`${persons[1]!.name} utses att jämte ordföranden justera dagens protokoll.`),
        ),
      );
      continue;
    }
    if (i === 1) {
      itemNodes.push(
        b.item(
          { id, title: "Godkännande av dagordning" },
          b.decision("Den utsända dagordningen godkänns."),
        ),
      );
      continue;
    }
    const title = words(6 + Math.floor(r() * 8)).replace(/\.$/, "");
    const dnr = `${1 + Math.floor(r() * 8)}.${1 + Math.floor(r() * 5)}.1-${100 + Math.floor(r() * 800)}/2026`;
    const blocks: Node[] = [
      b.decision(
        ...Array.from({ length: 1 + Math.floor(r() * 3) }, () => words(10 + Math.floor(r() * 10))),
      ),
      b.background(
        ...Array.from({ length: 2 + Math.floor(r() * 4) }, () =>
          sentences(3 + Math.floor(r() * 4)),
        ),
      ),
    ];
    // Jäv in every 17th §.
    if (i % 17 === 5) {
      recusals.push({ person: "m7", item: id });
      blocks.push(b.recusal(["m7"]));
    }
    if (variant >= 3) {
      // Contested: 2–3 yrkanden, beslutsordning, often a vote, reservation by the losers.
      const y1 = b.proposal({
        id: `${id}y1`,
        by: ["m0", "m3"],
        subject: "förvaltningens förslag till beslut",
      });
      const y2 = b.proposal(
        { id: `${id}y2`, kind: "eget_förslag", by: ["m2"], andOthers: ["m2"] },
        sentences(2),
      );
      const props = [y1, y2];
      if (variant === 5) props.push(b.proposal({ id: `${id}y3`, kind: "återremiss", by: ["m6"] }));
      blocks.push(
        ...props,
        b.procedure({ order: props.map((p) => p.attrs.id as string), adopted: `${id}y1` }),
      );
      if (variant >= 4) {
        const ballots = members
          .filter(
            (m) =>
              m.id !== "m12" && !(m.id === "m5" && i > leave) && !(m.id === "m7" && i % 17 === 5),
          )
          .map((m, k) => ({ person: m.id, vote: (k % 3 === 2 ? "nej" : "ja") as "ja" | "nej" }));
        ballots.push({ person: substitutes[1]!.id, vote: "ja" });
        if (i > leave) ballots.push({ person: substitutes[0]!.id, vote: "nej" });
        blocks.push(b.vote({ id: `${id}v`, yes: `${id}y1`, no: `${id}y2`, ballots, result: "ja" }));
      }
      blocks.push(
        b.reservation(
          { by: ["m2"], andOthers: ["m2"], favouring: `${id}y2`, written: true },
          sentences(3),
        ),
      );
      blocks.push(b.specialStatement({ by: ["m4"] }, sentences(2)));
      blocks.push(b.substituteStatement({ by: [substitutes[3]!.id] }, "Instämde i reservationen."));
    } else {
      blocks.push(b.procedure({}, "Nämnden beslutade enligt förvaltningens förslag till beslut."));
      if (r() < 0.3) blocks.push(b.protocolNote({ by: ["m8"] }, sentences(1)));
    }
    if (r() < 0.3) blocks.push(b.p("Se även ", b.ref(ids[Math.floor(r() * i)]!), "."));
    if (r() < 0.2) blocks.push(b.distribution("Samtliga stadsdelsnämnder", "Kommunstyrelsen"));
    itemNodes.push(b.item({ id, title, dnr }, ...blocks));
  }

  const meta: MetaInput = {
    template: "socialnamnd",
    body: {
      name: "Socialnämnden",
      type: "nämnd",
      reglemente: { adjusters: 1, substituteStatements: true, firstItemNumber: 1, members: 13 },
    },
    meeting: { date: "2026-11-17", start: "17:00", end: "21:30", place: "Stadshuset, rum 1" },
    persons,
    attendance,
    recusals,
    chair: "m0",
    secretary: "sec",
    adjusters: ["m1"],
    adjustment: { date: "2026-11-24", place: "Socialförvaltningen" },
    notice: { keptAt: "Socialförvaltningen, Swedenborgsgatan 20", posted: null },
  };
  return createFile("protokoll", meta, b.protocol(...itemNodes));
}
