/**
 * Live validation: the rules (schemas/rules) run a short pause after the last edit, through the
 * incremental validator — it re-checks only the §§ whose node changed (unchanged §§ are the same
 * ProseMirror nodes from state to state) plus the document-wide rules. The results go into the
 * problems plugin (underlines) and the panels.
 */
import type { EditorState } from "prosemirror-state";
import type { Kind, ProtokollFile } from "../../schemas/file.js";
import type { Meta } from "../../schemas/meta.js";
import { createIncrementalValidator, type IncrementalValidator, type Problem, type RuleContext } from "../../schemas/rules/index.js";

export class LiveValidator {
  private validator: IncrementalValidator;
  readonly available = true;

  constructor(kind: Kind) {
    this.validator = createIncrementalValidator(kind);
  }

  /** `extras.context`: the workspace facts from the host (ruleContext channel); without it those rules are silent. */
  run(state: EditorState, meta: Meta, extras: Pick<ProtokollFile, "review" | "history"> & { context?: RuleContext }): Problem[] {
    return this.validator.update(state.doc, meta, null, extras);
  }
}
