/**
 * The inside of a §: headings ("Socialnämndens beslut", "Ärendet", "Beslutsgång", "Reservation" …)
 * split it into sections, and each section becomes typed blocks. Where there is no heading,
 * sentences are recognised by what they say ("… yrkar bifall till …", "… reserverar sig …",
 * "Omröstning …", "… anmäler jäv …"). Whatever is not recognised stays as ordinary paragraphs.
 */
import type { Node } from "prosemirror-model";
import type { ProposalKind } from "../../schemas/attrs.js";
import * as b from "../../schemas/build.js";
import {
  capitalised,
  readsAsName,
  recipientText,
  splitRecipients,
} from "../../schemas/splitRecipients.js";
import type { Line } from "./cleanLines.js";
import {
  HEADINGS,
  JOINED_BY_RE,
  RECIPIENT_NOT_A_NAME_RE,
  NOTE_VERB_RE,
  PROPOSAL_VERB_RE,
  RESERVATION_VERB_RE,
  type SectionKind,
} from "./lexicon.js";
import { linkVotes } from "./linkVotes.js";
import { joinLines, paragraphsOf } from "./paragraphs.js";
import { proseNodes } from "./proseNodes.js";
import { sentences } from "./sentences.js";
import { decisionFrom, decisionParagraphs } from "./decisionFrom.js";
import {
  leadingPersons,
  mentionsIn,
  NAME_RE,
  normParty,
  type Mention,
  type PersonRegister,
} from "./persons.js";

export type { SectionKind } from "./lexicon.js";

/** A heading line: its kind and any text after a colon on the same line. */
export function headingOf(text: string): { kind: SectionKind; rest: string | null } | null {
  if (!/^\p{Lu}/u.test(text)) return null;
  const colon = /^([^:]{2,50}):\s*(.*)$/.exec(text);
  if (!colon && text.length > 70) return null;
  let label = (colon ? colon[1]! : text).replace(/[\s:.]+$/, "").trim();
  // "KOMMUNSTYRELSENS BESLUT", "ÄRENDET": headings in capitals
  if (label.length > 2 && label === label.toUpperCase() && /\p{Lu}{3}/u.test(label))
    label = label[0] + label.slice(1).toLowerCase();
  if (label.split(/\s+/).length > 6) return null;
  for (const [kind, re] of HEADINGS)
    if (re.test(label)) {
      if (
        kind === "decision" &&
        !/^(\p{Lu}[\p{L}-]*(\s+och\s+[\p{L}-]+)?s?\s+)?beslut/iu.test(label) &&
        !/beslutar|beslöt|beslutade|förslag till|förlag till|beslutsförslag|^förslag\s*[–-]/i.test(
          label,
        )
      )
        continue;
      if (kind === "decision" && /^(Om|Till|Det|Den|Ett|En)\s/.test(label)) continue;
      return { kind, rest: colon && colon[2] ? colon[2] : null };
    }
  return null;
}

export interface Section {
  kind: SectionKind;
  heading: string | null;
  lines: Line[];
}

export function sectionsOf(lines: readonly Line[]): Section[] {
  const out: Section[] = [{ kind: "none", heading: null, lines: [] }];
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    let h = headingOf(l.text);
    // "FRITIDSNÄMNDENS BESLUTSFÖRSLAG TILL" + "KOMMUNFULLMÄKTIGE": a heading wrapped
    const next = lines[i + 1];
    if (!h && next && !next.breakBefore && /\s(till|i|för|och)$/i.test(l.text)) {
      const text = `${l.text} ${next.text}`;
      h = headingOf(text);
      if (h) {
        l = { ...l, text, raw: `${l.raw} ${next.raw}` };
        i++;
      }
    }
    const last = out[out.length - 1]!;
    if (
      h &&
      h.kind === "decision" &&
      last.kind === "decision" &&
      last.lines.length === 0 &&
      !h.rest
    ) {
      last.heading += ` / ${l.text}`; // "Kommunstyrelsens förslag till kommunfullmäktige" + "Kommunfullmäktige beslutar"
      continue;
    }
    // a separator rule under a decision ends it: what follows is the §'s other text
    if (!h && l.ruleBefore && last.kind === "decision" && last.lines.length) {
      out.push({ kind: "none", heading: null, lines: [l] });
      continue;
    }
    if (h) {
      const s: Section = { kind: h.kind, heading: l.text, lines: [] };
      if (h.rest) s.lines.push({ text: h.rest, raw: h.rest, breakBefore: false });
      out.push(s);
    } else out[out.length - 1]!.lines.push(l);
  }
  return out.filter((s) => s.heading !== null || s.lines.length > 0);
}

/** The § being built: its number (for ids), its proposals (for references), what was unsure. */
export interface ImportItemContext {
  number: number;
  register: PersonRegister;
  width: number;
  proposals: Node[];
  uncertain: string[];
  votes: number;
  /** The body's name, to recognise "Socialnämnden beslutar …". */
  bodyName: string | null;
  /** The § has an "Omröstning" section of its own. */
  voteSection?: boolean;
  /** The chair's name, for "Ordföranden yrkar …". */
  chairName?: string | null;
}

