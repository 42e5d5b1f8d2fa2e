/**
 * Klipp ut, Kopiera, Klistra in from the web host's Redigera menu. Cut and copy go through the
 * editor's own clipboard handling (the browser's cut/copy on the focused editor). Paste reads the
 * system clipboard (HTML when there is some, else text) and hands it to ProseMirror's paste, so it
 * is parsed exactly as Ctrl+V would (lists from Word, tables, no foreign styles). In the app,
 * Electron's menu roles do the same natively.
 */
import type { App } from "../app.js";
import { toast } from "./dialogs.js";

export async function clipboardCommand(app: App, what: "cut" | "copy" | "paste"): Promise<void> {
  app.focus();
  if (what !== "paste") {
    if (!document.execCommand(what))
      toast(what === "cut" ? "Klipp ut med Ctrl+X." : "Kopiera med Ctrl+C.", "info");
    return;
  }
  try {
    const items = await navigator.clipboard.read();
    for (const item of items) {
      if (item.types.includes("text/html"))
        return void app.view.pasteHTML(await (await item.getType("text/html")).text());
    }
    for (const item of items) {
      if (item.types.includes("text/plain"))
        return void app.view.pasteText(await (await item.getType("text/plain")).text());
    }
  } catch {
    toast("Webbläsaren tillåter inte att sidan läser urklipp – klistra in med Ctrl+V.", "info");
  }
}
