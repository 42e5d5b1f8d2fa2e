/**
 * The importer's one vocabulary: every heading, label, role word and verb that Swedish protocols
 * use, as data. The stages (cleanLines → parseProtocol/parseHeader → sectionsOf → classify → blocks)
 * read their words from here; a municipality's own wording is added here, with a short test text
 * in lexicon.test.ts (see docs/import.md). Patterns, never names: no municipality, person, date or
 * Dnr of a real document belongs in this file.
 */
import type { ItemBlockName } from "../../schemas/schema.js";

export type SectionKind = ItemBlockName | "none";

/** The heading of the list of §§ to check after an import, in the report and in the editor's bar. */
export { IMPORT_CHECK_HEADING as CHECK_HEADING } from "../../schemas/labels.js";

// ---- stage 1: page furniture ----

/** "§ 81 forts", "Forts. § 7", "ON § 12 (forts.)   Dnr 2001/3": the § goes on on a new page. */
export const CONTINUED_ITEM_RE =
  /^(?:forts(?:\.|ättning)?\s*(?:av\s+)?(?:\p{Lu}{1,5}\s*)?§\s*\d+|(?:\p{Lu}{1,5}\s*)?§\s*\d+\s*[,:(]?\s*forts(?:\.|ättning)?\)?)(?:\s.*)?$/iu;

// ---- stage 2: the header ----

export type HeaderSection =
  | "body"
  | "members"
  | "serving_subs"
  | "present_subs"
  | "others"
  | "chair"
  | "secretary"
  | "adjusters"
  | "adjustment"
  | "meeting"
  | "place"
  | "date"
  | "notice"
  | "keptAt"
  | "ignore";

export const LABELS: [HeaderSection, RegExp][] = [
  ["body", /^(organ|nämnd|instans)$/i],
  [
    "members",
    /^(beslutande( ledamöter)?|närvarande ledamöter|ledamöter|ordinarie ledamöter|beslutande ledamot)$/i,
  ],
  ["serving_subs", /^(tjänstgörande ersättare|ersättare som tjänstgör|tjänstgörande ers\.?)$/i],
  [
    "present_subs",
    /^(ej tjänstgörande ersättare|icke tjänstgörande ersättare|närvarande ersättare|övriga ersättare|ersättare)$/i,
  ],
  [
    "others",
    /^(övriga (närvarande|deltagare|deltagande)|närvarande tjänstemän|närvarande tjänstepersoner|tjänstepersoner|tjänstemän|övriga|övriga som deltar|närvarande)$/i,
  ],
  ["chair", /^(ordförande)$/i],
  ["secretary", /^(sekreterare|protokollförare|vid protokollet)$/i],
  [
    "adjusters",
    /^(justerare|protokollsjusterare|protokolljusterare|justeringsperson(er)?|justerande|utses att justera|justerande ledamot|justerande ledamöter|justeras|justerandes signaturer)$/i,
  ],
  [
    "adjustment",
    /^(justeringens plats och tid|justeringens tid och plats|justering|justeringsdatum|tid och plats för justering|plats och tid för justering|justerat|justeringsdag)$/i,
  ],
  [
    "notice",
    /^(datum då anslaget sätts upp|datum för anslags uppsättande|anslaget sätts upp|anslag uppsatt|datum för anslag)$/i,
  ],
  ["keptAt", /^(förvaringsplats för protokollet|förvaringsplats|protokollet förvaras)$/i],
  ["meeting", /^(plats och tid|tid och plats|sammanträdets plats och tid)$/i],
  ["place", /^(plats|lokal|sammanträdesplats)$/i],
  ["date", /^(sammanträdesdatum|datum|mötesdatum|tid|sammanträdestid)$/i],
  [
    "ignore",
    /^(paragrafer|§§|underskrifter|signaturer|anslag\/bevis|anslagsbevis|bevis|organ|datum då anslaget tas ned|datum för anslags nedtagande|anslaget tas ned|underskrift|ärenden|innehåll|innehållsförteckning|ärendelista|se sid \d+)$/i,
  ],
];

