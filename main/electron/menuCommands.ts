/**
 * The commands the application menu sends to the renderer over the `menu-command` event
 * (`window.protokoll.onMenuCommand?.(cb)`). Pure data, so the renderer can import the type.
 * Commands the main process carries out itself (new window, open, recent documents, quit) are not
 * in this list.
 */
export const menuCommands = [
  "file.new",
  "file.open",
  "file.save",
  "file.saveAs",
  "file.import",
  "edit.undo",
  "edit.redo",
  "edit.find",
  "edit.replace",
  "insert.item",
  "insert.decision",
  "insert.background",
  "insert.proposal",
  "insert.procedure",
  "insert.vote",
  "insert.reservation",
  "insert.specialStatement",
  "insert.protocolNote",
  "insert.substituteStatement",
  "insert.recusal",
  "insert.distribution",
  "insert.question",
  "insert.itemRef",
  "insert.phrase",
  // Tables (renderer/editor/tableCommands.ts).
  "insert.table",
  "table.addRowBefore",
  "table.addRowAfter",
  "table.addColumnBefore",
  "table.addColumnAfter",
  "table.deleteRow",
  "table.deleteColumn",
  "table.toggleHeaderRow",
  "table.mergeCells",
  "table.splitCell",
  "table.delete",
  "review.problems",
  "review.nextProblem",
  "review.attendance",
  "review.meta",
  "review.outline",
  // Justering (renderer/review): the same actions as the Justering panel.
  "review.panel",
  "review.sendForReview",
  "review.comment",
  "review.approve",
  "review.requestChanges",
  "review.changes",
  "review.adjust",
  "review.correction",
  "review.saveCopy",
  "review.mergeCopy",
  "review.saveWordCopy",
  "review.mergeWordCopy",
  "export.docx",
  "export.pdf",
  "export.extract",
  "export.notice",
  "export.public",
  "help.shortcuts",
  "help.about",
] as const;

export type MenuCommand = (typeof menuCommands)[number];

/** What accompanies a command: `file.open` sent by the main process names the document to open. */
export interface MenuCommandPayload {
  path?: string;
}
