/**
 * Protocols in other municipal styles than the seeds, written for the importer's tests: a
 * kommunstyrelse with a table of contents, two-column attendance and Dnr on the § line; a
 * fullmäktige with "KF § 50" and a vote table; a nämnd with "Beslut:" labels, jäv and
 * protokollsanteckning; and PDF-style text with running headers, doubled lines and hyphenation.
 * The persons and matters are invented.
 */

/** Kommunstyrelse, Ciceron-like: labels in columns, ToC, "§ 114 2026.288 KS", Beslutsgång with a vote in prose. */
export const KOMMUNSTYRELSE = `Tierps kommun                      SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen                    Sammanträdesdatum 2026-03-10

Plats och tid        Kommunhuset, sammanträdesrum Älven, kl. 13.00–16.10

Ledamöter                              Tjänstgörande ersättare
Eva Lind (S), ordförande               Kent Ek (S) för Lars Berg (S) §§ 114-115
Per Ström (M), 1:e vice ordförande     Sara Holm (C) för Nils Dahl (C)
Anna Björk (S)
Lars Berg (S) §§ 116-117
Johan Ahl (SD)
Maria Sund (V)
Gustav Rask (M)

Ej tjänstgörande ersättare
Olle Kvist (M), Lisa Fors (KD)

Övriga närvarande
Karin Vik, kommundirektör
Tomas Lund, nämndsekreterare

Justerare                      Per Ström (M)
Justeringens plats och tid     Kommunhuset 2026-03-13

Underskrifter
Sekreterare                    Tomas Lund
Ordförande                     Eva Lind
Justerare                      Per Ström

Innehåll
§ 114 Godkännande av dagordning ........ 3
§ 115 Budgetuppföljning februari 2026 ........ 4
§ 116 Motion om gratis kollektivtrafik för pensionärer ........ 5
§ 117 Detaljplan för Skolgatan ........ 7

§ 114 2026.201 KS
Godkännande av dagordning

Beslut
Dagordningen godkänns.

§ 115 2026.288 KS
Budgetuppföljning februari 2026

Kommunstyrelsens beslut
att godkänna budgetuppföljningen för februari 2026,
att uppdra åt kommundirektören att återkomma med en åtgärdsplan i maj.

Sammanfattning
Ekonomiavdelningen har sammanställt budgetuppföljningen för februari. Prognosen visar
ett underskott om 4,2 miljoner kronor, främst inom vård och omsorg.

Beslutsgång
Ordföranden ställer proposition på arbetsutskottets förslag och finner att
kommunstyrelsen bifaller detsamma.

Anteckning
Maria Sund (V) lämnar följande anteckning till protokollet: Underskottet inom
äldreomsorgen måste mötas med tillskott, inte med besparingar.

Expedieras till
Ekonomiavdelningen
Kommundirektören

§ 116 2025.940 KS
Motion om gratis kollektivtrafik för pensionärer

Kommunstyrelsens förslag till kommunfullmäktige
Kommunfullmäktige beslutar
att avslå motionen.

Ärendebeskrivning
Maria Sund (V) har i en motion föreslagit att pensionärer över 75 år ska få åka
gratis med kollektivtrafiken i kommunen.

Yrkanden
Eva Lind (S) yrkar bifall till arbetsutskottets förslag.
Maria Sund (V) yrkar bifall till motionen.

Beslutsgång
Ordföranden ställer proposition på Eva Linds (S) yrkande och Maria Sunds (V) yrkande
och finner att kommunstyrelsen beslutar enligt Eva Linds (S) yrkande. Omröstning
begärs och verkställs. Ja-röst för Eva Linds (S) yrkande, nej-röst för Maria Sunds (V)
yrkande. Med 7 ja-röster mot 6 nej-röster beslutar kommunstyrelsen enligt Eva Linds (S)
yrkande.

Reservation
Maria Sund (V) reserverar sig mot beslutet till förmån för sitt eget yrkande.

§ 117 2026.077 KS
Detaljplan för Skolgatan

Jäv
Gustav Rask (M) anmäler jäv och deltar inte i handläggningen.

Beslut
Kommunstyrelsen antar detaljplanen för Skolgatan.

Beslutsunderlag
Planbeskrivning daterad 2026-02-01.
`;