// ---- stage 3: §§ and their Dnr ----

/** A Dnr line between "§ N" and the title, or under the title: "Dnr KS 2020/1", "Diarienummer: …", "Ärende nr 12/2024". */
export const DNR_LABEL_RE =
  /^(?:vårt\s+)?(?:dnr|diarienr|diarienummer|ärendenr|ärendenummer|ärende\s?nr|diarienummer:|dnr\s?nr)\.?\s*:?\s*(\S.{0,80})$/i;

/**
 * A line under the title that says what kind of matter it is, a subtitle rather than the title's
 * continuation: "Motion den 5 mars 2001 av …", "Medborgarförslag …", "Yttrande till …", "Inkom …".
 */
export const SUBTITLE_RE =
  /^(motion|medborgarförslag|e-förslag|yttrande|remiss(svar)?|inkom|inkommen|skrivelse|initiativärende|interpellation|fråga|stadsbyggnadsprojekt|projekt|ärende från|svar på)\b/iu;

// ---- stage 4: sections of a § ----

/**
 * The heading that starts a list of who receives the decision: "Expedieras till", "Protokollsutdrag
 * (skickas) till", "Beslutet skickas till", "Sändlista", "Utdrag", "Exp" — in a protocol's § and in a
 * tjänsteskrivelse alike (main/agenda/parseOfficerReport.ts). Matched against the whole heading,
 * its colon removed.
 */
export const RECIPIENTS_HEADING_RE =
  /^(expedieras( till)?|expediering|exp|beslutet (skickas|expedieras|sänds|ska skickas|ska expedieras) till|sändlista|för kännedom till|skickas till|för kännedom|(protokolls)?utdrag( (skickas|sänds|expedieras))? till|protokollsutdrag|utdrag|kopia till|beslutet delges|delges)$/i;

/** Headings, matched against a whole short line (a trailing colon is allowed). */
export const HEADINGS: [SectionKind, RegExp][] = [
  [
    "proposal",
    /^(förslag till beslut (på|under) sammanträdet|förslag under sammanträdet|yrkanden på sammanträdet)$/iu,
  ],
  // an utskott that only proposes: "Förslag till beslut i kommunstyrelsen" is its decision
  [
    "decision",
    /^(förslag till beslut|förlag till beslut|beslutsförslag)\s+(till|i|för)\s+\p{L}+$/iu,
  ],
  // "Förslag till kommunstyrelsen", "Förslag till barn- och utbildningsnämnden": a proposal to a body
  [
    "decision",
    /^förslag\s+till\s+(?:[\p{L}-]+\s+){0,3}[\p{L}-]*(?:nämnd|styrelse|fullmäktige|utskott|beredning)[\p{L}]*$/iu,
  ],
  // "Fritidsnämndens beslutsförslag till kommunfullmäktige": the body's own proposal
  ["decision", /^\p{Lu}[\p{L}-]*(\s+[\p{L}-]+){0,2}?s\s+beslutsförslag\s+(till|i)\s+\p{L}+$/iu],
  // "FÖRSLAG – Kommunfullmäktige": the body's proposal to another body is its decision
  ["decision", /^(förslag|beslutsförslag)\s*[–-]\s*\p{L}+$/iu],
  [
    "background",
    /^(ärendet?|ärendebeskrivning|bakgrund|sammanfattning( av ärendet)?|beskrivning av ärendet|ärendet i korthet|ärendets beredning|beslutsunderlag|handlingar i ärendet|förslag till beslut|(förvaltningens|arbetsutskottets|utskottets|kontorets|[\p{L}-]+s) förslag( till beslut)?|yttrande|beslutsmotivering|motivering( till beslutet)?|skäl(en)? för beslutet)$/iu,
  ],
  [
    "decision",
    /^((\p{Lu}[\p{L}-]*(\s+och\s+[\p{L}-]+)?\s+)?beslut|[Bb]eslut|[Bb]eslut i ärendet|(\p{Lu}[\p{L}-]*)\s+(beslutar|beslöt|beslutade)|\p{Lu}[\p{L}-]*s förslag till (kommunfullmäktige|fullmäktige|kommunstyrelsen|nämnden)|\p{Lu}[\p{L}-]*(nämnd|styrelse|utskott|beredning|fullmäktige)(en|et|n)?s förslag till [\p{L}-]*(fullmäktige|styrelsen|nämnden))$/u,
  ],
  [
    "decision_procedure",
    /^(beslutsordning|propositionsordning|beslutsgång|proposition|propositionsordning och beslut|beslutsgång och omröstning|yrkanden och beslutsgång|handläggning)$/i,
  ],
  ["proposal", /^(yrkanden?|yrkanden under sammanträdet|förslag och yrkanden)$/i],
  [
    "vote",
    /^(omröstning(ar)?|votering|omröstningsresultat|voteringsresultat|omröstningslista|voteringslista|omröstningsprotokoll)$/i,
  ],
  ["reservation", /^(reservation(er)?|reservationer och särskilda uttalanden)(\s*\(.{1,40}\))?$/i],
  [
    "special_statement",
    /^(särskil(t|da)\s+(uttalande|uttalanden|yttrande|yttranden))(\s*\(.{1,40}\))?$/i,
  ],
  [
    "protocol_note",
    /^(protokollsanteckning(ar)?|anteckning(ar)?|anteckning till protokollet)(\s*\(.{1,40}\))?$/i,
  ],
  ["substitute_statement", /^(ersättaryttrande(n)?|ersättarnas yttrande)(\s*\(.{1,40}\))?$/i],
  ["recusal", /^(jäv|jäv anmäls|anmälan om jäv)$/i],
  // Expedieras till / Protokollsutdrag (skickas) till / Beslutet skickas till / Utdrag: / Exp: — filled into the §'s list of recipients
  ["distribution", RECIPIENTS_HEADING_RE],
];

