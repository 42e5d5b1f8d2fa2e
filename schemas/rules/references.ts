/**
 * The legal references of the rules, in ONE table so they can be corrected in one place.
 *
 * `citation` is shown in the UI only when `verified`; otherwise the rule is shown with its `basis`
 * and no paragraph number. RULES.md marks some references "(verify)": for those the statute text
 * itself was searched for (Kommunallagen 2017:725 on lagen.nu / riksdagen.se / processratt.se) but
 * the paragraph text could not be read from the sources available, so they stay unverified even
 * where municipal guides cite the same paragraph. `source` says what was found.
 */
export interface RuleReference {
  /** The paragraph, e.g. "KL 4 kap. 27 §". */
  citation: string | null;
  /** What the rule rests on, shown when there is no verified citation: "Kommunallagen", "praxis". */
  basis: string;
  verified: boolean;
  /** Where the reference was checked, or why it is not cited. */
  source: string;
}

const KL = "Kommunallagen (2017:725)";
const practice = (basis = "praxis"): RuleReference => ({
  citation: null,
  basis,
  verified: false,
  source: "Praxis; ingen lagparagraf.",
});
const unverified = (candidate: string, found: string): RuleReference => ({
  citation: null,
  basis: KL,
  verified: false,
  source: `RULES.md anger ${candidate} (verify). Lagtexten kunde inte läsas i de källor som fanns; ${found}`,
});
const given = (citation: string, basis: string, source: string): RuleReference => ({
  citation,
  basis,
  verified: true,
  source,
});

const KL_5_67 =
  "RULES.md (ej markerad verify). Innehållet i 5 kap. 67 § (punkterna 1–6) återges ordagrant av Alingsås kommuns kurs ”Protokollets innehåll” (kurser.alingsas.se/topics/protokollets-innehall). Gäller nämnder genom 6 kap. 35 §.";
const KL_4_27 = "RULES.md (ej markerad verify).";

