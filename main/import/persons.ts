/**
 * Persons and parties as protocols write them in prose, and one register of the meeting's persons.
 *
 * "Ordföranden Eva Exempel (L), ledamöterna Per-Olof Prov m.fl. (M), Maria Exempel Lind (MP),
 * tjänstgörande ersättaren Jonas Prov (C)" → five mentions with role, party and "m.fl.";
 * "ledamöterna Karin Ek, Anders Ås, Lotta Berg alla (S)" gives all three (S).
 * The register links every mention to one person and merges spelling variants of a name
 * (Andersson/Anderson Ek, "Lind Prov" and "Anna Lind Prov"), keeping the variants for
 * the import report.
 */
import type { Person, PersonRole } from "../../schemas/meta.js";
import { BARE_PARTY_RE } from "./lexicon.js";

export interface Mention {
  name: string;
  party: string | null;
  role: PersonRole | null;
  /** "m.fl.": spoke for their group. */
  andOthers: boolean;
  /** The role as written, when it is a title ("förvaltningschefen" → "förvaltningschef"). */
  title: string | null;
  /** Serving substitute ("tjänstgörande ersättaren"). */
  serving: boolean;
}

const ROLE_WORDS: [RegExp, PersonRole, boolean][] = [
  [/^(förste|1:e|första) vice ordförande(n)?$/i, "vice_chair", false],
  [/^(andre|2:e|andra) vice ordförande(n)?$/i, "second_vice_chair", false],
  [/^vice ordförande(n|na)?$/i, "vice_chair", false],
  [/^ordförande(n)?$/i, "chair", false],
  [/^tjänstgörande ersättare(n|na)?$/i, "substitute", true],
  [/^ersättare(n|na)?$/i, "substitute", false],
  [/^ledamot(en)?$|^ledamöter(na)?$/i, "member", false],
  [/^sekreterare(n)?$|^nämndsekreterare(n)?$/i, "secretary", false],
];

/** Role words before a name; titles ("förvaltningschefen", "socialborgarrådet") count as officials/other. */
const ROLE_PREFIX =
  /^(?:(?:förste|andre|1:e|2:e|första|andra)\s+)?(?:vice\s+)?ordförande(?:n|na)?\s+|^(?:tjänstgörande\s+)?ersättar(?:en|na|e)\s+|^ledamot(?:en)?\s+|^ledamöter(?:na)?\s+|^(?:nämnd)?sekreterare(?:n)?\s+|^\p{Ll}*(?:borgarrådet|kommunalrådet|oppositionsrådet|regionrådet|chefen|direktören|kommundirektören|handläggaren|utredaren|controllern|juristen|samordnaren|strategen)\s+/iu;

const NAME_WORD = String.raw`[\p{Lu}][\p{Ll}'’]+(?:-[\p{Lu}][\p{Ll}'’]+)?`;
const PARTICLE = String.raw`(?:af|von|van|de|der|da|di|du|la|le|el|al|bin)`;
/** Two to four capitalised words ("Alexandra Lind Prov", "Per-Olof Prov"). */
export const NAME_RE = new RegExp(
  String.raw`^${NAME_WORD}(?:\s+(?:${PARTICLE}\s+)?${NAME_WORD}){1,3}`,
  "u",
);
const ONE_NAME_RE = new RegExp(`^${NAME_WORD}`, "u");
const PARTY = String.raw`\(\s*([\p{L}-]{1,6}|obunden|politisk vilde)\s*\)`;

/** Words that are capitalised at the start of sentences but never part of a name. */
const NOT_NAMES =
  /^(Nämnden|Förvaltningen|Socialnämnden|Kommunstyrelsen|Kommunfullmäktige|Fullmäktige|Ordföranden|Sekreteraren|Ärendet|Beslut|Beslutet|Den|Det|De|Vi|Jag|Att|Och|Som|Med|För|Till|Från|Enligt|Dnr|Reservation|Yrkanden|Yrkande|Omröstning|Ja|Nej|Sverige|Region|Kommun|Staden|Stadens)$/;

function roleOf(word: string): { role: PersonRole | null; serving: boolean; title: string | null } {
  const w = word.trim().replace(/\s+/g, " ");
  for (const [re, role, serving] of ROLE_WORDS)
    if (re.test(w)) return { role, serving, title: null };
  // a title in the definite form: "förvaltningschefen" → "förvaltningschef"
  const title = w.replace(/(en|et)$/i, "").toLowerCase();
  return { role: /råd$/.test(title) ? "other" : "official", serving: false, title };
}