const paraTexts = (lines: readonly Line[], width: number) =>
  paragraphsOf(lines, width)
    .map((p) => joinLines(p.map((l) => l.text)))
    .filter(Boolean);

const STRIP_INTRO =
  /^(under (överläggningen|sammanträdet|ärendets behandling|debatten)|vid sammanträdet|i ärendet)\s*,?\s*/i;

type SentenceKind = "proposal" | "reservation" | "recusal" | "vote" | "other";

function classify(
  sentence: string,
  ctx?: ImportItemContext,
): { kind: SentenceKind; mentions: Mention[]; rest: string } {
  const c = classifyRaw(sentence, ctx?.chairName ?? null);
  // "Votering begärs." where the § has its own Omröstning section: procedure prose
  if (c.kind === "vote" && ctx?.voteSection && !tallyOf(sentence)) return { ...c, kind: "other" };
  return c;
}

function classifyRaw(
  sentence: string,
  chair: string | null,
): { kind: SentenceKind; mentions: Mention[]; rest: string } {
  const s = sentence.replace(STRIP_INTRO, "");
  let lp = leadingPersons(s);
  // "Ordföranden yrkar …" without a name: the meeting's chair
  const bare = /^ordföranden\s+(?=yrka|reserver)/i.exec(s);
  if (!lp.mentions.length && bare && chair)
    lp = {
      mentions: [
        { name: chair, party: null, role: "chair", andOthers: false, title: null, serving: false },
      ],
      end: bare[0].length,
    };
  const rest = s.slice(lp.end);
  if (lp.mentions.length) {
    if (PROPOSAL_VERB_RE.test(rest)) return { kind: "proposal", mentions: lp.mentions, rest };
    // "Anna Ek (S) lägger ett tilläggsyrkande: …"
    const laid =
      /^\s*,?\s*(lägger|lade|framställer|framställde|lämnar|lämnade)\s+(fram\s+)?(ett\s+)?(eget\s+)?(tilläggs|ändrings|avslags|återremiss)?yrkande(t|n)?\b\s*(om|med)?\s*:?/i.exec(
        rest,
      );
    if (laid) {
      const kind = laid[5]
        ? { tilläggs: "tillägg", ändrings: "ändring", avslags: "avslag", återremiss: "återremiss" }[
            laid[5].toLowerCase()
          ]
        : "att";
      const what = rest.slice(laid[0].length).trim();
      return {
        kind: "proposal",
        mentions: lp.mentions,
        rest: ` yrkar ${kind === "att" && /^att\s/i.test(what) ? "" : `${kind} `}${what}`,
      };
    }
    if (RESERVATION_VERB_RE.test(rest)) return { kind: "reservation", mentions: lp.mentions, rest };
    if (
      /^\s*,?\s*(anmäl(er|de)\s+jäv|deltar\s+inte|deltog\s+inte|är\s+jävig|var\s+jävig)/i.test(
        rest,
      ) &&
      /jäv/i.test(rest)
    )
      return { kind: "recusal", mentions: lp.mentions, rest };
  }
  if (
    /^\s*(omröstning|votering|sluten omröstning)\b|\bja-röst|\bnej-röst|\bröstar\s+(ja|nej)\b|\d+\s+ja[- ]?röster|\d+\s+ja\s+(mot|och)\s+\d+\s+nej/i.test(
      s,
    )
  )
    return { kind: "vote", mentions: [], rest: s };
  if (
    /^\s*(\(?\p{Lu}{1,3}\)?[- ]?(gruppen|ledamöterna|ledamoten)?|Sverigedemokraterna|Socialdemokraterna|Vänsterpartiet|Moderaterna|Centerpartiet|Liberalerna|Kristdemokraterna|Miljöpartiet)\s+reserver/u.test(
      s,
    )
  )
    return { kind: "reservation", mentions: [], rest: s };
  return { kind: "other", mentions: [], rest: s };
}

const clean = (s: string) =>
  s
    .replace(/^[\s,;:.–-]+/, "")
    .replace(/\s+/g, " ")
    .trim();

function resolveAll(
  ctx: ImportItemContext,
  mentions: Mention[],
): { ids: string[]; andOthers: string[] } {
  const ids: string[] = [];
  const andOthers: string[] = [];
  for (const m of mentions) {
    const id = ctx.register.resolve(m);
    if (!ids.includes(id)) ids.push(id);
    if (m.andOthers && !andOthers.includes(id)) andOthers.push(id);
  }
  return { ids, andOthers };
}

