/**
 * Meeting metadata lives beside the ProseMirror document, but changing it must be undoable like
 * any edit and must redraw what is generated from it (lead-ins, § numbers). So a change of `meta`
 * is a ProseMirror step: it leaves the document as it is, carries the old and the new metadata,
 * and inverts to the old one — the history plugin undoes it with everything else.
 */
import { Step, StepMap, StepResult } from "prosemirror-transform";
import type { Node, Schema } from "prosemirror-model";
import { Meta } from "../../schemas/meta.js";

export class SetMetaStep extends Step {
  constructor(
    readonly before: Meta,
    readonly after: Meta,
  ) {
    super();
  }

  apply(doc: Node): StepResult {
    return StepResult.ok(doc);
  }

  override getMap(): StepMap {
    return StepMap.empty;
  }

  invert(): Step {
    return new SetMetaStep(this.after, this.before);
  }

  map(): Step {
    return this;
  }

  override toJSON(): Record<string, unknown> {
    return { stepType: "setMeta", before: this.before, after: this.after };
  }

  static override fromJSON(
    _schema: Schema,
    json: { before: unknown; after: unknown },
  ): SetMetaStep {
    return new SetMetaStep(Meta.parse(json.before), Meta.parse(json.after));
  }
}

Step.jsonID("setMeta", SetMetaStep);
