import type { MenuItemConstructorOptions } from "electron";
import { describe, expect, it } from "vitest";
import { menuTemplate, type MenuActions } from "./menu.js";
import { menuCommands, type MenuCommand } from "../../schemas/contract.js";

function build(platform: NodeJS.Platform, recent: string[] = []) {
  const sent: MenuCommand[] = [];
  const done: string[] = [];
  const actions: MenuActions = {
    platform,
    recent,
    send: (c) => sent.push(c),
    newWindow: () => done.push("newWindow"),
    open: () => done.push("open"),
    openRecent: (p) => done.push(`openRecent ${p}`),
    clearRecent: () => done.push("clearRecent"),
  };
  return { template: menuTemplate(actions), sent, done };
}

const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
const find = (menu: MenuItemConstructorOptions[], label: string) =>
  items(menu).find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

describe("the application menu", () => {
  it("has the Swedish menus in order", () => {
    expect(build("linux").template.map((m) => m.label)).toEqual([
      "Arkiv",
      "Redigera",
      "Infoga",
      "Granska",
      "Exportera",
      "Hjälp",
    ]);
    expect(build("darwin").template.map((m) => m.label)).toEqual([
      "Protokoll",
      "Arkiv",
      "Redigera",
      "Infoga",
      "Granska",
      "Exportera",
      "Fönster",
      "Hjälp",
    ]);
  });

  it("sends every command the renderer knows, and only those", () => {
    const { template, sent } = build("linux");
    for (const item of items(template))
      if (item.click && !["Nytt fönster", "Öppna…"].includes(item.label!)) click(item);
    // "file.open" is sent by the main process itself, after it chose the window for a document;
    // cut, copy and paste are Electron's own menu roles here (the commands serve the web host's menu).
    const native = ["file.open", "edit.cut", "edit.copy", "edit.paste"];
    expect([...new Set(sent)].sort()).toEqual(
      menuCommands.filter((c) => !native.includes(c)).sort(),
    );
  });

  it("has the usual shortcuts", () => {
    const { template } = build("linux");
    const acc = (label: string) => find(template, label)?.accelerator;
    expect(acc("Spara")).toBe("CmdOrCtrl+S");
    expect(acc("Spara som…")).toBe("CmdOrCtrl+Shift+S");
    expect(acc("Öppna…")).toBe("CmdOrCtrl+O");
    expect(acc("Ångra")).toBe("CmdOrCtrl+Z");
    expect(acc("Gör om")).toBe("Ctrl+Y");
    expect(acc("Sök…")).toBe("CmdOrCtrl+F");
    expect(acc("Ny paragraf (§)")).toBe("CmdOrCtrl+Enter");
    expect(acc("Avsluta")).toBe("CmdOrCtrl+Q");
    expect(find(build("darwin").template, "Gör om")?.accelerator).toBe("Cmd+Shift+Z");
  });

  it("leaves the editor's own shortcuts to the editor on Windows and Linux, so a key acts once", () => {
    const { template } = build("linux");
    expect(find(template, "Spara")?.registerAccelerator).toBe(false);
    expect(find(template, "Ångra")?.registerAccelerator).toBe(false);
    expect(find(template, "Öppna…")?.registerAccelerator).toBeUndefined(); // the main process opens
  });

  it("opens, opens recent documents and clears the list in the main process", () => {
    const { template, done, sent } = build("linux", ["/hem/sn/2020-08-25.protokoll"]);
    click(find(template, "Öppna…"));
    click(find(template, "Nytt fönster"));
    const recent = find(template, "2020-08-25.protokoll");
    expect(recent?.sublabel).toBe("/hem/sn/2020-08-25.protokoll");
    click(recent);
    click(find(template, "Rensa listan"));
    expect(done).toEqual([
      "open",
      "newWindow",
      "openRecent /hem/sn/2020-08-25.protokoll",
      "clearRecent",
    ]);
    expect(sent).toEqual([]);
    expect(find(build("linux").template, "Inga senaste dokument")?.enabled).toBe(false);
  });
});