/** The proposal a phrase points at: "det egna förslaget", "Anna Eks yrkande", "avslagsyrkandet", "(S)-yrkandet". */
function proposalReferred(ctx: ImportItemContext, phrase: string, own: string[]): string | null {
  const p = phrase.toLowerCase();
  const by = (pred: (n: Node) => boolean) =>
    ctx.proposals.find(pred)?.attrs.id as string | undefined;
  if (/\beg(et|en|na)\b|\bsitt\b|\bsina\b/.test(p)) {
    const mine = (n: Node) => (n.attrs.proposers as string[]).some((x) => own.includes(x));
    return by((n) => mine(n) && n.attrs.kind === "eget_förslag") ?? by(mine) ?? null;
  }
  for (const kind of ["avslag", "återremiss", "bordläggning", "tillägg", "ändring"] as const)
    if (p.includes(kind.slice(0, 6))) {
      const found = by((n) => n.attrs.kind === kind);
      if (found) return found;
    }
  for (const n of ctx.proposals) {
    const persons = ctx.register.persons();
    for (const id of n.attrs.proposers as string[]) {
      const person = persons.find((x) => x.id === id);
      if (!person) continue;
      const last = person.name.split(" ").at(-1)!.toLowerCase();
      if (p.includes(last) || (person.party && p.includes(`(${person.party.toLowerCase()})`)))
        return n.attrs.id as string;
    }
  }
  const bySubject = by((n) => {
    const subject = String(n.attrs.subject).toLowerCase();
    return (
      subject.length > 3 &&
      (p.includes(subject) || subject.includes(p.replace(/^(bifall till|bifall)\s+/, "").trim()))
    );
  });
  if (bySubject) return bySubject;
  if (/förvaltningens|utskottets|kontorets|ursprungliga|liggande|huvudförslaget|styrelsens/.test(p))
    return (
      by(
        (n) =>
          n.attrs.kind === "bifall" &&
          p
            .split(/\s+/)
            .some((w) => w.length > 5 && String(n.attrs.subject).toLowerCase().includes(w)),
      ) ?? null
    );
  return null;
}

function proposalFrom(
  ctx: ImportItemContext,
  mentions: Mention[],
  rest: string,
  extra: string[],
): Node {
  const { ids, andOthers } = resolveAll(ctx, mentions);
  let t = clean(rest.replace(/^\s*,?\s*(yrkade|yrkar|yrkande|föreslår|föreslog)\s*(på\s+)?/i, ""));
  // "X (M) yrkar, med instämmande av Y (S) och Z (V), bifall till …": one yrkande, Y and Z join it
  const joined = JOINED_BY_RE.exec(t);
  if (joined) {
    for (const m of mentionsIn(joined[1]!)) {
      const id = ctx.register.resolve(m);
      if (!ids.includes(id)) ids.push(id);
    }
    t = t.slice(joined[0].length);
  }
  let kind: ProposalKind = "bifall";
  let subject = "";
  let content = "";
  let supports: string | null = null;
  let m: RegExpExecArray | null;
  if (
    (m =
      /^(bifall\s+till\s+)?(det\s+|sitt\s+|sina\s+)?eg(et|na)\s+(förslag|yrkande)(\s+till\s+beslut)?[.;:]?\s*(.*)$/i.exec(
        t,
      ))
  ) {
    kind = "eget_förslag";
    content = m[6] ?? "";
  } else if ((m = /^avslag(?:syrkande)?(?:\s+(?:på|till|av)\s+(.*?))?[.;]?$/i.exec(t))) {
    kind = "avslag";
    subject = m[1] ?? "";
  } else if (
    (m = /^(?:att ärendet (?:ska|skulle) )?återremi(?:ss|tteras)\s*(.*?)[.;]?$/i.exec(t))
  ) {
    kind = "återremiss";
    subject = m[1] ?? "";
  } else if (/^(?:att ärendet (?:ska |skulle )?)?bordl(äggning|äggas|äggs)/i.test(t)) {
    kind = "bordläggning";
    content = t.replace(
      /^(?:att ärendet (?:ska |skulle )?)?bordl(äggning|äggas|äggs)[.;]?\s*/i,
      "",
    );
  } else if ((m = /^(?:ett\s+)?tillägg(?:syrkande)?\s*(?:till\s+)?(.*?)[.;]?$/i.exec(t))) {
    kind = "tillägg";
    // "tillägg: att förvaltningen återkommer i maj" — the att-sats is the yrkande's own text
    if (/^(med följande\s*)?:?\s*att\s/i.test(m[1] ?? ""))
      content = `${m[1]!.replace(/^(med följande\s*)?:?\s*/i, "")}.`;
    else subject = m[1] ?? "";
  } else if ((m = /^ändring\s+(?:av|i)\s+(.*?)[.;]?$/i.exec(t))) {
    kind = "ändring";
    subject = m[1]!;
  } else if ((m = /^(att\s.*)$/i.exec(t))) {
    kind = "eget_förslag";
    content = m[1]!;
  } else if ((m = /^bifall\s+till\s+(.*?)[.;]?$/i.exec(t))) {
    subject = m[1]!;
    if (/yrkande/i.test(subject) && !/förvaltningens|utskottets/i.test(subject))
      supports = proposalReferred(ctx, subject, ids);
    if (supports) subject = "";
  } else {
    // not one of the usual forms: an own proposal, its words kept as they were written
    kind = "eget_förslag";
    content = t;
    ctx.uncertain.push(
      `Yrkandet kunde inte tolkas helt och sparades som eget förslag med sin text: "${t.slice(0, 80)}"`,
    );
  }
  // what is said after the first sentence of a bifall stays as the block's prose
  if (subject.length > 300) {
    content = subject;
    subject = "";
  }
  if (!ids.length) ctx.uncertain.push("Ett yrkande saknar förslagsställare.");
  const node = b.proposal(
    {
      id: `y-${ctx.number}-${ctx.proposals.length + 1}`,
      kind,
      by: ids,
      andOthers,
      supports,
      subject: subject.slice(0, 2000),
    },
    ...[content, ...extra].map(clean).filter(Boolean),
  );
  ctx.proposals.push(node);
  return node;
}

