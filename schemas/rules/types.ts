/**
 * What a rule sees. Rules are pure functions of the document and its metadata; an item rule looks
 * at one § at a time (so the incremental validator can cache its result per §), a document rule at
 * the whole protocol (numbering, the attendance list, justering and the notice, interpellationssvar).
 */
import type { Node } from "prosemirror-model";
import type { AttendanceResolution, ItemAttendance } from "../attendance.js";
import type { Kind } from "../file.js";
import type { HistoryEntry, Meta, Person, Review } from "../meta.js";
import type { NumberedItem } from "../numbering.js";
import type { Problem, Severity } from "./problem.js";

/** An interpellationssvar elsewhere in the workspace, as the host summarises it for the rules. */
export interface WorkspaceAnswer {
  /** Interpellation number as written ("2021:7"), or null. */
  number: string | null;
  /** The answer's title ("Svar på interpellation av … om …"). */
  title: string;
  /** The interpellant's name, or null. */
  interpellant: string | null;
  /** The date of the fullmäktige meeting where it is answered, or null when not known. */
  meetingDate: string | null;
}

/**
 * What some rules need beyond the document: facts from the rest of the workspace, built by the host
 * (which may read files) and passed in. Rules stay pure: without it, the rules that need it are silent.
 */
export interface RuleContext {
  /** The meeting dates of the body (fullmäktige), from the workspace's protocols; sorted ascending. */
  meetingDates?: string[];
  /** Interpellationssvar in the workspace. */
  answers?: WorkspaceAnswer[];
  /**
   * Bilagor (rule attachments): each bilaga file of the document (`bilagor/<name>`) → the SHA-256 of
   * the file on disk now, or null when it is missing. Absent: not checked (the file has no folder yet).
   */
  attachmentFiles?: Record<string, string | null>;
}

/** Parts of the file beyond doc and meta that some after-the-meeting rules read when they are given. */
export interface FileExtras {
  review?: Review;
  history?: HistoryEntry[];
  /** Workspace facts for fullmaktige-questions and interpellation-timing. */
  context?: RuleContext;
}

export interface DocumentContext extends FileExtras {
  doc: Node;
  meta: Meta;
  kind: Kind;
  items: NumberedItem[];
  attendance: AttendanceResolution;
  persons: Map<string, Person>;
}

/** A direct child of a § with its absolute document position. */
export interface ItemChild {
  node: Node;
  pos: number;
  type: string;
}

export interface ItemContext {
  doc: Node;
  meta: Meta;
  kind: Kind;
  item: NumberedItem;
  /** "§ 5" */
  label: string;
  /** Who serves, is present, has jäv for this § (empty sets when the ledger is not known). */
  att: ItemAttendance;
  /** False when the ledger is empty: rules that need it stay silent (attendance-listed reports it once). */
  known: boolean;
  persons: Map<string, Person>;
  blocks: ItemChild[];
  /** Proposals of the § by id. */
  proposals: Map<string, ItemChild>;
  /** All item ids of the document and the range of § numbers (for references). */
  itemIds: Set<string>;
  firstNumber: number;
  lastNumber: number;
}

interface RuleBase {
  /** Rule id as in RULES.md; also the file name. */
  id: string;
  /** The rule's severity: error blocks an official export. A single problem may be milder. */
  severity: Severity;
  /** Which kinds of document the rule applies to. */
  kinds: readonly Kind[];
}

export interface ItemRule extends RuleBase {
  scope: "item";
  check(ctx: ItemContext): Problem[];
}

export interface DocumentRule extends RuleBase {
  scope: "document";
  check(ctx: DocumentContext): Problem[];
}

export type Rule = ItemRule | DocumentRule;
