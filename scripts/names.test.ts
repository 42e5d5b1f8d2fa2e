/**
 * One identifier, one meaning (docs/architecture.md, "Names"): each name of the table is declared
 * at module level only where it means what the table says. A second module-level declaration of
 * one of these names elsewhere — a copy with another meaning — fails here with its file, so it
 * gets a name of its own (or imports the one there is). Local variables and parameters are free.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const skip = new Set([
  "node_modules",
  "dist",
  "out",
  "release",
  "build",
  "coverage",
  "test-output",
]);

/** The only files where each name may be declared at module level (its one meaning). */
const owners: Record<string, string[]> = {
  // issue 12 item 8
  Block: ["schemas/render/renderModel.ts"],
  blocksOf: ["main/import/testOutline.testkit.ts"],
  ItemContext: ["schemas/rules/types.ts"],
  itemLabel: ["schemas/review/items.ts"],
  personName: ["schemas/review/reviewResult.ts"],
  // the code-health review after it
  keyLabel: ["renderer/editor/keymap.ts"],
  // the title of a § in the scorer's JSON (over a node: itemTitleText in schemas/titleText.ts)
  titleOf: ["main/import/scoreImport.testkit.ts"],
  itemTitleText: ["schemas/titleText.ts"],
  answerTitleText: ["schemas/titleText.ts"],
  textOf: ["schemas/rules/helpers.ts"],
  namesOf: ["schemas/rules/helpers.ts"],
  nameOf: ["schemas/rules/helpers.ts"],
  refuse: ["schemas/review/reviewResult.ts"],
  Kind: ["schemas/file.ts"],
  heading: ["schemas/render/blockFactories.ts"],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || skip.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (/\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Names declared at the top of a module: functions, classes, types, interfaces, enums, variables. */
function moduleLevelNames(text: string): string[] {
  const src = ts.createSourceFile("probe.ts", text, ts.ScriptTarget.Latest);
  const names: string[] = [];
  const bind = (n: ts.BindingName) => {
    if (ts.isIdentifier(n)) names.push(n.text);
    else for (const el of n.elements) if (!ts.isOmittedExpression(el)) bind(el.name);
  };
  for (const st of src.statements) {
    if (
      (ts.isFunctionDeclaration(st) ||
        ts.isClassDeclaration(st) ||
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st) ||
        ts.isEnumDeclaration(st)) &&
      st.name
    )
      names.push(st.name.text);
    else if (ts.isVariableStatement(st))
      for (const d of st.declarationList.declarations) bind(d.name);
  }
  return names;
}

describe("names with one meaning", () => {
  const declared = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const rel = relative(root, file).split(sep).join("/");
    for (const name of moduleLevelNames(readFileSync(file, "utf8"))) {
      if (!(name in owners)) continue;
      if (!declared.has(name)) declared.set(name, new Set());
      declared.get(name)!.add(rel);
    }
  }

  it.each(Object.entries(owners))(
    "“%s” is declared only where it has its meaning",
    (name, files) => {
      expect([...(declared.get(name) ?? [])].sort()).toEqual([...files].sort());
    },
  );

  it("finds what a module declares at its top level, and not what a function declares inside", () => {
    const text = [
      "export const { a, b: [c] } = x;",
      "export function heading() { const textOf = 1; return textOf; }",
      "type Kind = 1;",
      "interface Block {}",
      "let refuse = () => 0;",
    ].join("\n");
    expect(moduleLevelNames(text)).toEqual(["a", "c", "heading", "Kind", "Block", "refuse"]);
    expect(declared.get("textOf")).toEqual(new Set(["schemas/rules/helpers.ts"]));
  });
});
