/**
 * An answer to an interpellation: title ("Svar på interpellation (2019:11) av Eva Exempel (V)
 * till kommunalrådet Anna Exempel (X) om …"), Dnr, the numbered questions (quoted together at
 * the start, or each followed by its answer), the answer, and the closing place, date, name and
 * title ("Exempelby den 5 januari 2031 / Eva Exempel", "Exempelby 2031-02-10 / Per Prov /
 * Kommunalråd.").
 */
import type { Node } from "prosemirror-model";
import * as b from "../../schemas/build.js";
import type { MetaInput } from "../../schemas/meta.js";
import type { Line } from "./cleanLines.js";
import { proseNodes } from "./proseNodes.js";
import { joinLines, paragraphsOf, typicalWidth } from "./paragraphs.js";
import { NAME_RE, normParty, PersonRegister } from "./persons.js";
import { findDate, isDateLine } from "./swedishDate.js";

export interface AnswerParse {
  meta: MetaInput;
  doc: Node;
  items: number;
  uncertain: { item: number | null; message: string }[];
  mergedNames: { kept: string; variants: string[] }[];
}

export function looksLikeAnswer(lines: readonly Line[]): boolean {
  const first = lines.slice(0, 8).map((l) => l.text);
  return (
    first.some((t) => /^(svar på interpellation|interpellationssvar)/i.test(t)) ||
    /har i (sin|en) interpellation|ställer i en interpellation/i.test(first.join(" "))
  );
}

const DNR_RE = /^(?:dnr|diarienr|diarienummer)\.?\s*:?\s*(\S.{0,80})$/i;
const QUESTION_RE = /^(?:fråga\s*)?(\d{1,2})\s*[.):]\s*(\S.*)$/i;
/** "Exempelby den 5 januari 2031", "Exempelby 2031-02-10", "Provstad, 3 april 2031". */
const SIGN_PLACE_RE =
  /^(\p{Lu}[\p{L} -]{1,40}?)\s*,?\s+(?:den\s+)?(\d{1,2}\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})\s*\.?$/u;

/**
 * Questions written inline in one paragraph ("Jag vill fråga: 1. Hur …? 2. När …?") become one
 * line each, as if they had been a list.
 */