function reservationFrom(
  ctx: ImportItemContext,
  mentions: Mention[],
  rest: string,
  extra: string[],
): Node {
  const { ids, andOthers } = resolveAll(ctx, mentions);
  const m =
    /^\s*,?\s*(?:reserverade|reserverar)\s+sig\s*(?:skriftligt\s+)?(?:mot\s+(?:beslutet|[\p{L}-]+s\s+beslut|det fattade beslutet)(?:\s+i\s+[^;:.]*?)?)?\s*(?:till\s+förmån\s+för\s+([^;:.]*))?([;:.]?)\s*(.*)$/iu.exec(
      rest,
    );
  let favouring: string | null = null;
  let content = rest;
  if (m) {
    if (m[1]) favouring = proposalReferred(ctx, m[1], ids);
    if (m[1] && !favouring)
      ctx.uncertain.push(
        `Reservationen "till förmån för ${m[1].trim()}" kunde inte kopplas till ett yrkande.`,
      );
    content = m[3] ?? "";
  } else if (mentions.length === 0) content = rest;
  const all = [content, ...extra];
  const written = all.some((t) => /skriftlig|bilaga/i.test(t));
  return b.reservation(
    { by: ids, andOthers, favouring, written },
    ...proseNodes(all.map(clean).filter(Boolean)),
  );
}

function recusalFrom(ctx: ImportItemContext, mentions: Mention[], text: string): Node {
  const { ids } = resolveAll(ctx, mentions);
  return b.recusal(ids, ...(ids.length ? [] : [b.p(text)]));
}

/** Vote totals written in prose or as a sum row. */
export function tallyOf(text: string): { ja: number; nej: number; avstår: number } | null {
  const t = text.replace(/\s+/g, " ");
  const words =
    /(\d+)\s*ja[- ]?(?:röster|röst)?\b.{0,40}?(\d+)\s*nej[- ]?(?:röster|röst)?\b(?:.{0,50}?(\d+)\s*(?:\p{L}+\s+){0,2}?(?:avst|nedlagd|blank))?/iu.exec(
      t,
    );
  if (words) return { ja: +words[1]!, nej: +words[2]!, avstår: words[3] ? +words[3] : 0 };
  const counted =
    /\bja[- ]?röster\s*[:=]?\s*(\d+).{0,30}?nej[- ]?röster\s*[:=]?\s*(\d+)(?:.{0,30}?avst\p{L}*\s*[:=]?\s*(\d+))?/iu.exec(
      t,
    );
  if (counted) return { ja: +counted[1]!, nej: +counted[2]!, avstår: counted[3] ? +counted[3] : 0 };
  const labels =
    /\bja\s*[:=]?\s*(\d+)\s*[,;]?\s*(?:och\s+)?nej\s*[:=]?\s*(\d+)(?:\s*[,;]?\s*(?:och\s+)?avst\p{L}*\s*[:=]?\s*(\d+))?/iu.exec(
      t,
    );
  if (labels) return { ja: +labels[1]!, nej: +labels[2]!, avstår: labels[3] ? +labels[3] : 0 };
  return null;
}

