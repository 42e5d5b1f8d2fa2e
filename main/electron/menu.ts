/**
 * The application menu, in Swedish: Arkiv, Redigera, Infoga, Granska, Exportera, Hjälp. Items that
 * act on the document send a command to the focused window's renderer (`menu-command`); the rest
 * (new window, open, recent documents, quit) the main process does itself.
 *
 * Shortcuts the editor also binds itself (Ctrl+S, Ctrl+Z, Ctrl+Enter…) are shown in the menu but
 * not registered on Windows and Linux (`registerAccelerator: false`), so a key press is handled
 * once, by the editor. On macOS the menu takes the key and sends the command.
 */
import { basename } from "node:path";
import type { MenuItemConstructorOptions } from "electron";
import type { MenuCommand, MenuCommandPayload } from "../../schemas/contract.js";

export const MENU_COMMAND_EVENT = "menu-command";

export interface MenuActions {
  send(command: MenuCommand, payload?: MenuCommandPayload): void;
  newWindow(): void;
  open(): void;
  openRecent(path: string): void;
  clearRecent(): void;
  recent: string[];
  platform: NodeJS.Platform;
}

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const mac = a.platform === "darwin";
  /** An item that sends a command; `editorKey` when the editor binds the same shortcut itself. */
  const cmd = (
    label: string,
    command: MenuCommand,
    accelerator?: string,
    editorKey = true,
  ): MenuItemConstructorOptions => ({
    label,
    click: () => a.send(command),
    ...(accelerator ? { accelerator, registerAccelerator: !editorKey } : {}),
  });
  const sep: MenuItemConstructorOptions = { type: "separator" };

  const recent: MenuItemConstructorOptions[] = a.recent.length
    ? [
        ...a.recent.map((p) => ({
          label: basename(p),
          sublabel: p,
          toolTip: p,
          click: () => a.openRecent(p),
        })),
        sep,
        { label: "Rensa listan", click: () => a.clearRecent() },
      ]
    : [{ label: "Inga senaste dokument", enabled: false }];

  const arkiv: MenuItemConstructorOptions = {
    label: "Arkiv",
    submenu: [
      cmd("Nytt dokument…", "file.new", "CmdOrCtrl+N"),
      { label: "Nytt fönster", accelerator: "CmdOrCtrl+Shift+N", click: () => a.newWindow() },
      { label: "Öppna…", accelerator: "CmdOrCtrl+O", click: () => a.open() },
      { label: "Öppna senaste", submenu: recent },
      sep,
      cmd("Spara", "file.save", "CmdOrCtrl+S"),
      cmd("Spara som…", "file.saveAs", "CmdOrCtrl+Shift+S"),
      sep,
      cmd("Importera PDF, Word eller text…", "file.import", "CmdOrCtrl+I"),
      // Kallelse (issue 18)
      cmd("Nytt ärende (kallelse)", "agenda.newEntry"),
      cmd("Importera ärenden (tjänsteskrivelser)…", "agenda.importEntries"),
      cmd("Skapa protokoll från kallelsen", "agenda.createProtocol"),
      cmd("Bekräfta beslut", "agenda.confirmDecision"),
      cmd("Skicka utdrag…", "agenda.sendExtracts"),
      sep,
      { label: "Stäng fönster", role: "close", accelerator: "CmdOrCtrl+W" },
      ...(mac
        ? []
        : [sep, { label: "Avsluta", role: "quit" as const, accelerator: "CmdOrCtrl+Q" }]),
    ],
  };

  const redigera: MenuItemConstructorOptions = {
    label: "Redigera",
    submenu: [
      cmd("Ångra", "edit.undo", "CmdOrCtrl+Z"),
      cmd("Gör om", "edit.redo", mac ? "Cmd+Shift+Z" : "Ctrl+Y"),
      sep,
      { label: "Klipp ut", role: "cut" },
      { label: "Kopiera", role: "copy" },
      { label: "Klistra in", role: "paste" },
      { label: "Klistra in utan formatering", role: "pasteAndMatchStyle" },
      { label: "Markera allt", role: "selectAll" },
      sep,
      cmd("Sök…", "edit.find", "CmdOrCtrl+F"),
      cmd("Sök och ersätt…", "edit.replace", "CmdOrCtrl+H"),
    ],
  };

  const infoga: MenuItemConstructorOptions = {
    label: "Infoga",
    submenu: [
      cmd("Ny paragraf (§)", "insert.item", "CmdOrCtrl+Enter"),
      cmd("Beslut", "insert.decision", "CmdOrCtrl+Alt+B"),
      cmd("Ärendet (bakgrund)", "insert.background"),
      sep,
      cmd("Yrkande", "insert.proposal", "CmdOrCtrl+Alt+Y"),
      cmd("Beslutsordning", "insert.procedure"),
      cmd("Omröstning", "insert.vote", "CmdOrCtrl+Alt+O"),
      cmd("Reservation", "insert.reservation", "CmdOrCtrl+Alt+R"),
      sep,
      cmd("Särskilt uttalande", "insert.specialStatement"),
      cmd("Protokollsanteckning", "insert.protocolNote"),
      cmd("Ersättaryttrande", "insert.substituteStatement"),
      cmd("Jäv", "insert.recusal"),
      cmd("Expedieras till", "insert.distribution"),
      cmd("Fråga (interpellationssvar)", "insert.question"),
      sep,
      cmd("Hänvisning till paragraf", "insert.itemRef"),
      cmd("Standardfras…", "insert.phrase", "Ctrl+Space"),
      cmd("Sidbrytning", "insert.pageBreak"),
      sep,
      // Bilagor (issue 17)
      cmd("Infoga hänvisning till bilaga…", "insert.attachmentRef"),
      cmd("Lägg till bilaga…", "attachments.add"),
      cmd("Bilagor (panel)", "attachments.panel"),
      sep,
      {
        label: "Tabell",
        submenu: [
          cmd("Infoga tabell", "insert.table", "CmdOrCtrl+Alt+G"),
          sep,
          cmd("Infoga rad ovanför", "table.addRowBefore"),
          cmd("Infoga rad nedanför", "table.addRowAfter"),
          cmd("Infoga kolumn till vänster", "table.addColumnBefore"),
          cmd("Infoga kolumn till höger", "table.addColumnAfter"),
          cmd("Ta bort rad", "table.deleteRow"),
          cmd("Ta bort kolumn", "table.deleteColumn"),
          sep,
          cmd("Rubrikrad av/på", "table.toggleHeaderRow"),
          cmd("Sammanfoga celler", "table.mergeCells"),
          cmd("Dela cell", "table.splitCell"),
          cmd("Ta bort tabell", "table.delete"),
        ],
      },
    ],
  };

  const granska: MenuItemConstructorOptions = {
    label: "Granska",
    submenu: [
      cmd("Problem", "review.problems"),
      cmd("Nästa problem", "review.nextProblem", "F8"),
      sep,
      cmd("Närvaro och tjänstgöring", "review.attendance"),
      cmd("Mötesuppgifter", "review.meta"),
      cmd("Paragrafer (översikt)", "review.outline"),
      sep,
      cmd("Justering (panel)", "review.panel"),
      cmd("Skicka för justering…", "review.sendForReview"),
      cmd("Kommentera…", "review.comment"),
      cmd("Godkänn §", "review.approve"),
      cmd("Begär ändring i §…", "review.requestChanges"),
      cmd("Visa ändringar sedan jag läste", "review.changes"),
      cmd("Justera protokollet…", "review.adjust"),
      cmd("Rättelse…", "review.correction"),
      sep,
      cmd("Spara granskningskopia…", "review.saveCopy"),
      cmd("Hämta granskning…", "review.mergeCopy"),
      cmd("Word-kopia för granskning…", "review.saveWordCopy"),
      cmd("Hämta granskning från Word…", "review.mergeWordCopy"),
    ],
  };

  const exportera: MenuItemConstructorOptions = {
    label: "Exportera",
    submenu: [
      cmd("Protokoll som Word (DOCX)…", "export.docx"),
      cmd("Protokoll som PDF…", "export.pdf", "CmdOrCtrl+P"),
      sep,
      cmd("Protokollsutdrag…", "export.extract"),
      cmd("Anslagsbevis…", "export.notice"),
      cmd("Offentlig version…", "export.public"),
      sep,
      cmd("Förhandsgranska…", "file.preview"),
      cmd("Skriv ut…", "file.print"),
      cmd("Kommunprofil…", "profile.edit"),
    ],
  };

  const hjalp: MenuItemConstructorOptions = {
    label: "Hjälp",
    role: "help",
    submenu: [
      cmd("Kortkommandon", "help.shortcuts", "F1"),
      ...(mac ? [] : [sep, cmd("Om Protokoll", "help.about")]),
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: "Protokoll",
          submenu: [
            { label: "Om Protokoll", role: "about" },
            sep,
            { label: "Göm Protokoll", role: "hide" },
            { label: "Göm övriga", role: "hideOthers" },
            { label: "Visa alla", role: "unhide" },
            sep,
            { label: "Avsluta Protokoll", role: "quit" },
          ],
        },
      ]
    : [];
  const fonster: MenuItemConstructorOptions[] = mac
    ? [{ label: "Fönster", role: "windowMenu" }]
    : [];

  return [...appMenu, arkiv, redigera, infoga, granska, exportera, ...fonster, hjalp];
}
