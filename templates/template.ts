/** What a template gives: a new document with default metadata, standard items and standard phrases. */
import type { Kind, ProtokollFile } from "../schemas/file.js";
import type { Body } from "../schemas/meta.js";

export interface Phrase {
  /** A few letters the secretary types to find it (quick insert). */
  key: string;
  /** Short Swedish label shown in the popup. */
  label: string;
  text: string;
}

export interface NewDocumentOptions {
  /** Meeting date (or date of the answer), ISO. */
  date?: string | null;
  /** Number of the first § (continues the body's numbering for the year). */
  firstItemNumber?: number;
  /** A body saved in the workspace (bodies/<name>.json): its name, type and reglemente replace the template's. */
  body?: Body;
}

export interface Template {
  id: string;
  /** Swedish name shown in "Nytt dokument". */
  name: string;
  kind: Kind;
  phrases: Phrase[];
  create(options?: NewDocumentOptions): ProtokollFile;
}