/** An omröstning: totals, each member's vote (table rows or "Ja: …" lists), the propositions. */
function voteFrom(ctx: ImportItemContext, lines: Line[], extraText: string[]): Node {
  const ballots: { person: string; vote: "ja" | "nej" | "avstår" }[] = [];
  const keep: Line[] = [];
  let columns: { word: string; at: number }[] | null = null;
  let tally: { ja: number; nej: number; avstår: number } | null = null;
  const add = (person: string, vote: "ja" | "nej" | "avstår") => {
    if (!ballots.some((x) => x.person === person)) ballots.push({ person, vote });
  };
  const choice = (w: string): "ja" | "nej" | "avstår" | null =>
    /^ja$/i.test(w)
      ? "ja"
      : /^nej$/i.test(w)
        ? "nej"
        : /^(avstår|avstod|avst\.?|avstående)$/i.test(w)
          ? "avstår"
          : null;
  for (const l of lines) {
    const t = l.text;
    // table header: "Ledamot   Ja   Nej   Avstår"
    const hj = /(?<=^|\s)ja(?=\s|$)/i.exec(l.raw);
    const hn = /(?<=^|\s)nej(?=\s|$)/i.exec(l.raw);
    if (hj && hn && !/\d/.test(t) && t.split(/\s+/).length <= 8) {
      // every header word and its column: "Ledamot  Parti  Närvarande  Ja  Nej  Avstår"
      columns = [...l.raw.matchAll(/\S+/g)].map((w) => ({
        word: w[0].toLowerCase(),
        at: w.index ?? 0,
      }));
      continue;
    }
    const list =
      /^(ja|nej|avstår|avstod|avstående)(?:[- ]?(?:röster|röstar|röstade|röst))?\s*(?:\(\d+\))?\s*[:]\s*(.*)$/i.exec(
        t,
      ) ??
      /^följande (?:ledamöter\s+|ersättare\s+|ledamöter och ersättare\s+)?röstade (ja|nej)\s*:?\s*(.*)$/i.exec(
        t,
      );
    if (list) {
      const v = choice(list[1]!) ?? "avstår";
      const names = mentionsIn(list[2]!);
      for (const mn of names) add(ctx.register.resolve(mn), v);
      if (!names.length) keep.push(l);
      continue;
    }
    const sum = /^(summa|totalt|total|antal|resultat|röster)\b/i.test(t);
    if (sum) {
      const nums = t.match(/\d+/g)?.map(Number) ?? [];
      if (nums.length >= 2) tally = { ja: nums[0]!, nej: nums[1]!, avstår: nums[2] ?? 0 };
      continue;
    }
    const lp = leadingPersons(t);
    let mention = lp.mentions.length === 1 && lp.mentions[0]!.party ? lp.mentions[0]! : null;
    let after = mention ? t.slice(lp.end).trim() : "";
    if (!mention && columns) {
      // a table row without "(party)": "Per Persson    M    X", the party in a column of its own
      const nm = NAME_RE.exec(t);
      if (nm) {
        after = t.slice(nm[0].length).trim();
        const party = /^([\p{Lu}]{1,4}|[\p{Lu}][\p{Ll}])(?=\s|$)/u.exec(after);
        if (party && !/^(X|J|N)$/.test(party[1]!)) after = after.slice(party[0].length).trim();
        mention = {
          name: nm[0],
          party: party && !/^(X|J|N)$/.test(party[1]!) ? normParty(party[1]!) : null,
          role: null,
          andOthers: false,
          title: null,
          serving: false,
        };
      }
    }
    if (mention) {
      const word = /^[,:;-]?\s*(ja|nej|avstår|avstod)\b/i.exec(after);
      let v = word?.[1] ? choice(word[1]) : null;
      if (!v && columns) {
        // an X under a column: the header word nearest to it must be Ja, Nej or Avstår
        const start = l.raw.indexOf(mention.name) + mention.name.length;
        for (const x of l.raw.slice(start).matchAll(/(?<=\s)[xX1](?=\s|$)/g)) {
          const pos = start + (x.index ?? 0);
          const near = [...columns].sort((a, c) => Math.abs(a.at - pos) - Math.abs(c.at - pos))[0];
          const c = near ? choice(near.word.replace(/[^\p{L}]/gu, "")) : null;
          if (c) {
            v = c;
            break;
          }
        }
      }
      if (v) {
        add(ctx.register.resolve(mention), v);
        continue;
      }
      if (/^\s*$/.test(after) && columns) {
        add(ctx.register.resolve(mention), "avstår");
        continue;
      }
    }
    keep.push(l);
  }
  const texts = [...paraTexts(keep, ctx.width), ...extraText];
  const all = texts.join(" ");
  tally ??= tallyOf(all);
  const open = !/slutna sedlar|sluten omröstning|slutet val/i.test(all);
  const tieBreak = /utslagsröst/i.test(all) ? "chair" : /lott(en|ning)/i.test(all) ? "lot" : null;
  const count =
    tally ??
    (ballots.length
      ? {
          ja: ballots.filter((x) => x.vote === "ja").length,
          nej: ballots.filter((x) => x.vote === "nej").length,
          avstår: 0,
        }
      : null);
  let result: "ja" | "nej" | null =
    count && count.ja !== count.nej ? (count.ja > count.nej ? "ja" : "nej") : null;
  if (!result && /ja-propositionen|enligt ja/i.test(all) && tieBreak) result = "ja";
  const props =
    /ja[- ]?röst(?:en)?\s+(?:för|innebär|=)\s+(?:bifall till\s+)?([^,;]+?)[,;.]?\s*(?:och\s+)?nej[- ]?röst(?:en)?\s+(?:för|innebär|=)\s+(?:bifall till\s+)?([^,;.]+)/i.exec(
      all,
    ) ??
    /den som vill bifalla\s+([^,;]+?)\s+röstar ja[,;]?\s*den som vill bifalla\s+([^,;.]+?)\s+röstar nej/i.exec(
      all,
    );
  const yes = props ? proposalReferred(ctx, props[1]!, []) : null;
  const no = props ? proposalReferred(ctx, props[2]!, []) : null;
  if (!tally && !ballots.length) ctx.uncertain.push("Omröstningens resultat kunde inte läsas.");
  ctx.votes++;
  return b.vote(
    {
      id: `v-${ctx.number}-${ctx.votes}`,
      open,
      yes,
      no: no === yes ? null : no,
      ballots,
      tally,
      tieBreak,
      result,
    },
    ...proseNodes(texts),
  );
}

