/**
 * The corpus scorer (shared/tools/score-import.py) ported to TypeScript with the same counting, so
 * the corpus test can score every import without a Python process per document. The corpus test
 * checks on some documents that both give the same numbers.
 */
type Json = Record<string, unknown>;
interface PmNode {
  type?: string;
  text?: string;
  attrs?: Json;
  content?: PmNode[];
}

// Python's \w and re.sub(r"[^\w§ ]+") are Unicode-aware: letters, digits and underscore
function norm(s: string | null | undefined): string {
  let t = (s ?? "").normalize("NFC").toLowerCase();
  t = t.replace(/[\u2010-\u2015\-–—]/g, " ");
  t = t.replace(/[^\p{L}\p{N}_§ ]+/gu, " ");
  return t.replace(/\s+/g, " ").trim();
}
const tokens = (s: string) => new Set(norm(s).split(" ").filter(Boolean));

function titleOk(exp: string, got: string): boolean {
  const a = tokens(exp);
  const b = tokens(got);
  if (!a.size && !b.size) return true;
  if (!a.size || !b.size) return false;
  const inter = [...a].filter((x) => b.has(x)).length;
  const union = new Set([...a, ...b]).size;
  return inter / union >= 0.8;
}

function pmJsonText(n: PmNode): string {
  if (n.type === "text") return n.text ?? "";
  const sep = ["paragraph", "item_title", "title"].includes(n.type ?? "") ? "" : " ";
  return (n.content ?? []).map(pmJsonText).join(sep);
}

function* walk(n: PmNode): Generator<PmNode> {
  yield n;
  for (const c of n.content ?? []) yield* walk(c);
}
const desc = (n: PmNode, rx: RegExp) =>
  [...walk(n)].filter((d) => d !== n && rx.test(d.type ?? ""));
const itemsOf = (doc: PmNode) =>
  [...walk(doc)].filter((d) => /agenda_item|^paragraf$|^item$/.test(d.type ?? ""));

function numberOf(it: PmNode): number | null {
  const a = it.attrs ?? {};
  for (const k of ["number", "num", "paragraphNumber", "no"]) {
    const v = a[k];
    if (typeof v === "number" && Number.isInteger(v)) return v;
    if (typeof v === "string" && /^\d+$/.test(v.trim())) return +v.trim();
  }
  return null;
}

function firstNumber(meta: unknown): number | null {
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) return null;
  for (const [k, v] of Object.entries(meta as Json)) {
    if (typeof v === "number" && Number.isInteger(v) && /first.*(number|no)$/i.test(k)) return v;
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const r = firstNumber(v);
      if (r !== null) return r;
    }
  }
  return null;
}

function titleOf(it: PmNode): string {
  const t = desc(it, /(^|_)title$/).filter((d) => !(d.type ?? "").includes("subtitle"));
  if (t.length) return pmJsonText(t[0]!);
  return String((it.attrs ?? {}).title ?? "");
}

function dnrOf(it: PmNode): string | null {
  const a = it.attrs ?? {};
  if (a.dnr) return String(a.dnr);
  const d = desc(it, /dnr/);
  return d.length ? pmJsonText(d[0]!) : null;
}

function dnrOk(exp: string | null | undefined, got: string | null): boolean {
  if (!exp) return !(got ?? "").trim();
  const strip = (s: string) => {
    let t = s.replace(/\s+/g, "").toLowerCase();
    if (t.startsWith("dnr")) t = t.slice(3);
    if (t.startsWith(".")) t = t.slice(1);
    return t;
  };
  const e = strip(exp);
  const g = strip(got ?? "");
  return !!g && (e === g || g.includes(e) || e.includes(g));
}

function decisionPoints(it: PmNode): number {
  const pts = desc(it, /decision_point/);
  if (pts.length) return pts.length;
  let total = 0;
  for (const d of desc(it, /(^|_)decision$/)) {
    const lis = desc(d, /list_item/);
    total += lis.length ? lis.length : 1;
  }
  return total;
}

function countPeople(nodes: PmNode[]): number {
  let n = 0;
  for (const d of nodes) {
    const a = d.attrs ?? {};
    const key = ["persons", "by", "personIds", "members", "who"].find((k) => Array.isArray(a[k]));
    const list = key ? (a[key] as unknown[]) : null;
    n += list && list.length ? list.length : 1;
  }
  return n;
}

