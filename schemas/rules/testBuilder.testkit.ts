/**
 * A small builder for rule tests, on top of schemas/build.ts: a default roster of a nämnd (six
 * ledamöter, one absent and replaced by a tjänstgörande ersättare, one ersättare present without
 * serving, secretary and förvaltningschef), a ledger, and a complete protocol with no problems to
 * vary one thing at a time.
 */
import type { Node } from "prosemirror-model";
import * as b from "../build.js";
import { createFile, type Kind, type ProtokollFile } from "../file.js";
import type { AttendanceEntry, MetaInput } from "../meta.js";

export const roster = [
  { id: "jj", name: "Jon Järvholm", party: "L", role: "chair" as const },
  { id: "am", name: "Agnes Malmberg Åström", party: "V", role: "vice_chair" as const },
  { id: "op", name: "Olof-Johan Pettersén", party: "M", role: "member" as const },
  { id: "kg", name: "Kerstin Granlund", party: "S", role: "member" as const },
  { id: "lv", name: "Linda Vall", party: "SD", role: "member" as const },
  { id: "mh", name: "Mikaela Hedin", party: "KD", role: "member" as const },
  { id: "jk", name: "Jonas Krook", party: "C", role: "substitute" as const },
  { id: "ar", name: "Alva Rydén Berglöf", party: "Fi", role: "substitute" as const },
  { id: "sk", name: "Sara Karlsson", party: null, role: "secretary" as const },
  {
    id: "ll",
    name: "Lisa Lindqvist Sterner",
    party: null,
    role: "official" as const,
    title: "förvaltningschef",
  },
];

/** Who serves in every §: five ledamöter and Jonas Krook for Mikaela Hedin; Alva Rydén Berglöf, the secretary and the förvaltningschef present. */
export function ledger(): AttendanceEntry[] {
  const serving = (person: string, replaces: string | null = null): AttendanceEntry => ({
    person,
    status: "serving",
    from: null,
    to: null,
    replaces,
  });
  const present = (person: string): AttendanceEntry => ({
    person,
    status: "present",
    from: null,
    to: null,
    replaces: null,
  });
  return [
    serving("jj"),
    serving("am"),
    serving("op"),
    serving("kg"),
    serving("lv"),
    serving("jk", "mh"),
    present("ar"),
    present("sk"),
    present("ll"),
  ];
}

export function baseMeta(): MetaInput {
  return {
    body: {
      name: "Socialnämnden",
      type: "nämnd",
      reglemente: {
        adjusters: 1,
        substituteStatements: true,
        firstItemNumber: 1,
        members: 6,
        dnrPattern: "^\\d+(\\.\\d+)*-\\d+/\\d{4}$",
      },
    },
    meeting: { date: "2020-08-25", start: "18:00", end: "20:00", place: "Socialförvaltningen" },
    persons: roster,
    attendance: ledger(),
    chair: "jj",
    secretary: "sk",
    adjusters: ["lv"],
    adjustment: { date: "2020-08-31", place: "Socialförvaltningen" },
    notice: { keptAt: "Socialförvaltningen, Swedenborgsgatan 20", posted: null },
  };
}

/** The motion § of the complete protocol: two yrkanden, a vote, a reservation and an ersättaryttrande. */
export function motionItem(blocks?: Node[]): Node {
  return b.item(
    { id: "p2", title: "Motion om att klarlägga kostnader", dnr: "1.7.1-213/2020" },
    ...(blocks ?? [
      b.decision("Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på motionen."),
      b.background("Förvaltningen föreslår att motionen avstyrks."),
      b.procedure({ order: ["y1", "y2"], adopted: "y1" }),
      b.proposal({ id: "y1", by: ["op"], subject: "förvaltningens förslag till beslut" }),
      b.proposal({ id: "y2", kind: "eget_förslag", by: ["lv"] }),
      b.vote({
        id: "v1",
        yes: "y1",
        no: "y2",
        ballots: [
          { person: "jj", vote: "ja" },
          { person: "am", vote: "ja" },
          { person: "op", vote: "ja" },
          { person: "kg", vote: "ja" },
          { person: "jk", vote: "ja" },
          { person: "lv", vote: "nej" },
        ],
        result: "ja",
      }),
      b.reservation(
        { by: ["lv"], favouring: "y2", written: true, receivedAt: "2020-08-28T12:00" },
        "Motionen borde ha bifallits.",
      ),
      b.substituteStatement(
        { by: ["ar"] },
        "Feministiskt initiativ instämmer i förvaltningens utlåtande.",
      ),
    ]),
  );
}

export function items(): Node[] {
  return [
    b.item(
      { id: "p1", title: "Val av justerare" },
      b.decision("Linda Vall utses att jämte ordföranden justera protokollet."),
    ),
    motionItem(),
    b.item(
      { id: "p3", title: "Anmälan av delegationsbeslut" },
      b.decision("Anmälan läggs till handlingarna."),
    ),
  ];
}

export interface Case {
  kind: Kind;
  file: ProtokollFile;
}

/** A protocol from §§ and metadata changes (shallow over baseMeta). Goes through createFile, so references are valid. */
export function protocolFile(its: Node[] = items(), patch: Partial<MetaInput> = {}): ProtokollFile {
  return createFile("protokoll", { ...baseMeta(), ...patch }, b.protocol(...its));
}

/** A body with a different reglemente. */
export function withReglemente(patch: Record<string, unknown>): Partial<MetaInput> {
  const base = baseMeta().body!;
  return { body: { ...base, reglemente: { ...base.reglemente, ...patch } } };
}

/** A complete interpellationssvar. */
export function answerFile(
  parts?: (string | Node)[],
  ip: Record<string, unknown> = {},
): ProtokollFile {
  const doc = b.answerDoc(
    "Svar på interpellation av Agnes Malmberg Åström (V) om coronapandemins effekter på utsatta grupper",
    ...(parts ?? [
      "Agnes Malmberg Åström (V) har ställt följande frågor till mig:",
      b.question(
        "Vilka åtgärder ämnar borgarrådet vidta för personer som inte fått sina insatser utförda under pandemin?",
      ),
      b.question(
        "Hur planerar borgarrådet att komma tillrätta med det digitala utanförskapet hos utsatta grupper?",
      ),
      "När det gäller den första frågan ska beslutade insatser genomföras, och alternativa insatser beviljas när de inte kan utföras.",
      "Vad gäller den andra frågan får socialnämnden i uppdrag att minska det digitala utanförskapet.",
    ]),
  );
  return createFile(
    "interpellationssvar",
    {
      body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
      persons: [
        { id: "am", name: "Agnes Malmberg Åström", party: "V", role: "member" },
        { id: "jj", name: "Jon Järvholm", party: "L", role: "member", title: "socialborgarråd" },
      ],
      interpellation: {
        number: "2021:7",
        dnr: "KS 2021/1069",
        interpellant: "am",
        addressee: "jj",
        place: "Stockholm",
        date: "2022-01-05",
        signatory: "jj",
        ...ip,
      },
    },
    doc,
  );
}
