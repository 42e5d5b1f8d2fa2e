/**
 * Documents for the export tests: a faithful rebuild of seed 002 (Socialnämnden, 25 augusti 2020)
 * with the document builder — §§ 5 and 7 with yrkanden, reservations and ersättaryttranden, § 8
 * with a särskilt uttalande, § 11 with two decision points, § 15 with the A–D list — and a small
 * document with sekretess and personnummer for the public version.
 */
import * as b from "../../schemas/build.js";
import { createFile, type ProtokollFile } from "../../schemas/file.js";
import type { HistoryEntry, MetaInput, Person } from "../../schemas/meta.js";
import { computeSeal } from "../../schemas/review/seal.js";

const person = (
  id: string,
  name: string,
  party: string | null,
  role: Person["role"],
  title: string | null = null,
): Person => ({ id, name, party, role, title });

export const seed002Persons: Person[] = [
  person("jj", "Jon Järvholm", "L", "chair"),
  person("ama", "Agnes Malmberg Åström", "V", "vice_chair"),
  person("ojp", "Olof-Johan Pettersén", "M", "member"),
  person("mmd", "Maria Molina Dahlberg", "MP", "member"),
  person("mh", "Mikaela Hedin", "KD", "member"),
  person("kg", "Kerstin Granlund", "S", "member"),
  person("ag", "Axel Gunnarsson", "S", "member"),
  person("lh", "Lovisa Hagström", "S", "member"),
  person("lv", "Linda Vall", "SD", "member"),
  person("ml", "Mats Larsson", "C", "member"),
  person("ks", "Kerstin Svensson", "V", "member"),
  person("jk", "Jonas Krook", "C", "substitute"),
  person("bhk", "Bengt Hård Kullberg", "V", "substitute"),
  person("arb", "Alva Rydén Berglöf", "Fi", "substitute"),
  person("lls", "Lisa Lindqvist Sterner", null, "official", "förvaltningschef"),
  person("sek", "Maria Sekreterare", null, "secretary", "nämndsekreterare"),
];

const members = ["jj", "ama", "ojp", "mmd", "mh", "kg", "ag", "lh", "lv"];

const MOTIVATION_5 = [
  "Stockholmarna har rätt att få klarhet kring hur deras gemensamt inbetalade skattemedel spenderas av stadens styrande politiker. Avsaknaden av transparens kring frågor som rör kostnader är ett misslyckande ur demokratisynpunkt.",
  "Den här sortens utredningar behövs även på kommunalnivå. Med anledning av det ovan nämnda anser vi att motionen ska bifallas i sin helhet.",
];