/** Kommunfullmäktige: "KF § 50", Dnr on the § line, a vote table with X in columns, protokollsanteckning. */
export const FULLMAKTIGE = `Kommunfullmäktige
Protokoll
2025-06-16

Plats och tid: Stadshuset, Kalmar, måndagen den 16 juni 2025 kl. 18.00-21.30

Beslutande: Eva Lind (S), ordförande, Per Ström (M), Anna Björk (S), Johan Ahl (SD), Maria Sund (V), Lena Ros (L)
Sekreterare: Tomas Lund
Justerare: Per Ström (M) och Maria Sund (V)
Justeringens plats och tid: Stadshuset 2025-06-19

KF § 49
Val av justerare
Per Ström (M) och Maria Sund (V) utses att jämte ordföranden justera dagens protokoll.

KF § 50    Dnr KS 2025/112
Motion om solceller på kommunens tak

Kommunfullmäktiges beslut
1. Motionen bifalls.
2. Kommunstyrelsen får i uppdrag att ta fram en plan för solceller.

Yrkanden
Maria Sund (V) yrkar bifall till motionen.
Per Ström (M) yrkar avslag på motionen.

Propositionsordning
Ordföranden ställer proposition på bifall och avslag och finner att fullmäktige
bifaller motionen. Votering begärs.

Omröstning
Ja-röst för bifall till motionen, nej-röst för avslag.
Ledamot                   Ja     Nej    Avstår
Eva Lind (S)              X
Per Ström (M)                    X
Anna Björk (S)            X
Johan Ahl (SD)                   X
Maria Sund (V)            X
Lena Ros (L)                            X
Summa                     3      2      1

Protokollsanteckning
Johan Ahl (SD) antecknar att kostnaden inte är utredd.

Expedieras: Kommunstyrelsen, Samhällsbyggnadsförvaltningen
`;

/** A nämnd: "Beslut:" on the same line, "§5" without a space, vote lists, särskilt yttrande, one-column labels. */
export const NAMND = `Barn- och utbildningsnämnden
Sammanträdesdatum: 2024-11-20
Plats: Rådhuset, sal 3
Tid: 09.00–11.45

Närvarande ledamöter:
Karin Ek (KD), ordförande
Olof Berg (S), vice ordförande
Siv Ahl (M)
Bo Lund (C)
Åsa Nord (V)

Tjänstgörande ersättare:
Emil Sten (M) ersätter Mats Holm (M)

Sekreterare: Ida Falk
Justerare: Olof Berg

§5 Dnr BUN 2024/301
Skolskjuts för gymnasieelever
Beslut: Nämnden beslutar att införa fria skolskjutsar för gymnasieelever från
och med höstterminen 2025.
Ärendet
Förvaltningen har utrett kostnaden för skolskjuts till gymnasiet. Den beräknas till
1,8 miljoner kronor per år.
Yrkanden
Olof Berg (S) yrkar bifall till förvaltningens förslag.
Siv Ahl (M) yrkar återremiss för att utreda kostnaden vidare.
Beslutsgång
Först ställer ordföranden proposition på om ärendet ska avgöras i dag eller
återremitteras och finner att det ska avgöras i dag.
Omröstning
Ja: Karin Ek (KD), Olof Berg (S), Bo Lund (C), Åsa Nord (V)
Nej: Siv Ahl (M), Emil Sten (M)
Med 4 ja-röster mot 2 nej-röster beslutar nämnden att ärendet ska avgöras i dag.
Reservation
Siv Ahl (M) och Emil Sten (M) reserverar sig mot beslutet till förmån för
återremissyrkandet.
Särskilt yttrande
Åsa Nord (V): Vi välkomnar beslutet men vill se fria resor även för vuxenelever.

§6 Dnr BUN 2024/305
Delegationsordning
Beslut: Nämnden antar reviderad delegationsordning.
Jäv
Bo Lund (C) anmäler jäv och lämnar sammanträdet under ärendet.
Expedieras till
Förvaltningschefen
`;

