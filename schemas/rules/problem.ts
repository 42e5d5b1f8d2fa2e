/** What a rule reports. The editor shows it live; the export gate refuses while any error remains. */
export type Severity = "error" | "warning";

export interface Fix {
  /** Swedish label of the quick fix, e.g. "Numrera om", "Lägg till beslut". */
  label: string;
  /** A description of the change, applied by `applyFix` (rules/fixes.ts). */
  action: FixAction;
}

/** Fixes are data, so they can cross the IPC boundary and be tested without an editor. */
export type FixAction =
  | { type: "set-meta"; path: (string | number)[]; value: unknown }
  | { type: "set-attrs"; pos: number; attrs: Record<string, unknown> }
  | { type: "insert-block"; pos: number; node: Record<string, unknown> }
  | { type: "remove-person"; pos: number; attr: string; person: string };

export interface Problem {
  /** Rule id, as in RULES.md (e.g. "reservant-eligible"). */
  rule: string;
  severity: Severity;
  /** A Swedish message a secretary understands. */
  message: string;
  /** Legal reference where one is verified (e.g. "KL 4 kap. 27 §"), otherwise null. */
  reference: string | null;
  /** The § it concerns (agenda_item id) or null for the whole document. */
  item: string | null;
  /** Document range it concerns (ProseMirror positions). */
  from: number;
  to: number;
  fix?: Fix;
}