export function seed002(): ProtokollFile {
  const info = (id: string, title: string, ...blocks: b.Prose[]) =>
    b.item({ id, title }, ...blocks);
  const remiss = (
    id: string,
    title: string,
    dnr: string,
    decisionText: string,
    background: string,
    date: string,
    ...extra: b.Prose[]
  ) =>
    b.item(
      { id, title, dnr },
      b.decision(decisionText),
      b.background(
        background,
        `Förvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat den ${date}.`,
      ),
      ...extra,
    );
  const doc = b.protocol(
    info(
      "p1",
      "Godkännande av dagordning",
      b.decision([
        "Den utsända dagordningen godkändes med tillägg av skrivelse från (V), ",
        b.ref("p16"),
        ".",
      ]),
    ),
    info(
      "p2",
      "Val av justerare och dag för justering",
      b.decision(
        "Ordföranden Jon Järvholm och vice ordföranden Agnes Malmberg Åström utsågs att justera dagens protokoll. Ordföranden meddelade att justering sker måndag 31 augusti 2020.",
      ),
    ),
    info(
      "p3",
      "Förvaltningen informerar",
      b.p("Förvaltningschefen Lisa Lindqvist Sterner informerade om följande;"),
      b.p(
        "Sommaren har förflutit lugnt trots Coronaläget. Förvaltningens krisledning är fortsatt aktiverad och kommer att sammankallas varje vecka.",
      ),
      b.decisionProse("Nämnden tackade för informationen."),
    ),
    info(
      "p4",
      "Nämndens frågor till förvaltningen",
      b.p(
        "Vice ordföranden Agnes Malmberg Åström och ersättaren Alva Rydén Berglöf ställde fråga om att boenden för ensamkommande i Stadsmissionens regi läggs ner under sommaren.",
      ),
      b.decisionProse("Informationen läggs till handlingarna."),
    ),
    b.item(
      {
        id: "p5",
        title:
          "Motion (SD) om att klarlägga Stockholms stads kostnader för nyanlända, asylinvandring och illegala invandrare - svar till kommunstyrelsen KS 2020/393",
        dnr: "1.7.1-213/2020",
      },
      b.decision(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på motionen från (SD) om att klarlägga Stockholms stads kostnader för nyanlända, asylinvandring och illegala invandrare.",
      ),
      b.background(
        "Kommunstyrelsen har remitterat en motion från Peter Wallmark (SD) och Martin Westmont (SD) till socialnämnden m.fl. I motionen föreslås att staden ska tillsätta en utredning för att klarlägga stadens kostnader för nyanlända, flyktinginvandring och illegala invandrare.",
        "Förvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat den 11 augusti 2020.",
      ),
      b.procedure({ order: ["y5a", "y5c"], adopted: "y5a" }),
      b.proposal({
        id: "y5a",
        kind: "bifall",
        by: ["jj", "ojp", "mmd", "mh", "jk"],
        andOthers: ["ojp"],
      }),
      b.proposal({
        id: "y5b",
        kind: "bifall",
        by: ["ama", "kg"],
        andOthers: ["ama", "kg"],
        supports: "y5a",
        subject: "förvaltningens förslag",
      }),
      b.proposal({ id: "y5c", kind: "eget_förslag", by: ["lv"] }),
      b.reservation(
        { by: ["lv"], favouring: "y5c" },
        b.ol("decimal", "Att motionen tillstyrks", "Därutöver vill vi anföra följande:"),
        b.quote(...MOTIVATION_5),
      ),
      b.substituteStatement(
        { by: ["arb"] },
        b.quote(
          "Feministiskt initiativ instämmer i förvaltningens utlåtande i stort men vill tillägga en frågeställning kring motionärernas vision om vad utredningen egentligen ska svara på.",
        ),
      ),
    ),
    remiss(
      "p6",
      "Rekommendation om överenskommelse om samverkansregler för den offentligt finansierade hälso- och sjukvården, läkemedelsindustrin, medicintekniska industrin och laboratorietekniska industrin fr.o.m. 2020 - svar till kommunstyrelsen KS 2019/1954",
      "1.7.1-351/2020",
      "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar på remissen avseende rekommendation om överenskommelse om samverkansregler.",
      "Sedan flera år finns gemensamt överenskomna regler, kallade samverkansreglerna, om vad som gäller när hälso- och sjukvårdens och industrins medarbetare och chefer ska samverka med varandra.",
      "10 augusti 2020",
      b.procedure({}),
    ),
    b.item(
      {
        id: "p7",
        title:
          "Reglering av undersköterskeyrket – kompetenskrav och övergångsbestämmelser (Ds 2020:15) – svar till kommunstyrelsen KS 2020/871",
        dnr: "1.7.1-557/2020",
      },
      b.decision(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar till kommunstyrelsen på remiss av promemoria om Reglering av undersköterskeyrket – kompetenskrav och övergångsbestämmelser (Ds 2020:15).",
      ),
      b.background(
        "Förvaltningen föreslår att nämnden godkänner tjänsteutlåtandet som svar till kommunstyrelsen.",
        "Förvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat den 14 juni 2020.",
      ),
      b.procedure({ order: ["y7a", "y7b", "y7c"], adopted: "y7a" }),
      b.proposal({
        id: "y7a",
        kind: "bifall",
        by: ["jj", "ojp", "mmd", "mh", "jk"],
        andOthers: ["ojp"],
      }),
      b.proposal({ id: "y7b", kind: "eget_förslag", by: ["ama", "kg"], andOthers: ["ama", "kg"] }),
      b.proposal({ id: "y7c", kind: "eget_förslag", by: ["lv"] }),
      b.vote({
        id: "v7",
        yes: "y7a",
        no: "y7b",
        result: "ja",
        tieBreak: "chair",
        ballots: [
          { person: "jj", vote: "ja" },
          { person: "ojp", vote: "ja" },
          { person: "mmd", vote: "ja" },
          { person: "mh", vote: "ja" },
          { person: "jk", vote: "ja" },
          { person: "ama", vote: "nej" },
          { person: "kg", vote: "nej" },
          { person: "ag", vote: "nej" },
          { person: "lh", vote: "nej" },
          { person: "bhk", vote: "nej" },
          { person: "lv", vote: "avstår" },
        ],
      }),
      b.reservation(
        { by: ["ama", "bhk", "kg", "ag", "lh"], favouring: "y7b" },
        b.quote(
          b.ol(
            "decimal",
            "Socialnämnden godkänner delvis förvaltningens tjänsteutlåtande som svar till kommunstyrelsen.",
            "Därutöver anförs följande",
          ),
          "Det har länge funnits stora behov av att reglera undersköterskornas yrke. Slutligen behöver det tydliggöras hur man avser att tillgodose behoven kring kompetens och rekrytering.",
        ),
      ),
      b.substituteStatement(
        { by: ["arb"] },
        "Ersättaren instämde i förslag till beslut och reservation från (V), (S).",
      ),
    ),
    b.item(
      {
        id: "p8",
        title:
          "Slutbetänkande av utredningen om uppföljning av minoritetspolitiken – Högre växel i minoritetspolitiken (SOU 2020:27) – svar till kommunstyrelsen KS 2020/974",
        dnr: "1.7.1-544/2020",
      },
      b.decision(
        "Socialnämnden godkänner förvaltningens tjänsteutlåtande som svar till kommunstyrelsen på remiss om betänkandet (SOU 2020:27).",
      ),
      b.background(
        "Kommunstyrelsen har till socialnämnden remitterat slutbetänkandet. Förvaltningen ser positivt på förslagen.",
        "Socialförvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat den 6 augusti 2020.",
      ),
      b.procedure({}, "Nämnden ställde sig bakom förvaltningens förslag."),
      b.specialStatement(
        { by: ["ama", "kg"], andOthers: ["ama", "kg"] },
        b.quote(
          "Minoritetslagen förutsätter att kommuner inom förvaltningsområdena kan erbjuda till exempel omsorg på minoritetsspråk. En barnkonsekvensanalys i utredningen hade tydliggjort hur förslagen förhåller sig till barn och ungas rättigheter.",
        ),
      ),
      b.substituteStatement(
        { by: ["arb"] },
        "Ersättaren instämde i det särskilda uttalandet från (V), (S).",
      ),
    ),
    remiss(
      "p9",
      "Månadsrapport för juli månad 2020",
      "1.3.1-501/2020",
      "Socialnämnden godkänner månadsrapport för juli månad 2020.",
      "Rapporten redovisar ekonomiskt utfall och prognos för verksamheten.",
      "12 augusti 2020",
      b.procedure({}),
    ),
    b.item(
      {
        id: "p10",
        title: "Projektet ”Att höra till - Insatser för äldre i utsatta livssituationer”",
        dnr: "8.1.1-645/2020",
      },
      b.decision("Socialnämnden godkänner förvaltningens redovisning av projektet."),
      b.procedure({}),
    ),
    b.item(
      {
        id: "p11",
        title: "Kvalitetsgranskning Familjevård – hälsa, umgänge och delaktighet",
        subtitle: "Socialtjänstinspektörernas kvalitetsgranskning",
        dnr: "3.4.1-705/2019",
      },
      b.decision(
        "Socialnämnden godkänner socialtjänstinspektörernas rapport",
        "Socialnämnden överlämnar rapporten till samtliga stadsdelsnämnder",
      ),
      b.background(
        "Granskningen avser handläggningen av familjevård och omfattar Farsta, Hägersten-Liljeholmen och Norrmalm-Östermalm stadsdelsförvaltningar. Sammanlagt granskades 42 barnärenden.",
        "Socialförvaltningen hade redovisat ärendet i ett tjänsteutlåtande daterat den 12 augusti 2020.",
      ),
      b.procedure({}),
    ),
    remiss(
      "p12",
      "Delegation från stadsdelsnämnderna till funktionshinderinspektörer och socialtjänstinspektörer",
      "1.2.1-511/2020",
      "Socialnämnden godkänner förvaltningens förslag om delegation.",
      "Stadsdelsnämnderna har delegerat uppgifter till inspektörerna.",
      "10 augusti 2020",
      b.procedure({}),
    ),
    b.item(
      {
        id: "p13",
        title: "Ledsagning för inköp av dagligvaror",
        subtitle:
          "En översyn av möjligheterna till ledsagning och ledsagarservice för inköp av dagligvaror.",
        dnr: "3.1.1-483/2020",
      },
      b.decision("Socialnämnden godkänner förvaltningens översyn."),
      b.procedure({}),
      b.specialStatement(
        { by: ["ama", "kg"], andOthers: ["ama", "kg"] },
        b.quote("Vi välkomnar översynen men vill se en snabbare utbyggnad av ledsagarservicen."),
      ),
      b.substituteStatement(
        { by: ["arb"] },
        "Ersättaren instämde i det särskilda uttalandet från (V), (S).",
      ),
    ),
    b.item(
      {
        id: "p14",
        title: "Uppföljning av IOP utsatta EU-medborgare",
        subtitle: "Uppföljning av verksamheten under perioden 2019-11-01 till och med 2020-04-30.",
        dnr: "2.11.6-56/2019",
      },
      b.decision("Socialnämnden godkänner uppföljningen."),
      b.procedure({}),
      b.specialStatement(
        { by: ["ojp"], andOthers: ["ojp"] },
        b.quote("Det idéburna partnerskapet har fungerat väl."),
      ),
      b.specialStatement(
        { by: ["ama", "kg"], andOthers: ["ama", "kg"] },
        b.quote("Vi vill att partnerskapet utvecklas vidare."),
      ),
      b.substituteStatement(
        { by: ["arb"] },
        "Ersättaren instämde i det särskilda uttalandet från (V), (S).",
      ),
    ),
    info(
      "p15",
      "Anmälningsfrågor",
      b.ol(
        "upper-alpha",
        "Förvaltningsgruppens protokoll 2020-08-19",
        "Protokoll från funktionshinderrådet 2020-08-20",
        "Protokoll från individutskottets sammanträden 2020-05-04, 2020-06-16",
        "Tjänstemannabeslut",
      ),
      b.decisionProse("Anmälningsärendena läggs till handlingarna."),
    ),
    b.item(
      { id: "p16", title: "Skrivelse från (V) om frågan om sexköp" },
      b.decision(
        "Nämnden beslutar att uppdra till förvaltningen att bereda skrivelsen från (V) och återkomma till nämnden",
      ),
      b.specialStatement(
        { by: ["ama"], andOthers: ["ama"] },
        b.quote(
          "Under våren har frågan om sexköp varit uppe till debatt i såväl tidningar som program på TV.",
          "Med bakgrund mot detta vill vi ställa följande fråga till förvaltningen",
          b.ul(
            "Vilka förstärkningar behövs inom förvaltningens enheter exempelvis KAST och Framtid Stockholm för att detta förslag ska vara genomförbart?",
          ),
        ),
      ),
    ),
  );
  const meta: MetaInput = {
    template: "socialnamnd",
    body: {
      name: "Socialnämnden",
      type: "nämnd",
      municipality: "Stockholms stad",
      reglemente: {
        adjusters: 1,
        substituteStatements: true,
        firstItemNumber: 1,
        members: 13,
        dnrPattern: null,
      },
    },
    meeting: {
      date: "2020-08-25",
      start: "17:00",
      end: "19:40",
      place: "Socialförvaltningen, Swedenborgsgatan 20",
    },
    persons: seed002Persons,
    attendance: [
      ...members.map((p) => ({ person: p, status: "serving" as const })),
      { person: "jk", status: "serving", replaces: "ml" },
      { person: "bhk", status: "serving", replaces: "ks" },
      { person: "arb", status: "present" },
      { person: "lls", status: "present" },
      { person: "sek", status: "present" },
    ],
    chair: "jj",
    secretary: "sek",
    adjusters: ["ama"],
    adjustment: { date: "2020-08-31", place: "Socialförvaltningen" },
    notice: { keptAt: "Socialförvaltningen, Swedenborgsgatan 20, Stockholm", posted: "2020-09-01" },
    status: "adjusted",
  };
  return sealed(createFile("protokoll", meta, doc), ["jj", "ama"], "2020-08-31T10:00");
}

