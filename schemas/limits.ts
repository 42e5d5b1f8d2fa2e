/**
 * The one documented maximum size of a document, shared by the command line, both hosts and the
 * exports (issue 13, item 6): a `.protokoll` file of at most MAX_FILE_BYTES (schemas/file.ts) with
 * at most MAX_AGENDA_ITEMS §§ and MAX_TEXT_CHARS characters of text. A year of a large
 * fullmäktige has some 300 §§; the limit leaves ample room while keeping export and verify to
 * seconds. Larger documents are refused with a clear message, never half handled.
 */
export const MAX_AGENDA_ITEMS = 2000;
/** Characters of text in the whole document (all §§ together): about 2,500 pages. */
export const MAX_TEXT_CHARS = 5_000_000;
/** Pages of a PDF that is imported (a municipality's protocol or a tjänsteskrivelse); a year of protocols is a few hundred pages. */
export const MAX_IMPORT_PDF_PAGES = 2000;
/** Pages of an exported PDF that `verify --pdf` compares with its file: a document of the largest size fits. */
export const MAX_VERIFIED_PDF_PAGES = 5000;
/** The largest § number a list of §§ (`--extract 5,7-9`) may name. */
export const MAX_ITEM_NUMBER = 999_999;