/**
 * A line that is one of the headings above ("Förslag till beslut i kommunstyrelsen"): it heads a
 * section of a § even where it is repeated on many pages like a running header.
 */
export const isSectionHeading = (text: string): boolean => {
  const label = text.replace(/[\s:.]+$/, "").trim();
  return HEADINGS.some(([, re]) => re.test(label));
};

/** Labels of a document's head that end a list of recipients (an appended document begins): "Datum", "Dnr", "Bilaga 2". */
export const RECIPIENT_NOT_A_NAME_RE =
  /^(datum|dnr|diarienummer|sida|bilaga|bilagor|handläggare|ärende|innehåll|innehållsförteckning|beslutsunderlag|sammanfattning|ärendet|bakgrund)\b/i;

// ---- stage 4: the points of a decision ----

/**
 * A body that decides, at the start of a sentence: "Kommunfullmäktige", "Nämnden", "Barn- och
 * utbildningsnämnden", "Kommunstyrelsens arbetsutskott" (a genitive s, as a typing slip, allowed).
 */
const ORGAN =
  "(?=\\p{Lu})(?:[\\p{L}-]+\\s+och\\s+)?[\\p{L}-]*?(?:[Nn]ämnd|[Ss]tyrelse|[Ff]ullmäktige|[Uu]tskott|[Bb]eredning|[Dd]irektion)(?:en|et|n)?s?(?:\\s+[\\p{L}-]*(?:utskott|beredning)(?:et|en)?)?";
/**
 * A sentence in which a body decides, its verb in the present tense: "Kommunfullmäktige godkänner …",
 * "Nämnden antar …", "Barn- och utbildningsnämnden fastställer …". Not "Nämnden har …", "… är …",
 * nor the body's reasoning ("Nämnden anser …", "… bedömer …").
 */