/** PDF-like text: every line followed by a blank line, running headers with page numbers, hyphenation. */
export const PDF_LIKE = [
  "Bygg- och miljönämnden",
  "Sammanträdesprotokoll",
  "2024-05-14",
  "Sida 1 (3)",
  "",
  "§ 31",
  "Bygglov för tillbyggnad av en- och tvåbostadshus",
  "Dnr BMN 2024-118",
  " ",
  "Bygg- och miljönämndens beslut",
  "Nämnden beviljar bygglov för tillbyggnad med stöd av 9 kap. 30 § plan- och bygg-",
  "lagen. Åtgärden bedöms inte medföra betydande olägenhet för grannar eller funk-",
  "tionshindrade personer.",
  " ",
  "Ärendet",
  "Sökanden har ansökt om bygglov för en tillbyggnad om 25 kvadratmeter. Grannar har",
  "hörts och inga erinringar har kommit in. Förvaltningen bedömer att hälso-",
  "och miljöskyddet inte påverkas.",
  "Justerandes signatur",
  "Utdragsbestyrkande",
  "Bygg- och miljönämnden",
  "Sammanträdesprotokoll",
  "2024-05-14",
  "Sida 2 (3)",
  "Ansökan är komplett och avgiften är betald.",
  " ",
  "§ 32",
  "Tillsyn av enskilda avlopp",
  "Dnr BMN 2024-009",
  " ",
  "Bygg- och miljönämndens beslut",
  "Informationen läggs till handlingarna.",
  "Justerandes signatur",
  "Utdragsbestyrkande",
  "Bygg- och miljönämnden",
  "Sammanträdesprotokoll",
  "2024-05-14",
  "Sida 3 (3)",
]
  .map((l) => `${l}\n\n`)
  .join("");

/** An interpellation answer in another style: preamble lines, "Fråga 1:", signature with party and title on one line. */
export const ANSWER_OTHER_STYLE = `Interpellationssvar
Kommunfullmäktige 2023-09-25
Dnr KS 2023/0456

Svar på interpellation från Lisa Berg (C) till kommunstyrelsens ordförande Erik Holm (S) om bredband på landsbygden

Lisa Berg (C) har ställt följande frågor:

Fråga 1: Hur många hushåll saknar i dag bredband?
Fråga 2: När kommer utbyggnaden att vara klar?

Svar
Enligt den senaste kartläggningen saknar cirka 340 hushåll bredband med minst 100 Mbit/s.
Utbyggnaden sker i etapper och beräknas vara klar under 2026.

Kalmar den 20 september 2023

Erik Holm (S), kommunstyrelsens ordförande
`;

/** A protocol whose § numbers stand to the right of the titles, with "Följande ledamöter röstade …" and a separator rule. */
export const TITLE_BEFORE_NUMBER = `Miljö- och hälsoskyddsnämnden
Sammanträdesprotokoll 2022-02-08

Ordförande: Nora Lind (MP)
Justerare: Ali Demir (S)
Justering: 2022-02-10

Val av justerare                                              § 1
Ali Demir (S) utses att justera protokollet.
_____________________________________________________________________

Tillsynsplan 2022                                             § 2
Dnr MHN 2022/14
Beslut
Nämnden fastställer tillsynsplanen för 2022.
Omröstning
Följande ledamöter röstade ja: Nora Lind (MP), Ali Demir (S), Eva Strand (V)
Följande ledamöter röstade nej: Björn Alm (M), Lars Öst (KD)
Omröstningen utföll med 3 ja-röster och 2 nej-röster.
`;

/** Ciceron-like first page: labels with values in columns, signatures under their labels, the notice (anslag). Vote table with a party column. */
export const CICERON = `SAMMANTRÄDESPROTOKOLL
Sammanträdesdatum
2021-03-15
Kommunstyrelsen

Plats och tid          Kommunhuset, kl. 08.30-12.00
Beslutande             Se sid 2
Utses att justera      Anna Ek (S)
Justeringens           Kommunhuset 2021-03-17
plats och tid
Underskrifter          Sekreterare    ........................      Paragrafer 20-21
                       Anna Svensson
                       Ordförande     ........................
                       Per Persson
                       Justerande     ........................
                       Anna Ek

ANSLAG/BEVIS
Organ                              Kommunstyrelsen
Datum då anslaget sätts upp        2021-03-18
Datum då anslaget tas ned          2021-04-09
Förvaringsplats för protokollet    Kommunkansliet

Beslutande
Per Persson (M), ordförande
Anna Ek (S)
Olle Berg (C)
Kim Lund (SD)
Rut Dahl (V)

§ 20
Dnr KS 2021/88
Försäljning av fastigheten Rådhuset 1:4

Kommunstyrelsen beslutar
1. Fastigheten Rådhuset 1:4 säljs till högstbjudande.
2. Kommundirektören får i uppdrag att teckna köpeavtal.

Omröstningslista
Ledamot              Parti    Ja    Nej    Avstår
Per Persson          M        X
Anna Ek              S               X
Olle Berg            C        X
Kim Lund             SD       X
Rut Dahl             V               X
Resultat                      3     2      0

§ 21
Dnr KS 2021/95
Information om vaccinationsläget
Kommunstyrelsen beslutar att informationen läggs till handlingarna.
`;