export const references: Record<string, RuleReference> = {
  numbering: practice(),
  "item-title": practice(),
  "decision-required": given("KL 5 kap. 67 § punkt 4", KL, KL_5_67),
  "attendance-listed": unverified(
    "KL 5:66",
    "Göteborgs och Hultsfreds politikerhandböcker beskriver kravet men citerar ingen paragraf.",
  ),
  adjusters: practice("praxis och reglemente"),
  "adjustment-date": given(
    "KL 5 kap. 69 §, 6 kap. 35 §; lag (1930:173) om beräkning av lagstadgad tid 2 §",
    KL,
    "RULES.md, rättelser och tillägg (ej verify): 14 dagar enligt KL 5:69 (6:35 för nämnder); lag (1930:173) 2 § läst på lagen.nu/1930:173. Fjortondagarsgränsen bekräftas av Sigtuna, Munkedal, Hultsfred och Göteborg.",
  ),
  "dnr-format": practice(),
  quorum: unverified(
    "KL 6:27 (nämnd), 5:45 (fullmäktige)",
    "Karlsborgs kommun citerar 6:27; Hultsfreds reglemente återger regeln utan paragraf.",
  ),
  "proposer-serving": unverified("KL 6:17", "ingen källa hittades."),
  "reservant-eligible": given("KL 4 kap. 27 §", KL, KL_4_27),
  "reservant-lost": given("KL 4 kap. 27 §", KL, `${KL_4_27} Regelns syfte, inte dess ordalydelse.`),
  "reservation-favouring": practice(),
  "recusal-absent": given(
    "KL 6 kap. 28–32 §§ (nämnd); 5 kap. (fullmäktige)",
    KL,
    "RULES.md, rättelser och tillägg (nämnd: KL 6:28–32, en jävig får inte närvara, 6:30; fullmäktige: 5 kap., en jävig får stanna men inte delta). Källor enligt RULES.md: lagboken.se SFS 2022:638 (KL 6:28), hultsfred.se (jävsformer).",
  ),
  "substitute-statement-allowed": practice("reglemente"),
  "no-rotation": practice(
    "praxis och reglemente (Karlsborgs kommun: växeltjänstgöring är inte tillåten utom efter jäv)",
  ),
  "vote-voters-serving": given("KL 5 kap. 67 § punkt 5", KL, KL_5_67),
  "vote-total": practice("härlett"),
  "vote-result": given(
    "KL 4 kap. 26 §; JO 2571-1999",
    KL,
    "RULES.md, rättelser och tillägg: utslagsröst har bara den ordförande som röstat (KL 4:26, JO 2571-1999).",
  ),
  "vote-propositions": given("KL 5 kap. 67 § punkterna 2–3", KL, KL_5_67),
  "duty-to-vote": unverified(
    "KL 4:25 (rätt att avstå) och 6:27",
    "RULES.md, rättelser och tillägg: visas utan paragrafnummer tills det bekräftats; Alingsås kommuns kurs (avstå och reservation) beskriver rätten att avstå.",
  ),
  "proposals-recorded": given("KL 5 kap. 67 § punkterna 1–2", KL, KL_5_67),
  "written-reservation-deadline": given("KL 4 kap. 27 §", KL, KL_4_27),
  "immutable-after-adjustment": given(
    "FL 36 §; JO 581-2013",
    "Förvaltningslagen (2017:900), JO:s praxis",
    "RULES.md, rättelser och tillägg: rättelse av skrivfel, räknefel eller förbiseende (FL 36 §), JO 581-2013 läst på lagen.nu/avg/jo/581-2013. TF 2:10 stöder inte regeln och citeras inte.",
  ),
  "decision-wording-changed": given(
    "JO 3339-2013",
    "JO:s praxis",
    "RULES.md (ej markerad verify).",
  ),
  "notice-dates": given(
    "KL 8 kap. 12 §, 13 kap. 5 §; lag (1930:173) 2 §",
    KL,
    "RULES.md (ej markerad verify); andra dagen efter justering och tre veckor bekräftas av Munkedals och Göteborgs kommuners vägledningar; att anslaget sitter uppe hela överklagandetiden av Göteborgs politikerhandbok (”Efter sammanträdet”).",
  ),
  "confidential-masked": {
    citation: null,
    basis: "offentlighets- och sekretesslagen (2009:400), dataskyddsförordningen",
    verified: false,
    source: "RULES.md anger OSL och GDPR utan paragraf.",
  },
  "questions-present": practice(),
  "questions-answered": practice(),
  signature: practice(),
  "dnr-present": practice(),
  placeholders: practice(),
  "decision-unconfirmed": practice(),
  attachments: practice(),
  "summons-timing": unverified(
    "KL 5 kap. 12 § (fullmäktige: tid och plats anslås minst en vecka före sammanträdesdagen); för nämnder reglementet",
    "kommunernas anslagstavlor beskriver veckan före fullmäktiges sammanträde; den äldre lydelsen (KL 1977:179 2 kap. 10 §, SFS 1986:96) säger ”minst en vecka före sammanträdesdagen”.",
  ),
  "adjustment-stated": given(
    "KL 5 kap. 69 §",
    `${KL} och praxis`,
    "RULES.md, rättelser och tillägg (KL 5:69, praxis).",
  ),
  "authority-decision": given(
    "FL 32–33 §§",
    "Förvaltningslagen (2017:900)",
    "RULES.md, rättelser och tillägg (motivering FL 32 §, överklagandehänvisning FL 33 §).",
  ),
  "fullmaktige-questions": given("KL 5 kap. 68 §", KL, "RULES.md, rättelser och tillägg."),
  "substitute-order": practice("reglemente och praxis (inkallelseordning)"),
  "interpellation-parties": given(
    "KL 5 kap. 59–63 §§",
    `${KL}, arbetsordning`,
    "RULES.md, rättelser och tillägg.",
  ),
  "interpellation-timing": given(
    "KL 5 kap. 63 §",
    KL,
    "RULES.md, rättelser och tillägg (”bör besvaras vid det sammanträde som följer närmast”).",
  ),
};

/** The reference a Problem carries: the citation when verified, otherwise null. */
export function referenceFor(rule: string): string | null {
  const r = references[rule];
  return r && r.verified ? r.citation : null;
}