export const DECIDING_ORGAN_RE = new RegExp(
  `^${ORGAN}\\s+(?!(?:är|har|var|hade|ska|skall|kan|får|bör|vill|anser|bedömer|menar|tycker)\\b)\\p{Ll}+(?:ar|er|r)\\b|^${ORGAN}\\s+(?:vice\\s+)?ordförande\\b[^.]{0,160}\\butses\\b`,
  "u",
);
/**
 * The reasoning under a decision written without a heading of its own ("Nämnden anser att …",
 * "Skälet till beslutet är …"): it explains the point above it and is not a point of its own.
 */
export const DECISION_REASON_RE = new RegExp(
  `^${ORGAN}\\s+(?:anser|bedömer|menar|tycker)\\b|^(?:skälet|skälen|motiveringen|bakgrunden)\\s`,
  "iu",
);
/** A lead that only says who decides, as the generated heading does: "Nämnden beslutar att:". */
export const DECISION_LEAD_RE =
  /^\p{Lu}[\p{L}-]*(\s+och\s+[\p{L}-]+)?\s+(beslutar|beslöt|beslutade)(\s+att)?\s*:?$/u;
/**
 * A lead that says the points are a proposal to another body, or that introduces them: "Kommunstyrelsen
 * föreslår kommunfullmäktige fatta följande beslut.", "Utskottet föreslår nämnden besluta:",
 * "Nämnden beslutar följande:". It stays the decision's text, above its points.
 */
export const PROPOSING_LEAD_RE =
  /^\p{Lu}[^.:]{0,160}\b(?:föreslår|föreslog|förslår)\b[^.:]{0,80}\b(?:besluta|beslutar|beslut)(?:\s+(?:enligt\s+)?följande)?\s*[.:]?$|^\p{Lu}[^.:]{0,160}\b(?:beslutar|beslöt|beslutade|föreslår|föreslog)\b[^.:]{0,40}\s(?:följande|enligt följande)\s*:?$/u;
/**
 * A remark after a decision's points that is not a point of its own: what is said about "the
 * decision" (it is justerad at once, taken under a delegation, valid on a condition, cannot be
 * appealed), how long what was decided is valid, the motion answered by the points above.
 */
export const DECISION_CLOSING_RE =
  /^(?:detta\s+)?beslut(?:et)?\s|^\p{Lu}[\p{L}-]*\s+gäller\s+(?:från|fr\.\s?o\.\s?m|till|t\.\s?o\.\s?m|tills|under)\b|^(?:beslutet|paragrafen|protokollet)(?:\s+i\s+denna\s+paragraf)?\s+(?:justeras|förklaras|förklarades|justerades)\s+omedelbart|^(?:beslutet|paragrafen)\s+förklaras\s+omedelbart\s+justera[dt]|^beslutet\s+(?:går|kan)\s+inte\s+(?:att\s+)?överklagas?|^(?:motionen|medborgarförslaget|e-förslaget|initiativärendet)\s+(?:är|anses)\s+(?:därmed|härmed|med\s+detta)\s+(?:färdigbehandlad|färdigbehandlat|besvarad|besvarat|behandlad|behandlat)/iu;

// ---- stage 5: sentences ----

/**
 * A party written without brackets after a name, as some templates do ("Eva Ek KD: Bifall …",
 * "Eva Ek SD och Per Lind M deltar inte"): only the national parties' letters, and only where a
 * colon, a comma, "och"/"samt" or a verb follows (group 1: the party).
 */
export const BARE_PARTY_RE =
  /^\s+(S|M|V|C|L|KD|MP|SD|FP)(?=\s*[:,]|\s+(?:och|samt|yrkar|yrkade|reserverar|reserverade|deltar|deltog|lät|låter|anmäler|anmälde|instämmer|föreslår)\b)/u;

/** Verbs that open a yrkande after the persons, present and past tense. */
export const PROPOSAL_VERB_RE = /^\s*,?\s*(yrkade|yrkar|yrkande|föreslår|föreslog)\b/i;
/** Others joining a yrkande or reservation: "…, med instämmande av Y (S) och Z (V), bifall till …" (group 1: who). */
export const JOINED_BY_RE =
  /^(?:,\s*)?med\s+instämmande\s+(?:av|från)\s+(.+?)\s*,\s*(?=bifall|avslag|att\s|återremi|bordl|tillägg|ändring|eg(?:et|na)\b|det\s+egna|sitt\b|i\s+första|i\s+andra|förslag)/iu;
