import { describe, expect, it } from "vitest";
import { protocolPhrases } from "../../templates/phrases.js";
import { socialnamnd } from "../../templates/socialnamnd.js";
import { interpellationssvar } from "../../templates/interpellationssvar.js";
import { filterPhrases, phrasesFor } from "./quickInsert.js";
import { createEditorState } from "./setup.js";

describe("quick insert", () => {
  it("puts phrases whose key starts with the typed letters first, then those that contain them", () => {
    const found = filterPhrases(protocolPhrases, "ta");
    expect(found[0]!.key).toBe("tack");
    expect(filterPhrases(protocolPhrases, "handlingarna").map((p) => p.key)).toEqual(["han"]);
    expect(filterPhrases(protocolPhrases, "")).toHaveLength(protocolPhrases.length);
    expect(filterPhrases(protocolPhrases, "xyzzy")).toEqual([]);
  });

  it("offers the document's own template's phrases", () => {
    const own = phrasesFor(createEditorState(socialnamnd.create()));
    expect(own.slice(0, socialnamnd.phrases.length)).toEqual(socialnamnd.phrases);
    expect(own.find((p) => p.key === "tabell")?.command).toBeTypeOf("function");
    expect(phrasesFor(createEditorState(interpellationssvar.create())).map((p) => p.key)).toContain(
      "tack",
    );
    expect(phrasesFor(createEditorState(interpellationssvar.create()))).not.toContain(
      protocolPhrases[0],
    );
  });
});
