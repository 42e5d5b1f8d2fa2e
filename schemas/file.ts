/**
 * The `.protokoll` file: UTF-8 JSON `{format, version, kind, meta, doc, review, history}`.
 *
 * `parse` is the well-formedness check at every boundary: it never throws, and every error names
 * the path of what is wrong and says what, in Swedish with the English in parentheses.
 * `serialize` is canonical: stable key order, so the same document always gives the same bytes.
 */
import { Node } from "prosemirror-model";
import { z } from "zod";
import { canonicalJSON } from "./canonical.js";
import { MAX_AGENDA_ITEMS, MAX_TEXT_CHARS } from "./limits.js";
import { HistoryEntry, Meta, Review, type MetaInput } from "./meta.js";
import { migrateRecipients } from "./migrateRecipients.js";
import { schema } from "./schema.js";
import { capTableSpans } from "./tables.js";

export const FORMAT = "protokoll";
export const CURRENT_VERSION = 2;
/** Larger files are refused before they are read as JSON. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const Kind = z.enum(["protokoll", "interpellationssvar", "kallelse"]);
export type Kind = z.infer<typeof Kind>;

export const FileEnvelope = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(CURRENT_VERSION),
  kind: Kind,
  meta: Meta,
  doc: z.record(z.string(), z.unknown()),
  review: Review.prefault({}),
  history: z.array(HistoryEntry).default([]),
});

/** A document in memory: the envelope with `doc` as a checked ProseMirror node. */
export interface ProtokollFile {
  kind: Kind;
  meta: Meta;
  doc: Node;
  review: z.infer<typeof Review>;
  history: z.infer<typeof HistoryEntry>[];
}