const COUNTS: Record<string, (it: PmNode) => number> = {
  decision_points: decisionPoints,
  yrkanden: (it) => desc(it, /(^|_)proposal$/).length,
  reservations: (it) => desc(it, /^reservation$/).length,
  sarskilda_uttalanden: (it) => desc(it, /special_statement/).length,
  protokollsanteckningar: (it) => desc(it, /protocol_note/).length,
  ersattaryttranden: (it) => desc(it, /substitute_statement/).length,
  votes: (it) => desc(it, /^(vote|voting)$/).length,
  jav: (it) =>
    countPeople(desc(it, /recusal/)) +
    (((it.attrs ?? {}).recusals as unknown[] | undefined)?.length ?? 0),
};

export interface ProtocolScore {
  sections_f1: number;
  found: number;
  expected: number;
  titles: number;
  dnr: number;
  counts: number;
  meta: number;
  score: number;
  misses: string[];
  forbidden?: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Python's round() rounds halves to even; at three decimals the difference is immaterial here but kept. */
export function scoreProtocol(exp: Json, file: Json): ProtocolScore {
  const doc = (file.doc ?? {}) as PmNode;
  const blob = JSON.stringify(file.meta ?? {}).toLowerCase();
  const its = itemsOf(doc);
  const got = new Map<number, PmNode>();
  const base = firstNumber(file.meta ?? {});
  its.forEach((it, i) => {
    let n = numberOf(it);
    if (n === null && base !== null) n = base + i;
    if (n !== null && !got.has(n)) got.set(n, it);
  });
  const expPs = (exp.paragraphs ?? []) as (Json & {
    number: number;
    title?: string;
    dnr?: string;
  })[];
  const want = new Set(expPs.map((p) => p.number));
  const tp = [...want].filter((n) => got.has(n)).length;
  const prec = got.size ? tp / got.size : 0;
  const rec = want.size ? tp / want.size : 1;
  const f1 = prec + rec ? (2 * prec * rec) / (prec + rec) : 0;
  let titles = 0;
  let dnrs = 0;
  let cntOk = 0;
  let cntN = 0;
  const misses: string[] = [];
  for (const p of expPs) {
    const it = got.get(p.number);
    if (!it) {
      misses.push(`§${p.number} missing`);
      cntN += Object.keys(COUNTS).filter((k) => k in p).length;
      continue;
    }
    if (titleOk(p.title ?? "", titleOf(it))) titles++;
    else misses.push(`§${p.number} title`);
    if (dnrOk(p.dnr, dnrOf(it))) dnrs++;
    else misses.push(`§${p.number} dnr`);
    for (const [k, fn] of Object.entries(COUNTS)) {
      if (!(k in p)) continue;
      cntN++;
      const g = fn(it);
      if (g === p[k]) cntOk++;
      else misses.push(`§${p.number} ${k} ${g}≠${String(p[k])}`);
    }
  }
  const n = expPs.length || 1;
  const checks: boolean[] = [];
  if (exp.meeting_date) checks.push(blob.includes(String(exp.meeting_date)));
  if (exp.body) checks.push(norm(blob).includes(norm(String(exp.body))));
  for (const j of (exp.justerare ?? []) as string[]) {
    const surname =
      norm(j.replace(/\(.*?\)/g, ""))
        .split(" ")
        .at(-1) ?? "";
    checks.push(norm(blob).includes(surname));
  }
  const res: ProtocolScore = {
    sections_f1: round3(f1),
    found: its.length,
    expected: want.size,
    titles: round3(titles / n),
    dnr: round3(dnrs / n),
    counts: cntN ? round3(cntOk / cntN) : 1,
    meta: checks.length ? round3(checks.filter(Boolean).length / checks.length) : 1,
    score: 0,
    misses: misses.slice(0, 25),
  };
  const full = JSON.stringify(doc);
  for (const bad of (exp.forbidden_text ?? []) as string[])
    if (full.includes(bad.split("\n")[0]!) && !bad.includes("\n")) res.forbidden = bad;
  res.score = round3((res.sections_f1 + res.titles + res.dnr + res.counts + res.meta) / 5);
  const kind = String(file.kind ?? "");
  if (exp.kind && kind && kind !== exp.kind) res.score = round3(res.score * 0.5);
  return res;
}