/** Verbs of a reservation. */
export const RESERVATION_VERB_RE = /^\s*,?\s*(reserverade|reserverar)\s+sig/i;
/** Verbs of a protocol note written as a sentence: "X (M) lät anteckna följande", "X anmäler en protokollsanteckning". */
export const NOTE_VERB_RE =
  /^\s*,?\s*(lät|låter)\s+(gemensamt\s+)?anteckna|^\s*,?\s*(anmäler|anmälde|lämnar|lämnade)\s+(en\s+)?protokollsanteckning/i;
/** Organisations are not persons: "Region <län>", "<ort>s kommun", "…förvaltningen", "… AB" — patterns, not names. */
export const ORGANISATION_RE =
  /^(Region|Länsstyrelsen|Landstinget)\s|\s(kommun|stad|region)$|\p{Ll}(förvaltning|nämnd|styrelse|kontor|myndighet|verk)(en|et)?$|^(Förvaltning|Nämnd|Styrelse|Kontor|Myndighet)(en|et)$|\s(AB|HB|KB)$/u;

// ---- stage 6: votes and what was adopted ----

/**
 * How a vote's propositions are written; group 1 is what a ja-vote supports, group 2 a nej-vote:
 * "Ja för bifall till förvaltningens förslag, nej för bifall till Anna Eks yrkande",
 * "Den som vill bifalla X röstar ja, den som vill bifalla Y röstar nej",
 * "Ja-röst för X och nej-röst för Y", "Ja-röst innebär bifall till X; nej-röst innebär bifall till Y".
 */
export const PROPOSITION_RES: RegExp[] = [
  /\bja[- ]?röst(?:en)?\s+(?:för|innebär|=)\s+(?:bifall\s+till\s+)?([^,;]+?)[,;.]?\s*(?:och\s+)?nej[- ]?röst(?:en)?\s+(?:för|innebär|=)\s+(?:bifall\s+till\s+)?([^,;.]+)/i,
  /\bden som vill (?:bifalla|att nämnden bifaller|stödja)\s+([^,;]+?)\s+röstar ja[,;]?\s*(?:och\s+)?den som vill (?:bifalla|att nämnden bifaller|stödja)\s+([^,;.]+?)\s+röstar nej/i,
  /(?:^|[.:;]\s*|\s)ja\s+för\s+(?:bifall\s+till\s+)?([^,;]+?)\s*[,;]\s*(?:och\s+)?nej\s+för\s+(?:bifall\s+till\s+)?([^,;.]+)/i,
];

/**
 * What the chair found adopted: "… ställer proposition på förslagen och finner att nämnden beslutar
 * enligt X", "… finner att X bifalls/har bifallits/antas", "… finner att nämnden bifaller X".
 */
export const ADOPTED_RES: RegExp[] = [
  /\bfinner\s+att\s+(?:[\p{L}-]+\s+){0,3}?(?:har\s+)?(?:beslutar|beslutat|beslutade)\s+(?:i\s+enlighet\s+med|enligt)\s+([^.;]+)/iu,
  /\bfinner\s+att\s+(?:[\p{L}-]+\s+){0,3}?(?:har\s+)?(?:bifaller|bifallit|biföll)\s+([^.;]+)/iu,
  /\bfinner\s+att\s+([^.;]+?)\s+(?:har\s+)?(?:bifalls|bifallits|antas|antagits|vunnit bifall)\b/iu,
  /\bfann\s+att\s+(?:[\p{L}-]+\s+){0,3}?(?:hade\s+)?(?:beslutat|beslutade)\s+(?:i\s+enlighet\s+med|enligt)\s+([^.;]+)/iu,
];
