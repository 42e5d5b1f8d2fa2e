/**
 * Live validation's source: the rules (schemas/rules) over the editor state, through the
 * incremental validator — it re-checks only the §§ whose node changed (unchanged §§ are the same
 * ProseMirror nodes from state to state) plus the document-wide rules. The linter plugin
 * (linterPlugin.ts) runs it after a pause in typing and puts the results into the problems plugin.
 */
import type { EditorState } from "prosemirror-state";
import type { Kind } from "../../schemas/file.js";
import {
  createIncrementalValidator,
  type IncrementalValidator,
  type Problem,
  type RuleContext,
} from "../../schemas/rules/index.js";
import { documentInfo } from "./documentPlugin.js";
import type { LintSource } from "./linterPlugin.js";
import { reviewRecordOf } from "./reviewRecordPlugin.js";

/**
 * The rules over a state: its text, metadata, review record and history, and `context()` — the
 * workspace facts from the host (ruleContext channel), null until they have arrived (the rules
 * that need them are silent until then).
 */
export function liveValidation(context: () => RuleContext | null = () => null): LintSource {
  let validator: IncrementalValidator | null = null;
  let validatorKind: Kind | null = null;
  return (state: EditorState): Problem[] => {
    const { kind, meta } = documentInfo(state);
    if (!validator || kind !== validatorKind) {
      validator = createIncrementalValidator(kind);
      validatorKind = kind;
    }
    const facts = context();
    return validator.update(state.doc, meta, null, {
      ...reviewRecordOf(state),
      ...(facts ? { context: facts } : {}),
    });
  };
}
