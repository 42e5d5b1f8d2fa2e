/** Typing helpers as a secretary writes Swedish: ” quotes, – dashes, …, and lists from "1. " and "- ". */
import { InputRule, inputRules, wrappingInputRule, ellipsis } from "prosemirror-inputrules";
import type { Schema } from "prosemirror-model";

export function buildInputRules(schema: Schema) {
  const rules: InputRule[] = [
    ellipsis,
    // Swedish typography uses ” on both sides.
    new InputRule(/"$/, "”"),
    new InputRule(/'$/, "’"),
    new InputRule(/ --? $/, " – "),
  ];
  if (schema.nodes.ordered_list)
    rules.push(
      wrappingInputRule(
        /^(\d+)\.\s$/,
        schema.nodes.ordered_list,
        (m) => ({ start: Number(m[1]) }),
        (m, n) => n.childCount + (n.attrs.start as number) === Number(m[1]),
      ),
    );
  if (schema.nodes.bullet_list)
    rules.push(wrappingInputRule(/^\s*[-*•]\s$/, schema.nodes.bullet_list));
  return inputRules({ rules });
}