export function splitInlineQuestions(input: readonly Line[]): Line[] {
  return input.flatMap((l) => {
    if (!/(?:^|\s)1[.)]\s.+\?[”"»]?\s+2[.)]\s/.test(l.text)) return [l];
    const at = l.text.search(/(?:^|\s)1[.)]\s/);
    const lead = l.text.slice(0, at).trim();
    const parts = l.text
      .slice(at)
      .trim()
      .split(/(?<=\?[”"»]?)\s+(?=\d{1,2}[.)]\s)/);
    const make = (text: string, breakBefore: boolean): Line => ({ text, raw: text, breakBefore });
    return [
      ...(lead ? [make(lead, l.breakBefore)] : []),
      ...parts.map((t, k) => make(t, k === 0 ? !lead && l.breakBefore : false)),
    ];
  });
}

/** Where the interpellation itself is appended after the answer ("Bilaga: Interpellation av …"). */
export function appendedInterpellationAt(lines: readonly Line[], from: number): number {
  for (let k = Math.max(from, 4); k < lines.length; k++)
    if (
      lines[k]!.breakBefore &&
      /^(bilaga\s*\d*\s*[:.–-]?\s*)?interpellation(en)?(\s+\(?\d{4}\s*:\s*\d+\)?)?(\s+(av|från|till|om)\b.*|\s*:?)$/i.test(
        lines[k]!.text,
      ) &&
      k > from + 3
    )
      return k;
  return -1;
}

export function parseAnswer(input: Line[]): AnswerParse {
  let lines = splitInlineQuestions(input);
  const reg = new PersonRegister();
  const uncertain: { item: number | null; message: string }[] = [];
  const width = typicalWidth(lines);

  // Lines before the title ("Interpellationssvar", "Kommunfullmäktige 2023-09-25") and a Dnr
  // line anywhere near the top; the title starts at "Svar på interpellation" where there is one.
  let dnr: string | null = null;
  const preamble: string[] = [];
  let i = 0;
  const titleAt = lines
    .slice(0, 10)
    .findIndex((l) =>
      /^svar på interpellation|^interpellationssvar\s+\S.*\b(av|från|till)\b/i.test(l.text),
    );
  if (titleAt > 0) {
    for (const l of lines.slice(0, titleAt)) {
      const d = DNR_RE.exec(l.text);
      if (d && !dnr) dnr = d[1]!.trim();
      else preamble.push(l.text);
    }
    i = titleAt;
  }
  const titleLines: string[] = [];
  while (i < lines.length && titleLines.length < 8) {
    const l = lines[i]!;
    const d = DNR_RE.exec(l.text);
    if (d) {
      dnr ??= d[1]!.trim();
      i++;
      break;
    }
    if (
      titleLines.length &&
      (l.breakBefore || /(har|ställer|ställt)\b.*\binterpellation|följande frågor/i.test(l.text))
    )
      break;
    titleLines.push(l.text);
    i++;
    if (/[.?]$/.test(l.text) && !lines[i]?.text.match(/^dnr/i) && l.text.length < width * 0.75)
      break;
  }
  if (!dnr && DNR_RE.test(lines[i]?.text ?? "")) dnr = DNR_RE.exec(lines[i++]!.text)![1]!.trim();
  const title = joinLines(titleLines) || "Svar på interpellation";
  if (preamble.length)
    uncertain.push({
      item: null,
      message: `Text före rubriken behölls som stycken: ${preamble.join(" / ").slice(0, 200)}`,
    });

  const number =
    /interpellation\s*(?:nr\.?\s*)?\(?\s*(\d{4}\s*:\s*\d+)\s*\)?/i
      .exec(title)?.[1]
      ?.replace(/\s/g, "") ?? null;
  const party = String.raw`\(\s*([\p{L}-]{1,6})\s*\)`;
  const nameRe = NAME_RE.source.slice(1);
  const interp = new RegExp(`\\b(?:av|från)\\s+(${nameRe})\\s*${party}`, "u").exec(title);
  // "till socialborgarrådet Eva Exempel (L)", "till kommunstyrelsens ordförande Erik Holm (S)", "till borgarrådet Lind Prov (M)"
  const addr = new RegExp(
    `\\btill\\s+((?:\\p{Ll}[\\p{L}:-]*\\s+){0,3}?)(${nameRe}|\\p{Lu}[\\p{L}-]+)\\s*${party}`,
    "u",
  ).exec(title);
  let interpellant: string | null = interp
    ? reg.resolve({ name: interp[1]!, party: normParty(interp[2]!), role: "member" })
    : null;

  // the interpellation appended after the answer is kept, after the signature, as prose
  const appendix = appendedInterpellationAt(lines, i);
  const appended = appendix >= 0 ? lines.slice(appendix) : [];
  if (appendix >= 0) lines = lines.slice(0, appendix);
  // the signature at the end: place and date, then name, then title
  let sigAt = -1;
  for (let k = lines.length - 1; k >= i && k >= lines.length - 8; k--)
    if (SIGN_PLACE_RE.test(lines[k]!.text)) sigAt = k;
  // the place and the date on lines of their own
  if (sigAt < 0)
    for (let k = lines.length - 2; k >= i && k >= lines.length - 8; k--)
      if (/^\p{Lu}[\p{L}-]{1,30},?$/u.test(lines[k]!.text) && isDateLine(lines[k + 1]!.text)) {
        lines = [
          ...lines.slice(0, k),
          { ...lines[k]!, text: `${lines[k]!.text.replace(/,$/, "")} ${lines[k + 1]!.text}` },
          ...lines.slice(k + 2),
        ];
        sigAt = k;
        break;
      }
  let place: string | null = null;
  let date: string | null = null;
  let signatory: string | null = null;
  let signTitle: string | null = null;
  const trailing: string[] = [];
  let bodyEnd = lines.length;
  if (sigAt >= 0) {
    const m = SIGN_PLACE_RE.exec(lines[sigAt]!.text)!;
    place = m[1]!.trim();
    date = findDate(m[2]!)?.iso ?? null;
    bodyEnd = sigAt;
    const after = lines.slice(sigAt + 1).map((l) => l.text);
    // "Eva Exempel", "Anna Ek (M)", "Anna Ek, kommunalråd"; the title may follow on the next line
    const sig = after[0]
      ? new RegExp(
          `^(${NAME_RE.source.slice(1)})\\s*(?:\\(\\s*([\\p{L}-]{1,6})\\s*\\))?\\s*(?:,\\s*(\\p{L}[\\p{L} -]{2,60}?))?\\s*\\.?$`,
          "u",
        ).exec(after[0])
      : null;
    if (sig) {
      const nextIsTitle =
        !sig[3] &&
        after[1] !== undefined &&
        after[1].length < 60 &&
        !/[?!]$/.test(after[1]) &&
        after.length <= 3;
      signTitle = sig[3] ?? (nextIsTitle ? after[1]!.replace(/\.$/, "").trim() : null);
      signatory = reg.resolve({
        name: sig[1]!,
        party: sig[2] ? normParty(sig[2]) : null,
        role: "other",
        title: signTitle ? signTitle.toLowerCase() : null,
      });
      trailing.push(...after.slice(nextIsTitle ? 2 : 1));
    } else {
      trailing.push(...after);
      uncertain.push({
        item: null,
        message: "Namnet på den som svarar hittades inte efter ort och datum.",
      });
    }
  } else {
    date = findDate([...preamble, title].join(" "))?.iso ?? null;
    uncertain.push({
      item: null,
      message: "Ort, datum och underskrift hittades inte i slutet av svaret.",
    });
  }

  let addressee: string | null = null;
  if (addr) {
    const words = (addr[1] ?? "").trim();
    const t = words ? (words.includes(" ") ? words : words.replace(/(et|en)$/, "")) : null;
    addressee = reg.resolve({
      name: addr[2]!,
      party: normParty(addr[3]!),
      role: "other",
      title: t,
    });
  }
  // "Eva Exempel (v) ställer i en interpellation följande frågor till mig": the interpellant in prose
  const body = lines.slice(i, bodyEnd);
  if (!interpellant) {
    for (const l of body.slice(0, 6)) {
      const m = new RegExp(`^(${nameRe})\\s*${party}\\s+(har|ställer|ställde)`, "u").exec(l.text);
      if (m) {
        interpellant = reg.resolve({ name: m[1]!, party: normParty(m[2]!), role: "member" });
        break;
      }
    }
  }
  // labelled forms near the top: "Interpellant: Eva Ek (KD)", "Till: kommunstyrelsens ordförande Erik Holm (S)"
  for (const l of lines.slice(0, 14)) {
    const label = /^(interpellant|från|ställd av|till|ställd till|besvaras av)\s*:\s*/i.exec(
      l.text,
    );
    const m = label
      ? new RegExp(`^((?:\\p{Ll}[\\p{L}:-]*\\s+){0,3}?)(${nameRe})\\s*(?:${party})?`, "u").exec(
          l.text.slice(label[0].length),
        )
      : null;
    if (!label || !m) continue;
    const who = { name: m[2]!, party: m[3] ? normParty(m[3]) : null };
    if (/^(interpellant|från|ställd av)/i.test(label[1]!))
      interpellant ??= reg.resolve({ ...who, role: "member" });
    else {
      const words = (m[1] ?? "").trim();
      addressee ??= reg.resolve({
        ...who,
        role: "other",
        title: words ? (words.includes(" ") ? words : words.replace(/(et|en)$/, "")) : null,
      });
    }
  }
  if (!addressee) addressee = signatory;

  // questions: numbered items quoted at the start; later numbered items only when they are
  // the next question and end with a question mark (seed 003 repeats each before its answer)
  const parts: Node[] = [];
  let expected = 1;
  let prose: Line[] = [];
  const flushProse = () => {
    const paras = paragraphsOf(prose, width)
      .map((p) => joinLines(p.map((l) => l.text)))
      .filter(Boolean);
    parts.push(...proseNodes(paras));
    prose = [];
  };
  let k = 0;
  let questionsDone = false;
  while (k < body.length) {
    const l = body[k]!;
    const q = QUESTION_RE.exec(l.text);
    if (q && +q[1]! === expected) {
      // gather the question: until a line ends with "?" (and no sub-bullets follow), max 10 lines
      const qLines: string[] = [q[2]!];
      let e = k + 1;
      const ended = (t: string) => /\?[”"»]?\s*$/.test(t);
      while (e < body.length && qLines.length < 12) {
        const last = qLines[qLines.length - 1]!;
        const n = body[e]!;
        if (QUESTION_RE.test(n.text)) break;
        if (ended(last) && !/^[-–•]\s/.test(n.text)) break;
        if (n.breakBefore && !/^[-–•]\s/.test(n.text) && !/[:,]$/.test(last)) break;
        qLines.push(n.text);
        e++;
      }
      const isQuestion =
        qLines.some((t) => /\?/.test(t)) && (!questionsDone || ended(qLines[qLines.length - 1]!));
      if (isQuestion) {
        flushProse();
        parts.push(questionNode(qLines));
        expected++;
        k = e;
        continue;
      }
    }
    if (expected > 1 && !QUESTION_RE.test(l.text)) questionsDone = true;
    prose.push(l);
    k++;
  }
  flushProse();
  if (trailing.length) {
    parts.push(...proseNodes(trailing));
    uncertain.push({
      item: null,
      message: `Text efter underskriften behölls som stycken: ${trailing.join(" ").slice(0, 120)}`,
    });
  }
  if (appended.length) {
    const paras = paragraphsOf(appended, width)
      .map((p) => joinLines(p.map((l) => l.text)))
      .filter(Boolean);
    parts.push(...proseNodes(paras));
    uncertain.push({
      item: null,
      message: "Interpellationens text efter svaret behölls som stycken.",
    });
  }
  if (expected === 1)
    uncertain.push({ item: null, message: "Interpellationens numrerade frågor hittades inte." });
  if (!interpellant) uncertain.push({ item: null, message: "Interpellanten hittades inte." });
  if (!dnr && !number)
    uncertain.push({ item: null, message: "Varken Dnr eller interpellationens nummer hittades." });

  const doc = b.answerDoc(
    title.slice(0, 1000),
    ...proseNodes(preamble),
    ...(parts.length || preamble.length ? parts : [""]),
  );
  const meta: MetaInput = {
    template: "interpellationssvar",
    body: { name: "Kommunfullmäktige", type: "kommunfullmäktige" },
    persons: reg.persons(),
    interpellation: { number, dnr, interpellant, addressee, place, date, signatory },
  };
  return { meta, doc, items: expected - 1, uncertain, mergedNames: reg.merged() };
}

/** A question's lines: its text, and "-" sub-bullets as a bullet list. */
function questionNode(lines: string[]): Node {
  const head: string[] = [];
  const bullets: string[][] = [];
  for (const t of lines) {
    if (/^[-–•]\s/.test(t)) bullets.push([t.replace(/^[-–•]\s*/, "")]);
    else if (bullets.length) bullets[bullets.length - 1]!.push(t);
    else head.push(t);
  }
  const blocks: Node[] = [];
  if (head.length) blocks.push(b.p(joinLines(head)));
  if (bullets.length) blocks.push(b.ul(...bullets.map((x) => joinLines(x))));
  return b.question(...blocks);
}
