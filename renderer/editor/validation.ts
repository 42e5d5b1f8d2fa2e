/**
 * Live validation: the rules (schemas/rules) run a short pause after the last edit, through the
 * incremental validator — it re-checks only the §§ whose node changed (unchanged §§ are the same
 * ProseMirror nodes from state to state) plus the document-wide rules. The results go into the
 * problems plugin (underlines) and the panels.
 */
import type { EditorState } from "prosemirror-state";
import type { Kind, ProtokollFile } from "../../schemas/file.js";
import type { Meta } from "../../schemas/meta.js";
import { createIncrementalValidator, type IncrementalValidator, type Problem } from "../../schemas/rules/index.js";

export class LiveValidator {
  private validator: IncrementalValidator;
  readonly available = true;

  constructor(kind: Kind) {
    this.validator = createIncrementalValidator(kind);
  }

  run(state: EditorState, meta: Meta, extras: Pick<ProtokollFile, "review" | "history">): Problem[] {
    return this.validator.update(state.doc, meta, null, extras);
  }
}