/**
 * Mentions at the start of a text: a persons phrase as it opens a yrkande, reservation or
 * statement. Returns the mentions and where the phrase ends (0 when there is none).
 */
export function leadingPersons(text: string): { mentions: Mention[]; end: number } {
  const mentions: Mention[] = [];
  let pos = 0;
  let runStart = 0; // first mention that a collective "alla (S)" applies to
  let end = 0;
  let role: { role: PersonRole | null; serving: boolean; title: string | null } = {
    role: null,
    serving: false,
    title: null,
  };
  for (let guard = 0; guard < 60; guard++) {
    let rest = text.slice(pos);
    const sep = /^\s*(?:,|och\b|samt\b|&)?\s*/u.exec(rest)!;
    const afterSep = rest.slice(sep[0].length);
    const rp = ROLE_PREFIX.exec(afterSep);
    let consumed = sep[0].length;
    if (rp) {
      role = roleOf(rp[0]);
      consumed += rp[0].length;
    }
    rest = text.slice(pos + consumed);
    const nm = NAME_RE.exec(rest) ?? (rp || mentions.length ? ONE_NAME_RE.exec(rest) : null);
    if (!nm) break;
    const name = nm[0];
    const firstWord = name.split(/\s+/)[0]!;
    if (NOT_NAMES.test(firstWord)) break;
    let p = pos + consumed + name.length;
    const mfl = /^\s*,?\s*m\.\s?fl\.?/u.exec(text.slice(p));
    if (mfl) p += mfl[0].length;
    // "(S)", or a national party's letters without brackets where a colon, a list or a verb follows ("Eva Ek KD: Bifall …")
    const party =
      new RegExp(`^\\s*,?\\s*${PARTY}`, "u").exec(text.slice(p)) ??
      BARE_PARTY_RE.exec(text.slice(p));
    if (party) p += party[0].length;
    // one capitalised word without a role or party is not a name
    if (!name.includes(" ") && !party && !rp) break;
    mentions.push({
      name,
      party: party ? normParty(party[1]!) : null,
      role: role.role,
      andOthers: !!mfl,
      title: role.title,
      serving: role.serving,
    });
    if (party) runStart = mentions.length;
    const coll = new RegExp(
      `^\\s*,?\\s*(?:båda|bägge|alla|samtliga|samtliga)\\s*${PARTY}`,
      "iu",
    ).exec(text.slice(p));
    if (coll) {
      p += coll[0].length;
      for (let k = runStart; k < mentions.length; k++) mentions[k]!.party ??= normParty(coll[1]!);
      runStart = mentions.length;
    }
    pos = p;
    end = p;
  }
  return { mentions, end };
}

/** All "Name (Party)" and role-introduced names anywhere in a text. */
export function mentionsIn(text: string): Mention[] {
  const out: Mention[] = [];
  const re = new RegExp(
    String.raw`(?<![\p{L}])(?=(?:(?:förste|andre|1:e|2:e)\s+)?(?:vice\s+)?[Oo]rdföranden\s|(?:[Tt]jänstgörande\s+)?[Ee]rsättaren\s|[Ll]edamoten\s|[Ll]edamöterna\s|${NAME_WORD}\s)`,
    "gu",
  );
  let last = -1;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at < last) continue;
    const found = leadingPersons(text.slice(at));
    if (!found.mentions.length) continue;
    // outside a role phrase, only full names with a party are trusted ("Regioner (SKR)" is not a person)
    for (const mn of found.mentions)
      if (mn.role || (mn.party && mn.name.includes(" "))) out.push(mn);
    last = at + found.end;
  }
  return out;
}

export function normParty(p: string): string {
  const t = p.trim();
  return t === t.toLowerCase() ? t.toUpperCase() : t;
}

// ---- the register ----

const tokens = (name: string) => name.toLowerCase().split(/[\s]+/).filter(Boolean);