/** Justerad as schemas/review/adjust.ts does it: a history entry and the seal over the content. */
function sealed(file: ProtokollFile, by: string[], at: string): ProtokollFile {
  const entry: HistoryEntry = {
    at,
    by: "Jon Järvholm, Agnes Malmberg Åström",
    kind: "adjusted",
    what: "Justerat.",
    why: null,
    item: null,
    seal: null,
    previousSeal: null,
  };
  file.history.push(entry);
  const seal = { sha256: computeSeal(file), at, by };
  entry.seal = seal;
  file.meta.seal = seal;
  return file;
}

/** Valid personnummer (Luhn-correct) and look-alikes with a wrong check digit. */
export const VALID_PERSONAL_NUMBERS = [
  "811218-9876",
  "19811218-9876",
  "8112189876",
  "201212121212",
  "121212+1212",
];
export const INVALID_PERSONAL_NUMBERS = ["811218-9875", "19811218-9877", "1212121213"];
export const SECRET_TEXT = "Barnet Kalle Hemligsson placeras i familjehem enligt LVU";

/** A small protocol with a sekretess § and personnummer in the text and in the metadata. */
export function confidentialProtocol(): ProtokollFile {
  const doc = b.protocol(
    b.item({ id: "s1", title: "Godkännande av dagordning" }, b.decision("Dagordningen godkändes.")),
    b.item(
      { id: "s2", title: `Ansökan om bistånd för ${VALID_PERSONAL_NUMBERS[0]}` },
      b.background(
        `Den enskilde (${VALID_PERSONAL_NUMBERS[0]}) och hennes make ${VALID_PERSONAL_NUMBERS[1]} har ansökt. Ärendenummer ${INVALID_PERSONAL_NUMBERS[0]} och ${INVALID_PERSONAL_NUMBERS[2]}; samordning ${VALID_PERSONAL_NUMBERS[2]}.`,
      ),
      b.decision(
        `Ansökan från ${VALID_PERSONAL_NUMBERS[3]} och ${VALID_PERSONAL_NUMBERS[4]} bifalls. Fel kontrollsiffra: ${INVALID_PERSONAL_NUMBERS[1]}.`,
      ),
    ),
    b.item(
      { id: "s3", title: "Placering enligt LVU", confidential: "OSL 26 kap. 1 §" },
      b.background(SECRET_TEXT),
      b.decision("Nämnden beslutar i enlighet med förvaltningens förslag."),
    ),
  );
  return createFile(
    "protokoll",
    {
      body: { name: "Socialnämnden", reglemente: { adjusters: 1 } },
      meeting: { date: "2020-08-25" },
      persons: [
        person("o", "Anna Andersson", "S", "chair"),
        person("j", "Bo Berg", "M", "member"),
        person("s", `Sekreterare ${VALID_PERSONAL_NUMBERS[0]}`, null, "secretary"),
      ],
      attendance: [
        { person: "o", status: "serving" },
        { person: "j", status: "serving" },
      ],
      chair: "o",
      secretary: "s",
      adjusters: ["j"],
      adjustment: { date: "2020-08-31" },
      notice: { keptAt: "Socialförvaltningen", posted: "2020-09-01" },
    },
    doc,
  );
}
