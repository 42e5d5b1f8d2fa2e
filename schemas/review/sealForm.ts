/**
 * The canonical forms a seal is computed over, read from the file as STORED (its JSON as written,
 * before migration and before zod fills in defaults), so that a seal keeps holding when the format
 * grows:
 *
 * - A key whose value is exactly what the schema fills in when the key is absent says nothing: the
 *   file means the same with or without it. Form 2 leaves every such key out (`stripDefaults`,
 *   `stripDocDefaults`), so a new optional field — absent from an old file, written with its
 *   default by a newer program that saves it again — never changes the sealed content. The same
 *   holds for ProseMirror attributes at their default. (Hence a rule for the schema: a default is
 *   never changed once files carry it; a new meaning needs a new key.)
 * - The format `version` is not sealed in form 2: a version bump whose migration leaves the sealed
 *   parts alone does not touch the seal. A migration that reshapes sealed parts must add a seal
 *   form that reads the new shape back to the old one.
 * - Form 1 (the seal before this) hashed the parsed file with every default written out and the
 *   version in it. It is recomputed from the stored form restricted to the keys that existed then
 *   (`formV1Keys`): a later key is left out when it holds only its default.
 */
import type { z } from "zod";
import { canonicalJSON } from "../canonical.js";
import { schema } from "../schema.js";

type AnySchema = z.ZodType;
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  getter?: () => AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
}
const def = (s: AnySchema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const wrappers = new Set([
  "optional",
  "nullable",
  "default",
  "prefault",
  "readonly",
  "catch",
  "nonoptional",
]);

/** The schema under its optional/nullable/default wrappers: the object, array or leaf it describes. */
function unwrap(s: AnySchema): AnySchema {
  for (let i = 0; i < 50; i++) {
    const d = def(s);
    if (wrappers.has(d.type) && d.innerType) s = d.innerType;
    else if (d.type === "pipe" && d.in) s = d.in;
    else if (d.type === "lazy" && d.getter) s = d.getter();
    else return s;
  }
  return s;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) && Array.isArray(b) && a.length === 0) return b.length === 0;
  return canonicalJSON(a) === canonicalJSON(b);
}

/** What a field reads as when its key is absent (the filled-in default), or undefined when it is required or stays absent. */
const absentCache = new WeakMap<AnySchema, { value: unknown }>();
function absentValue(s: AnySchema): unknown {
  let hit = absentCache.get(s);
  if (!hit) {
    const r = s.safeParse(undefined);
    hit = { value: r.success ? r.data : undefined };
    absentCache.set(s, hit);
  }
  return hit.value;
}

/**
 * `value` (stored JSON) described by `s`, with every key left out that holds what the schema would
 * fill in were it absent. `strippable(path)` says which keys may be left out (all, for form 2);
 * keys the schema does not know are kept as they are. Paths read "meta.persons[].name".
 */
export function stripDefaults(
  s: AnySchema,
  value: unknown,
  path: string,
  strippable: (path: string) => boolean = () => true,
): unknown {
  const inner = unwrap(s);
  const d = def(inner);
  if (d.type === "object" && d.shape && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const field = d.shape[key];
      if (!field) {
        out[key] = v;
        continue;
      }
      const p = `${path}.${key}`;
      const child = stripDefaults(field, v, p, strippable);
      if (strippable(p)) {
        const absent = absentValue(field);
        if (absent !== undefined && same(child, stripDefaults(field, absent, p, strippable)))
          continue;
      }
      out[key] = child;
    }
    return out;
  }
  if (d.type === "array" && d.element && Array.isArray(value))
    return value.map((v) => stripDefaults(d.element!, v, `${path}[]`, strippable));
  if (d.type === "record" && d.valueType && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value))
      out[key] = stripDefaults(d.valueType, v, `${path}{}`, strippable);
    return out;
  }
  return value;
}

type AttrSpecs = Record<string, { default?: unknown }> | undefined;

function stripAttrs(
  attrs: unknown,
  specs: AttrSpecs,
  prefix: string,
  strippable: (path: string) => boolean,
): Record<string, unknown> | undefined {
  if (!isPlainObject(attrs)) return attrs as undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(attrs)) {
    const spec = specs?.[key];
    if (spec && "default" in spec && strippable(`${prefix}.${key}`) && same(v, spec.default))
      continue;
    out[key] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * A document's stored JSON (ProseMirror's `toJSON` form) with every attribute at its schema
 * default left out, and empty `attrs`, `marks` and `content` dropped (ProseMirror reads them the
 * same as absent). Unknown node and mark types are kept as they are.
 */
export function stripDocDefaults(
  node: unknown,
  strippable: (path: string) => boolean = () => true,
): unknown {
  if (!isPlainObject(node)) return node;
  const type = typeof node.type === "string" ? node.type : "";
  const out: Record<string, unknown> = { ...node };
  const attrs = stripAttrs(
    node.attrs,
    schema.nodes[type]?.spec.attrs as AttrSpecs,
    `node:${type}`,
    strippable,
  );
  if (attrs === undefined) delete out.attrs;
  else out.attrs = attrs;
  if (Array.isArray(node.marks)) {
    const marks = node.marks.map((m) => {
      if (!isPlainObject(m)) return m;
      const mt = typeof m.type === "string" ? m.type : "";
      const ma = stripAttrs(
        m.attrs,
        schema.marks[mt]?.spec.attrs as AttrSpecs,
        `mark:${mt}`,
        strippable,
      );
      const { attrs: _a, ...rest } = m;
      return ma === undefined ? rest : { ...rest, attrs: ma };
    });
    if (marks.length) out.marks = marks;
    else delete out.marks;
  }
  if (Array.isArray(node.content)) {
    if (node.content.length) out.content = node.content.map((c) => stripDocDefaults(c, strippable));
    else delete out.content;
  }
  return out;
}