/** Persons heading a statement; the rest of the paragraph is kept as its prose. */
function statementFrom(
  ctx: ImportItemContext,
  kind: "special_statement" | "protocol_note" | "substitute_statement",
  paragraphs: string[],
): Node[] {
  const out: Node[] = [];
  let current: { persons: Mention[]; texts: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const { ids, andOthers } = resolveAll(ctx, current.persons);
    if (!ids.length)
      ctx.uncertain.push(
        `Vem som lämnade ${kind === "protocol_note" ? "protokollsanteckningen" : kind === "special_statement" ? "det särskilda uttalandet" : "ersättaryttrandet"} kunde inte utläsas.`,
      );
    const make =
      kind === "special_statement"
        ? b.specialStatement
        : kind === "protocol_note"
          ? b.protocolNote
          : b.substituteStatement;
    out.push(make({ by: ids, andOthers }, ...proseNodes(current.texts)));
    current = null;
  };
  for (const para of paragraphs) {
    const lp = leadingPersons(para);
    const rest = clean(para.slice(lp.end));
    // a party or role marks the persons; so does the verb of a note ("Anna Ek lät anteckna följande")
    const opensStatement =
      lp.mentions.length > 0 &&
      (lp.mentions.some((m) => m.party || m.role) || NOTE_VERB_RE.test(para.slice(lp.end))) &&
      (rest === "" || /^[\p{Ll}”"«:]/u.test(para.slice(lp.end).trim()));
    if (opensStatement && (!current || current.texts.length > 0 || current.persons.length === 0)) {
      flush();
      current = { persons: lp.mentions, texts: rest ? [rest] : [] };
    } else {
      current ??= { persons: [], texts: [] };
      current.texts.push(para);
    }
  }
  // a heading with nothing under it still says there was a statement
  current ??= paragraphs.length ? null : { persons: [], texts: [] };
  flush();
  return out;
}

/** Sentences of a paragraph run, grouped into proposals, reservations, votes, jäv and the rest. */
function sentenceBlocks(
  ctx: ImportItemContext,
  paragraphs: string[],
  otherAs: (texts: string[]) => Node[],
): Node[] {
  const out: Node[] = [];
  let other: string[] = [];
  let voteText: string[] = [];
  const flushOther = () => {
    if (other.length) out.push(...otherAs(other));
    other = [];
  };
  const flushVote = () => {
    if (voteText.length) out.push(voteFrom(ctx, [], [voteText.join(" ")]));
    voteText = [];
  };
  for (const para of paragraphs) {
    const ss = sentences(para);
    const kinds = ss.map((x) => classify(x, ctx));
    if (kinds.every((k) => k.kind === "other")) {
      flushVote();
      other.push(para);
      continue;
    }
    let buffer: string[] = [];
    const flushBuffer = () => {
      if (buffer.length) other.push(buffer.join(" "));
      buffer = [];
    };
    kinds.forEach((k, i) => {
      const s = ss[i]!;
      if (k.kind === "vote") {
        flushBuffer();
        flushOther();
        voteText.push(s);
        return;
      }
      if (
        k.kind === "other" &&
        voteText.length &&
        /\d|ja|nej|röst|beslut/i.test(s) &&
        !/proposition/i.test(s)
      ) {
        voteText.push(s);
        return;
      }
      flushVote();
      if (k.kind === "other") {
        buffer.push(s);
        return;
      }
      flushBuffer();
      flushOther();
      if (k.kind === "proposal") out.push(proposalFrom(ctx, k.mentions, k.rest, []));
      else if (k.kind === "reservation") out.push(reservationFrom(ctx, k.mentions, k.rest, []));
      else out.push(recusalFrom(ctx, k.mentions, s));
    });
    flushBuffer();
  }
  flushVote();
  flushOther();
  return out;
}

function isDecisionSentence(ctx: ImportItemContext, text: string): boolean {
  const body = ctx.bodyName ? ctx.bodyName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : "Nämnden";
  return new RegExp(
    `^(${body}|Nämnden|Styrelsen|Kommunstyrelsen|Kommunfullmäktige|Fullmäktige|Utskottet)\\s+(beslutar|beslutade|beslöt)\\b`,
    "iu",
  ).test(text);
}

/** A short line without a full stop, not a list item: a sub-heading, where a person's paragraph follows. */
const looseHeading = (text: string) =>
  /^\p{Lu}/u.test(text) &&
  text.split(/\s+/).length <= 6 &&
  !/[.!?;:,”"]$/u.test(text) &&
  !/\d/.test(text);

interface SectionInput {
  ctx: ImportItemContext;
  section: Section;
  paras: string[];
  /** The § has a decision heading somewhere. */
  hasDecision: boolean;
}

const asProse = (t: string[]) => proseNodes(t);

/** One handler a kind of section: a kind without one is a compile error. */
const sectionHandlers: Record<SectionKind, (input: SectionInput) => Node[]> = {
  none: ({ ctx, paras, hasDecision }) => {
    // persons named with a role or party in running text belong to the meeting's persons too
    for (const para of paras) for (const m of mentionsIn(para)) ctx.register.resolve(m);
    // an unheaded decision sentence ("Kommunstyrelsen beslutar att …") where the § has no decision heading
    const first = paras[0];
    if (!hasDecision && first && isDecisionSentence(ctx, first)) {
      let k = 1;
      while (k < paras.length && /^(\d{1,2}[.)]|[-–•]\s*att\s|att\s)/i.test(paras[k]!)) k++;
      return [decisionFrom(paras.slice(0, k)), ...sentenceBlocks(ctx, paras.slice(k), asProse)];
    }
    return sentenceBlocks(ctx, paras, asProse);
  },

  decision: ({ ctx, section }) => {
    const paras = decisionParagraphs(section.lines, ctx.width);
    if (!paras.length) {
      ctx.uncertain.push(`Rubriken "${section.heading}" följdes inte av något beslut.`);
      return [];
    }
    // the decision ends where a paragraph starts with a person (a skrivelse, a statement) or a quote
    let k = paras.length;
    for (let i = 1; i < paras.length; i++) {
      const lp = leadingPersons(paras[i]!);
      if (
        (lp.mentions.length && lp.mentions.some((m) => m.role || m.party)) ||
        /^[”"«]/.test(paras[i]!)
      ) {
        // a short line above the person is a heading the lexicon does not know ("Deltar inte i beslut")
        k = i > 1 && looseHeading(paras[i - 1]!) ? i - 1 : i;
        break;
      }
    }
    return [
      decisionFrom(paras.slice(0, k)),
      ...(k < paras.length ? sentenceBlocks(ctx, paras.slice(k), asProse) : []),
    ];
  },

  background: ({ paras }) => (paras.length ? [b.background(...proseNodes(paras))] : []),

  decision_procedure: ({ ctx, paras }) => {
    const procedure = (texts: string[]) => {
      const order =
        /mot varandra|proposition på (?:de )?(?:framställda )?(?:förslagen|yrkandena)/i.test(
          texts.join(" "),
        ) && ctx.proposals.length >= 2
          ? ctx.proposals.map((p) => p.attrs.id as string)
          : [];
      return [b.procedure({ order }, ...proseNodes(texts))];
    };
    const blocks = sentenceBlocks(ctx, paras, procedure);
    return blocks.length ? blocks : procedure([]);
  },

  proposal: ({ ctx, paras }) => {
    const out: Node[] = [];
    let pending: { mentions: Mention[]; rest: string; extra: string[] } | null = null;
    const loose: string[] = [];
    const flush = () => {
      if (pending) out.push(proposalFrom(ctx, pending.mentions, pending.rest, pending.extra));
      pending = null;
    };
    for (const para of paras) {
      // a paragraph may hold several yrkanden, one a sentence, and text that belongs to the last one
      let tail: string[] = [];
      const endTail = () => {
        if (tail.length) (pending ? pending.extra : loose).push(tail.join(" "));
        tail = [];
      };
      for (const sentence of sentences(para)) {
        let c = classify(sentence, ctx);
        // "Anna Ek (S): Bifall till arbetsutskottets förslag." — a yrkande written after a colon
        const lp = c.kind === "other" ? leadingPersons(sentence) : null;
        if (lp && lp.mentions.length && /^\s*:/.test(sentence.slice(lp.end)))
          c = {
            kind: "proposal",
            mentions: lp.mentions,
            rest: ` yrkar ${sentence
              .slice(lp.end)
              .replace(/^\s*:\s*/, "")
              .replace(/^\p{Lu}/u, (x) => x.toLowerCase())}`,
          };
        if (c.kind === "proposal") {
          endTail();
          flush();
          pending = { mentions: c.mentions, rest: c.rest, extra: [] };
        } else if (c.kind !== "other") {
          endTail();
          flush();
          out.push(...sentenceBlocks(ctx, [sentence], asProse));
        } else tail.push(sentence);
      }
      endTail();
    }
    flush();
    if (loose.length) out.push(...proseNodes(loose));
    return out;
  },

  vote: ({ ctx, section }) => [voteFrom(ctx, section.lines, [])],

  reservation: ({ ctx, paras }) => {
    const out: Node[] = [];
    let current: { mentions: Mention[]; rest: string; extra: string[] } | null = null;
    const flush = () => {
      if (current) out.push(reservationFrom(ctx, current.mentions, current.rest, current.extra));
      current = null;
    };
    for (const para of paras) {
      const c = classify(para, ctx);
      const lp = leadingPersons(para);
      if (c.kind === "reservation") {
        flush();
        current = { mentions: c.mentions, rest: c.rest, extra: [] };
      } else if (!current && lp.mentions.length)
        current = { mentions: lp.mentions, rest: para.slice(lp.end), extra: [] };
      else if (current) current.extra.push(para);
      else current = { mentions: [], rest: para, extra: [] };
    }
    flush();
    return out.length ? out : [b.reservation({ by: [] })];
  },

  special_statement: ({ ctx, paras }) => statementFrom(ctx, "special_statement", paras),
  protocol_note: ({ ctx, paras }) => statementFrom(ctx, "protocol_note", paras),
  substitute_statement: ({ ctx, paras }) => statementFrom(ctx, "substitute_statement", paras),

  recusal: ({ ctx, paras }) => {
    const { ids } = resolveAll(
      ctx,
      paras.flatMap((t) => mentionsIn(t)),
    );
    return [b.recusal(ids, ...proseNodes(paras))];
  },

  // one recipient a line, or several on a line ("Kommunstyrelsen, Ekonomienheten och Revisionen");
  // the list ends where the lines stop naming recipients (an appended document), which stays prose
  distribution: ({ ctx, section }) => {
    const n = recipientLineCount(section.lines);
    const rest = paraTexts(section.lines.slice(n), ctx.width);
    return [
      b.distribution(...section.lines.slice(0, n).flatMap((l) => splitRecipients(l.text))),
      ...proseNodes(rest),
    ];
  },
};

/**
 * How many of an "Expedieras till" section's lines are its list: short lines naming bodies, units or
 * persons, up to a paragraph break or the first line that is not such a name — a line with a
 * number ("Delårsrapport 2024", a date, a numbered point), a long line, a document label ("Datum",
 * "Bilaga"), a line ending in a colon (a label of what follows, such as a signature box left on
 * the page). What reads as a name is splitRecipients' test: capitalised, and a line without
 * separators ("," or ";") no longer than one name.
 */
function recipientLineCount(lines: readonly Line[]): number {
  let n = 0;
  for (const l of lines) {
    if (n > 0 && l.breakBefore) break;
    const t = recipientText(l.text);
    if (t.length > 120 || /\d/u.test(l.text) || /:$/u.test(t) || RECIPIENT_NOT_A_NAME_RE.test(t))
      break;
    if (/[,;]/u.test(l.text) ? !capitalised(t) : !readsAsName(t)) break;
    n++;
  }
  return n;
}

/** All blocks of a § from its sections. */
/** "Förslag till beslut i …", "Kommunstyrelsens förslag till …", "Nämndens beslutsförslag till …" (group 1: who proposes). */
const PROPOSAL_HEADING_RE =
  /^(?:(\p{Lu}[\p{L}-]*(?:\s+[\p{L}-]+){0,2}?)s\s+)?(?:förslag|förlag|beslutsförslag)\b/iu;

/**
 * A decision heading that is a proposal ("Förslag till beslut i kommunstyrelsen", "Förslag till
 * kommunfullmäktige", "Arbetsutskottets förslag till kommunstyrelsen") is the decision of a body
 * that only proposes (an utskott, a beredning). Where the § has a decision heading of its own
 * ("Beslut", "Nämndens beslut") and the proposal is not the body's own, or where the proposal is
 * made to the body whose protocol it is, it is the förvaltning's or an utskott's proposal:
 * background. "Nämndens beslutsförslag till kommunfullmäktige" in the nämnd's protocol stays its
 * decision beside "Nämndens beslut".
 */
function proposalsAsBackground(sections: Section[], bodyName: string | null): Section[] {
  const body = bodyName?.toLowerCase().replace(/\s+/g, " ") ?? null;
  const proposal = (s: Section) =>
    s.kind === "decision" ? PROPOSAL_HEADING_RE.exec(s.heading ?? "") : null;
  const own = sections.some((s) => s.kind === "decision" && !proposal(s));
  return sections.map((s) => {
    const p = proposal(s);
    if (!p) return s;
    const heading = (s.heading ?? "").toLowerCase().replace(/\s+/g, " ");
    const byBody = !!body && !!p[1] && p[1].toLowerCase() === body;
    const toBody = !!body && heading.endsWith(body);
    return toBody || (own && !byBody) ? { ...s, kind: "background" as const } : s;
  });
}

export function blocksFromSections(ctx: ImportItemContext, headed: Section[]): Node[] {
  const sections = proposalsAsBackground(headed, ctx.bodyName);
  const hasDecision = sections.some((s) => s.kind === "decision");
  ctx.voteSection = sections.some((s) => s.kind === "vote");
  const blocks = sections.flatMap((section) => {
    const paras = paraTexts(section.lines, ctx.width);
    return sectionHandlers[section.kind]({ ctx, section, paras, hasDecision });
  });
  if (!ctx.proposals.length) return blocks;
  const text = joinLines(sections.flatMap((s) => s.lines.map((l) => l.text)));
  return linkVotes(blocks, text, (phrase) => proposalReferred(ctx, phrase, []));
}