function lev(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

const sameToken = (a: string, b: string) =>
  a === b || (a.length >= 5 && b.length >= 5 && a[0] === b[0] && lev(a, b) <= 1);

/** Is `short` (≥ 2 words) a spelling of `long`: the same words, or a run at its start or end? */
export function sameName(a: string, b: string): boolean {
  const ta = tokens(a);
  const tb = tokens(b);
  const [s, l] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  if (s.length === 0) return false;
  const runAt = (off: number) => s.every((t, i) => sameToken(t, l[off + i]!));
  if (s.length === l.length) return runAt(0);
  if (s.length < 2) return false;
  return runAt(0) || runAt(l.length - s.length);
}

const ROLE_RANK: Record<PersonRole, number> = {
  chair: 7,
  vice_chair: 6,
  second_vice_chair: 5,
  member: 4,
  secretary: 3,
  substitute: 2,
  official: 1,
  other: 0,
};

interface Entry {
  id: string;
  variants: Map<string, number>;
  party: string | null;
  role: PersonRole | null;
  title: string | null;
  serving: boolean;
}

export class PersonRegister {
  private entries: Entry[] = [];

  /** The person a mention refers to (created when new). Ids are derived from the name, so imports are reproducible. */
  resolve(m: Pick<Mention, "name"> & Partial<Mention>): string {
    const name = m.name.replace(/\s+/g, " ").trim();
    const party = m.party ?? null;
    let e = this.find(name, party);
    if (!e) {
      e = {
        id: this.newId(name),
        variants: new Map(),
        party: null,
        role: null,
        title: null,
        serving: false,
      };
      this.entries.push(e);
    }
    e.variants.set(name, (e.variants.get(name) ?? 0) + 1);
    if (party && !e.party) e.party = party;
    if (m.role && (e.role === null || ROLE_RANK[m.role] > ROLE_RANK[e.role])) e.role = m.role;
    if (m.title && !e.title) e.title = m.title;
    if (m.serving) e.serving = true;
    return e.id;
  }

  /** An existing person by name (no new person is made). */
  lookup(name: string, party: string | null = null): string | null {
    return this.find(name.replace(/\s+/g, " ").trim(), party)?.id ?? null;
  }

  /** The person known by this role (e.g. the chair), if exactly one. */
  byRole(role: PersonRole): string | null {
    const found = this.entries.filter((e) => e.role === role);
    return found.length === 1 ? found[0]!.id : null;
  }

  has(id: string): boolean {
    return this.entries.some((e) => e.id === id);
  }

  private find(name: string, party: string | null): Entry | undefined {
    const compatible = (e: Entry) =>
      !party || !e.party || e.party.toLowerCase() === party.toLowerCase();
    const exact = this.entries.find(
      (e) =>
        [...e.variants.keys()].some((v) => v.toLowerCase() === name.toLowerCase()) && compatible(e),
    );
    if (exact) return exact;
    const fuzzy = this.entries.filter(
      (e) => compatible(e) && [...e.variants.keys()].some((v) => sameName(v, name)),
    );
    if (fuzzy.length === 1) return fuzzy[0];
    // a surname alone with a party ("Vinter (SD)"): the one person with that last name
    if (!name.includes(" ")) {
      const bySurname = this.entries.filter(
        (e) =>
          compatible(e) &&
          [...e.variants.keys()].some((v) => tokens(v).at(-1) === name.toLowerCase()),
      );
      if (bySurname.length === 1) return bySurname[0];
    }
    return undefined;
  }

  private newId(name: string): string {
    const base =
      name
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 40) || "person";
    let id = base;
    for (let n = 2; this.entries.some((e) => e.id === id); n++) id = `${base}-${n}`;
    return id;
  }

  /** The name kept for each person: the fullest form, then the most frequent, then the longest. */
  private keptName(e: Entry): string {
    return [...e.variants.entries()].sort(
      (a, b) =>
        tokens(b[0]).length - tokens(a[0]).length || b[1] - a[1] || b[0].length - a[0].length,
    )[0]![0];
  }

  persons(): Person[] {
    return this.entries.map((e) => ({
      id: e.id,
      name: this.keptName(e).slice(0, 200),
      party: e.party ? e.party.slice(0, 20) : null,
      role: e.role ?? "other",
      title: e.title ? e.title.slice(0, 200) : null,
    }));
  }

  merged(): { kept: string; variants: string[] }[] {
    return this.entries
      .filter((e) => e.variants.size > 1)
      .map((e) => {
        const kept = this.keptName(e);
        return { kept, variants: [...e.variants.keys()].filter((v) => v !== kept) };
      });
  }

  serving(id: string): boolean {
    return this.entries.find((e) => e.id === id)?.serving ?? false;
  }
}