export interface FileError {
  /** Where in the file, e.g. "meta.persons[2].name" or "doc.content[4]". Empty for the whole file. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; file: ProtokollFile } | { ok: false; errors: FileError[] };

/**
 * Migrations from older versions: `migrations[n]` turns a raw version-n object into version n+1.
 * Add one here whenever CURRENT_VERSION goes up.
 */
export const migrations: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> =
  {
    // "Expedieras till" as a typed list of recipients (issue 18); sealed content keeps its shape
    1: migrateRecipients,
  };

const fail = (path: string, message: string): ParseResult => ({
  ok: false,
  errors: [{ path, message }],
});

function zodPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Parse the text of a `.protokoll` file. Never throws. */
export function parse(text: string): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (e) {
    return fail(
      "",
      `Filen kunde inte läsas (could not be read): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** The documented maximum document (schemas/limits.ts): refused at every boundary, before rules or exports see it. */
function sizeRefusal(doc: Node): string | null {
  let items = 0;
  doc.forEach(
    (n) => void ((n.type.name === "agenda_item" || n.type.name === "agenda_entry") && items++),
  );
  if (items > MAX_AGENDA_ITEMS)
    return `Dokumentet har ${items} paragrafer – högst ${MAX_AGENDA_ITEMS} hanteras (too many §§: ${items}, at most ${MAX_AGENDA_ITEMS}).`;
  let chars = 0;
  doc.descendants((n) => {
    if (n.isText) chars += n.text!.length;
    return chars <= MAX_TEXT_CHARS;
  });
  if (chars > MAX_TEXT_CHARS)
    return `Dokumentet har för mycket text – högst ${MAX_TEXT_CHARS.toLocaleString("sv-SE")} tecken hanteras (document text too long, at most ${MAX_TEXT_CHARS} characters).`;
  return null;
}

/** "line 3, column 7" of a character offset (for JSON errors, without quoting the text). */
function textPosition(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${offset - start + 1}`;
}

function parseUnsafe(text: string): ParseResult {
  if (typeof text !== "string") return fail("", "Filen är inte text (not text).");
  if (text.length > MAX_FILE_BYTES)
    return fail(
      "",
      `Filen är för stor (${Math.round(text.length / 1048576)} MB, högst ${MAX_FILE_BYTES / 1048576} MB) (file too large).`,
    );
  if (text.trim() === "") return fail("", "Filen är tom (empty file).");
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    // Truncated: the parser ran out of text (V8 names the position; at or past the end means cut off).
    const at = /at position (\d+)/.exec(detail);
    const truncated =
      /end of (JSON )?input|Unterminated/i.test(detail) ||
      (at !== null && Number(at[1]) >= text.trimEnd().length);
    // Name the place, never the content: V8 quotes the text it stumbled on, which could be any
    // file's first bytes (issue 13, item 9).
    const where = at ? ` at ${textPosition(text, Number(at[1]))}` : "";
    return fail(
      "",
      truncated
        ? `Filen är avkortad – JSON-texten tar slut mitt i (truncated JSON${where}).`
        : `Filen är inte en protokollfil – den är inte giltig JSON (not JSON: unexpected character${where}).`,
    );
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw))
    return fail(
      "",
      "Filen är inte en protokollfil – den innehåller inget JSON-objekt (not a JSON object).",
    );
  let obj = raw as Record<string, unknown>;
  if (obj.format !== FORMAT)
    return fail(
      "format",
      `Filen är inte en protokollfil – format ska vara "${FORMAT}" (wrong or missing format).`,
    );
  const version = obj.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1)
    return fail("version", "Filens version saknas eller är ogiltig (missing or invalid version).");
  if (version > CURRENT_VERSION)
    return fail(
      "version",
      `Filen är skapad av en nyare version av Protokoll (filversion ${version}, den här programversionen läser t.o.m. ${CURRENT_VERSION}). Uppdatera programmet. (File from a newer version.)`,
    );
  for (let v = version; v < CURRENT_VERSION; v++) {
    const migrate = migrations[v];
    if (!migrate)
      return fail(
        "version",
        `Filversion ${v} kan inte uppgraderas (no migration from version ${v}).`,
      );
    obj = migrate(obj);
  }

  const env = FileEnvelope.safeParse(obj);
  if (!env.success)
    return {
      ok: false,
      errors: env.error.issues.map((i) => ({
        path: zodPath(i.path),
        message: `${i.message} (${i.code})`,
      })),
    };
  const { kind, meta, review, history } = env.data;

  let doc: Node;
  try {
    // A table cell may not span more than its table holds: cut down, not refused (schemas/tables.ts).
    doc = schema.nodeFromJSON(capTableSpans(env.data.doc));
    doc.check();
  } catch (e) {
    return fail(
      "doc",
      `Dokumentets struktur är ogiltig (invalid document structure): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const tooLarge = sizeRefusal(doc);
  if (tooLarge) return fail("doc", tooLarge);
  const errors = checkReferences(kind, meta, doc);
  if (errors.length) return { ok: false, errors };
  return { ok: true, file: { kind, meta, doc, review, history } };
}

/**
 * Everything the schema cannot check by itself: the document matches its kind, ids are unique,
 * persons referenced in blocks and in the ledger exist in `meta.persons`, proposals referenced in a
 * § exist in that §.
 */
export function checkReferences(kind: Kind, meta: Meta, doc: Node): FileError[] {
  const errors: FileError[] = [];
  const first = doc.firstChild?.type.name;
  const expected =
    first === "answer"
      ? "interpellationssvar"
      : first === "agenda_entry"
        ? "kallelse"
        : "protokoll";
  if (kind !== expected)
    errors.push({
      path: "kind",
      message: `Dokumentet passar inte sin sort "${kind}" (document does not match its kind).`,
    });

  const persons = new Set<string>();
  meta.persons.forEach((p, i) => {
    if (persons.has(p.id))
      errors.push({
        path: `meta.persons[${i}].id`,
        message: `Personen "${p.id}" finns två gånger (duplicate person id).`,
      });
    persons.add(p.id);
  });
  const person = (id: string | null, path: string) => {
    if (id !== null && !persons.has(id))
      errors.push({
        path,
        message: `Personen "${id}" finns inte bland mötets personer (unknown person).`,
      });
  };
  const items = new Set<string>();
  doc.forEach((item, _o, i) => {
    if (item.type.name !== "agenda_item" && item.type.name !== "agenda_entry") return;
    const id = item.attrs.id as string;
    if (!id)
      errors.push({
        path: `doc.content[${i}].attrs.id`,
        message: "Paragrafen saknar id (missing § id).",
      });
    else if (items.has(id))
      errors.push({
        path: `doc.content[${i}].attrs.id`,
        message: `Paragraf-id "${id}" finns två gånger (duplicate § id).`,
      });
    items.add(id);
  });
  const item = (id: string | null, path: string) => {
    if (id !== null && !items.has(id))
      errors.push({ path, message: `Paragrafen "${id}" finns inte (unknown §).` });
  };

  meta.attendance.forEach((a, i) => {
    person(a.person, `meta.attendance[${i}].person`);
    person(a.replaces, `meta.attendance[${i}].replaces`);
    item(a.from, `meta.attendance[${i}].from`);
    item(a.to, `meta.attendance[${i}].to`);
  });
  meta.recusals.forEach((r, i) => {
    person(r.person, `meta.recusals[${i}].person`);
    item(r.item, `meta.recusals[${i}].item`);
  });
  person(meta.chair, "meta.chair");
  person(meta.secretary, "meta.secretary");
  meta.adjusters.forEach((a, i) => person(a, `meta.adjusters[${i}]`));
  if (meta.interpellation) {
    const ip = meta.interpellation;
    person(ip.interpellant, "meta.interpellation.interpellant");
    person(ip.addressee, "meta.interpellation.addressee");
    person(ip.signatory, "meta.interpellation.signatory");
  }

  doc.forEach((itemNode, _o, i) => {
    if (itemNode.type.name !== "agenda_item") return;
    const proposals = new Set<string>();
    itemNode.forEach((b) => {
      if (b.type.name === "proposal" && b.attrs.id) proposals.add(b.attrs.id as string);
    });
    itemNode.forEach((b, _o2, j) => {
      const path = `doc.content[${i}].content[${j}].attrs`;
      const a = b.attrs as Record<string, unknown>;
      for (const key of ["proposers", "andOthers", "reservants", "persons"] as const)
        if (Array.isArray(a[key]))
          (a[key] as string[]).forEach((p, k) => person(p, `${path}.${key}[${k}]`));
      if (Array.isArray(a.ballots))
        (a.ballots as { person: string }[]).forEach((bl, k) =>
          person(bl.person, `${path}.ballots[${k}].person`),
        );
      const proposal = (id: unknown, key: string) => {
        if (typeof id === "string" && !proposals.has(id))
          errors.push({
            path: `${path}.${key}`,
            message: `Yrkandet "${id}" finns inte i paragrafen (unknown proposal).`,
          });
      };
      if (b.type.name === "proposal") proposal(a.supports, "supports");
      if (b.type.name === "reservation") proposal(a.favouring, "favouring");
      if (b.type.name === "vote") {
        proposal(a.yes, "yes");
        proposal(a.no, "no");
      }
      if (b.type.name === "decision_procedure") {
        (a.order as string[]).forEach((p, k) => proposal(p, `order[${k}]`));
        proposal(a.adopted, "adopted");
      }
    });
  });
  doc.descendants((n) => {
    if (n.type.name === "item_ref") item(n.attrs.target as string, "doc (item_ref)");
    return n.isBlock;
  });
  // Bilagor (schemas/attachments.ts): one id each. A reference to a removed bilaga, or a bilaga of
  // a removed §, is a rule's problem (rule attachments), not a broken file.
  const attachmentIds = new Set<string>();
  meta.attachments?.forEach((a, i) => {
    if (attachmentIds.has(a.id))
      errors.push({
        path: `meta.attachments[${i}].id`,
        message: `Bilagan "${a.id}" finns två gånger (duplicate attachment id).`,
      });
    attachmentIds.add(a.id);
  });
  return errors;
}

/** The plain JSON object of a document (what `serialize` writes). */
export function toJSON(file: ProtokollFile): Record<string, unknown> {
  return {
    format: FORMAT,
    version: CURRENT_VERSION,
    kind: file.kind,
    meta: file.meta,
    doc: file.doc.toJSON(),
    review: file.review,
    history: file.history,
  };
}

/** Canonical text of a document: the same document always gives the same bytes. */
export function serialize(file: ProtokollFile): string {
  return canonicalJSON(toJSON(file));
}

/** Build a document from parts, filling the metadata's defaults. Throws on invalid input (for code, not files). */
export function createFile(
  kind: Kind,
  meta: MetaInput,
  doc: Node,
  review: unknown = {},
  history: unknown = [],
): ProtokollFile {
  doc.check();
  const file: ProtokollFile = {
    kind,
    meta: Meta.parse(meta),
    doc,
    review: Review.parse(review),
    history: z.array(HistoryEntry).parse(history),
  };
  const errors = checkReferences(kind, file.meta, doc);
  if (errors.length) throw new Error(errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return file;
}
