/**
 * The editor's start: connect to the host (Electron preload or the web host), build the panels
 * around the EditorView, wire menus, shortcuts and the Electron menu's commands to the same
 * functions, give the editor's linter plugin its rules (it runs them after each pause in typing)
 * and the host's workspace facts, and offer to restore unsaved work.
 */
import { showPrintPreview } from "./ui/printPreview.js";
import { clipboardCommand } from "./ui/clipboardCommand.js";
import "prosemirror-tables/style/tables.css";
import "./styles.css";
import type { MenuCommand } from "../schemas/contract.js";
import { templates } from "../templates/index.js";
import { App } from "./app.js";
import { insertItemRef, insertPageBreak } from "./editor/commands.js";
import { derivedOf } from "./editor/derivedPlugin.js";
import { blockShortcuts, editorShortcuts, keyLabel, type Shortcut } from "./editor/keymap.js";
import { foundProblems, problemsOf } from "./editor/problemsPlugin.js";
import { openQuickInsert } from "./editor/quickInsert.js";
import { insertTable, tableActions } from "./editor/tableCommands.js";
import { startSpellCheck } from "./editor/spellcheck/spellClient.js";
import { mountSpellMenu } from "./ui/spellMenu.js";
import { liveValidation } from "./editor/validation.js";
import { forceLinting } from "./editor/linterPlugin.js";
import type { RuleContext } from "../schemas/rules/index.js";
import { connectHost } from "./host/hostClient.js";
import { mountAttendance } from "./ui/attendancePanel.js";
import { modal, showError } from "./ui/dialogs.js";
import { field, h, select } from "./ui/dom.js";
import { fileActions } from "./ui/fileActions.js";
import { itemOptions } from "./ui/itemOptions.js";
import { editProfile } from "./ui/profileDialog.js";
import { mountFindBar } from "./ui/findBar.js";
import { showHelp } from "./ui/helpPanel.js";
import { mountInspector } from "./ui/inspector.js";
import { mountMetaForm } from "./ui/metaForm.js";
import { mountOutline } from "./ui/outline.js";
import { mountReview, reviewMenuItems, type ReviewCommand } from "./review/mountReview.js";
import { countText, mountProblems } from "./ui/problemsPanel.js";
import { redo, undo } from "prosemirror-history";
import { schema } from "../schemas/schema.js";
import type { Command } from "prosemirror-state";
import { localIsoDate } from "../schemas/dates.js";
import {
  confirmDecision,
  createProtocolFromAgenda,
  importEntries,
  newEntry,
  sendExtractsToFolder,
} from "./agenda/agendaUi.js";
import { mountAttachments, type AttachmentsPanel } from "./ui/attachmentsPanel.js";

const $ = (id: string) => document.getElementById(id)!;

/** The Electron menu's commands and the renderer's own (not in the app menu). */

const today = () => localIsoDate();

async function start(): Promise<void> {
  const { host, menu, native } = connectHost();
  const initial = templates.socialnamnd!.create({ date: today() });
  // ---- validation: the editor's linter plugin runs the rules after a pause in typing ----
  // Facts from the workspace's other documents (fullmäktige's meetings, the interpellationssvar),
  // asked of the host when a document is loaded; the rules that need them are silent until then.
  let ruleContext: RuleContext | null = null;
  const app = new App(host, $("editor"), initial, { lint: liveValidation(() => ruleContext) });
  const files = fileActions(app, native);
  const find = mountFindBar(app, $("find-bar"));
  const refreshRuleContext = () =>
    void host.ruleContext({}).then((r) => {
      if (!r.ok) return;
      ruleContext = { ...ruleContext, meetingDates: r.meetingDates, answers: r.answers };
      forceLinting(app.view);
    });
  app.onChange((kinds) => {
    if (kinds.has("load")) refreshRuleContext();
  });

  // ---- commands shared by menus, keys and the Electron menu ----
  const run = (cmd: Command) => () => {
    cmd(app.state, (tr) => app.dispatch(tr), app.view);
    app.view.focus();
  };
  const insertRef = async () => {
    const options = itemOptions(app.state);
    const choice = select(options, options[0]?.[0] ?? "", { id: "ref-target" });
    const ok = await modal(
      "Hänvisning till paragraf",
      [field("Paragraf", choice)],
      [
        { label: "Avbryt", value: false },
        { label: "Infoga", value: true, primary: true },
      ],
    );
    if (ok && choice.value) {
      if (!insertItemRef(schema.nodes.item_ref, choice.value)(app.state, (tr) => app.dispatch(tr)))
        await showError("Hänvisning", "En hänvisning kan bara stå i löpande text.");
    }
    app.view.focus();
  };
  const nextProblem = () => {
    const problems = problemsOf(app.state);
    if (!problems.length) return;
    const after =
      problems
        .filter((p) => p.from > app.state.selection.from)
        .sort((a, b) => a.from - b.from)[0] ?? [...problems].sort((a, b) => a.from - b.from)[0]!;
    app.goTo(after.from);
  };
  const showTab = (name: string) => {
    const tab = document.querySelector<HTMLElement>(`[role=tab][data-tab="${name}"]`);
    tab?.click();
    document
      .getElementById(`panel-${name}`)
      ?.querySelector<HTMLElement>("input, select, button, [tabindex]")
      ?.focus();
  };
  const allShortcuts = (): Shortcut[] => [...appShortcuts, ...editorShortcuts(schema)];
  const byNode = (node: string) =>
    editorShortcuts(schema).find(
      (s) => s.label === blockShortcuts.find((b) => b.node === node)?.label,
    )!.command;

  // Justering (renderer/review): mounted with the panels below; its commands forward to it.
  let reviewCommands: Record<ReviewCommand, () => void | Promise<unknown>> | null = null;
  // Bilagor (issue 17): renderer/ui/attachmentsPanel.ts, mounted with the panels below.
  let attachments: AttachmentsPanel | null = null;
  const commands: Record<MenuCommand, () => void | Promise<unknown>> = {
    ...(Object.fromEntries(
      reviewMenuItems.map(([, c]) => [c, () => reviewCommands?.[c]()]),
    ) as Record<ReviewCommand, () => void | Promise<unknown>>),
    "file.new": () => files.newDocument(),
    "file.open": () => files.open(),
    "file.save": () => files.save(),
    "file.saveAs": () => files.saveAs(),
    "file.import": () => files.importFile(),
    "edit.undo": run(undo),
    "edit.redo": run(redo),
    "edit.find": () => find.open(false),
    "edit.replace": () => find.open(true),
    "insert.item": run(editorShortcuts(schema)[0]!.command),
    "insert.decision": run(byNode("decision")),
    "insert.background": run(byNode("background")),
    "insert.proposal": run(byNode("proposal")),
    "insert.procedure": run(byNode("decision_procedure")),
    "insert.vote": run(byNode("vote")),
    "insert.reservation": run(byNode("reservation")),
    "insert.specialStatement": run(byNode("special_statement")),
    "insert.protocolNote": run(byNode("protocol_note")),
    "insert.substituteStatement": run(byNode("substitute_statement")),
    "insert.recusal": run(byNode("recusal")),
    "insert.distribution": run(byNode("distribution")),
    "insert.question": run(editorShortcuts(schema).find((s) => s.key === "Mod-Alt-f")!.command),
    "insert.itemRef": () => insertRef(),
    "insert.phrase": () => {
      app.view.focus();
      openQuickInsert(app.view);
    },
    "insert.table": run(insertTable(schema)),
    ...(Object.fromEntries(tableActions.map((a) => [a.command, run(a.run)])) as Record<
      (typeof tableActions)[number]["command"],
      () => void
    >),
    "review.problems": () => showTab("problems"),
    "review.nextProblem": nextProblem,
    "review.attendance": () => showTab("attendance"),
    "review.meta": () => showTab("meta"),
    "review.outline": () => $("outline").querySelector<HTMLElement>("button")?.focus(),
    "export.docx": () => files.exportDialog({ format: "docx" }),
    "export.pdf": () => files.exportDialog({ format: "pdf" }),
    "export.extract": () => files.exportDialog({ output: "extract" }),
    "export.notice": () => files.exportDialog({ output: "notice" }),
    "export.public": () => files.exportDialog({ output: "public" }),
    "profile.edit": () => editProfile(app.host, native),
    "help.shortcuts": () => showHelp(allShortcuts()),
    // Kallelse (issue 18)
    "agenda.importEntries": () => importEntries(app, native),
    "agenda.createProtocol": () => createProtocolFromAgenda(app),
    "agenda.confirmDecision": () => void confirmDecision(app),
    "agenda.sendExtracts": () => sendExtractsToFolder(app),
    "agenda.newEntry": () => newEntry(app),
    "help.about": () =>
      modal(
        "Om Protokoll",
        [
          h(
            "p",
            {},
            "Protokoll – editor för protokoll och interpellationssvar enligt kommunallagen.",
          ),
        ],
        [{ label: "Stäng", value: true, primary: true }],
      ),
    "file.preview": () => showPrintPreview(app),
    "file.print": () => showPrintPreview(app, { print: true }),
    "edit.cut": () => clipboardCommand(app, "cut"),
    "edit.copy": () => clipboardCommand(app, "copy"),
    "edit.paste": () => clipboardCommand(app, "paste"),
    "insert.pageBreak": run(insertPageBreak(schema.nodes.page_break!)),
    // Bilagor (issue 17)
    "attachments.panel": () => showTab("attachments"),
    "attachments.add": () => attachments?.add(),
    "insert.attachmentRef": () => attachments?.insertRef(),
  };
  const exec = (name: MenuCommand) => () => {
    void Promise.resolve(commands[name]()).catch((e) =>
      showError("Ett fel uppstod", e instanceof Error ? e.message : String(e)),
    );
    return true;
  };
  const appShortcuts: Shortcut[] = [
    { key: "Mod-s", label: "Spara", group: "Arkiv", command: exec("file.save") },
    { key: "Mod-Shift-s", label: "Spara som", group: "Arkiv", command: exec("file.saveAs") },
    { key: "Mod-o", label: "Öppna", group: "Arkiv", command: exec("file.open") },
    { key: "Mod-f", label: "Sök", group: "Redigera", command: exec("edit.find") },
    { key: "Mod-h", label: "Sök och ersätt", group: "Redigera", command: exec("edit.replace") },
    {
      key: "Mod-Space",
      label: "Standardfras (snabbinfogning)",
      group: "Redigera",
      command: (_s, _d, view) => (view ? openQuickInsert(view) : false),
    },
    {
      key: "Mod-Alt-h",
      label: "Hänvisning till paragraf (§)",
      group: "Block",
      command: exec("insert.itemRef"),
    },
    { key: "F8", label: "Nästa problem", group: "Visa", command: exec("review.nextProblem") },
    { key: "F1", label: "Kortkommandon", group: "Visa", command: exec("help.shortcuts") },
    { key: "Mod-/", label: "Kortkommandon", group: "Visa", command: exec("help.shortcuts") },
  ];
  app.setAppShortcuts(appShortcuts);
  // Swedish spell-check in a worker (renderer/editor/spellcheck), with its context menu.
  const spell = startSpellCheck();
  spell.ready.catch((e: unknown) => console.warn(e instanceof Error ? e.message : String(e)));
  app.setSpellCheck(spell);
  mountSpellMenu(app);

  // Keys that must work outside the text too (panels, outline).
  document.addEventListener("keydown", (e) => {
    const mod = e.ctrlKey || e.metaKey;
    const inEditor = app.view.dom.contains(e.target as Node);
    if (e.key === "F6") {
      e.preventDefault();
      const regions = [$("outline"), app.view.dom, $("side")];
      const at = regions.findIndex((r) => r.contains(document.activeElement));
      const next =
        regions[(at + (e.shiftKey ? regions.length - 1 : 1) + regions.length) % regions.length]!;
      if (next === app.view.dom) app.view.focus();
      else next.querySelector<HTMLElement>("button, input, select, [tabindex='0']")?.focus();
      return;
    }
    if (inEditor || document.querySelector("dialog[open]")) return;
    const key = e.key.toLowerCase();
    const command: MenuCommand | null =
      mod && !e.shiftKey && key === "s"
        ? "file.save"
        : mod && e.shiftKey && key === "s"
          ? "file.saveAs"
          : mod && key === "o"
            ? "file.open"
            : e.key === "F1" || (mod && e.key === "/")
              ? "help.shortcuts"
              : mod && key === "f"
                ? "edit.find"
                : null;
    if (command) {
      e.preventDefault();
      exec(command)();
    }
  });

  // ---- toolbar menus ----
  const menuDef: { label: string; items: ([string, MenuCommand, string?] | null)[] }[] = [
    {
      label: "Arkiv",
      items: [
        ["Nytt…", "file.new"],
        ["Öppna…", "file.open", "Mod-o"],
        ["Spara", "file.save", "Mod-s"],
        ["Spara som…", "file.saveAs", "Mod-Shift-s"],
        null,
        ["Importera…", "file.import"],
        ["Exportera…", "export.pdf"],
        ["Protokollsutdrag…", "export.extract"],
        null,
        ["Förhandsgranska…", "file.preview"],
        ["Skriv ut…", "file.print"],
        null,
        ["Kommunprofil…", "profile.edit"],
        null,
        ["Nytt ärende (kallelse)", "agenda.newEntry"],
        ["Importera ärenden…", "agenda.importEntries"],
        ["Skapa protokoll från kallelsen", "agenda.createProtocol"],
        ["Bekräfta beslut", "agenda.confirmDecision"],
        ["Skicka utdrag…", "agenda.sendExtracts"],
      ],
    },
    {
      label: "Redigera",
      items: [
        ["Ångra", "edit.undo", "Mod-z"],
        ["Gör om", "edit.redo", "Mod-y"],
        null,
        ["Klipp ut", "edit.cut", "Mod-x"],
        ["Kopiera", "edit.copy", "Mod-c"],
        ["Klistra in", "edit.paste", "Mod-v"],
        null,
        ["Sök…", "edit.find", "Mod-f"],
        ["Sök och ersätt…", "edit.replace", "Mod-h"],
      ],
    },
    {
      label: "Infoga",
      items: [
        ["Ny paragraf (§)", "insert.item", "Mod-Enter"],
        null,
        ["Beslut", "insert.decision", "Mod-Alt-b"],
        ["Ärendet (bakgrund)", "insert.background", "Mod-Alt-a"],
        ["Yrkande", "insert.proposal", "Mod-Alt-y"],
        ["Beslutsordning", "insert.procedure", "Mod-Alt-p"],
        ["Omröstning", "insert.vote", "Mod-Alt-o"],
        ["Reservation", "insert.reservation", "Mod-Alt-r"],
        ["Särskilt uttalande", "insert.specialStatement", "Mod-Alt-s"],
        ["Protokollsanteckning", "insert.protocolNote", "Mod-Alt-n"],
        ["Ersättaryttrande", "insert.substituteStatement", "Mod-Alt-t"],
        ["Jäv", "insert.recusal", "Mod-Alt-j"],
        ["Expedieras till", "insert.distribution", "Mod-Alt-x"],
        ["Fråga (interpellationssvar)", "insert.question", "Mod-Alt-f"],
        null,
        ["Hänvisning till §…", "insert.itemRef", "Mod-Alt-h"],
        ["Standardfras…", "insert.phrase", "Mod-Space"],
        ["Sidbrytning", "insert.pageBreak"],
        null,
        ["Infoga hänvisning till bilaga…", "insert.attachmentRef"],
        ["Lägg till bilaga…", "attachments.add"],
      ],
    },
    {
      label: "Tabell",
      items: [
        ["Infoga tabell", "insert.table", "Mod-Alt-g"],
        null,
        ...tableActions.map((a): [string, MenuCommand] => [a.label, a.command]),
      ],
    },
    {
      label: "Granska",
      items: [
        ["Problem", "review.problems"],
        ["Nästa problem", "review.nextProblem", "F8"],
        ["Närvaro", "review.attendance"],
        ["Mötesuppgifter", "review.meta"],
        ["Paragraflistan", "review.outline"],
        ["Bilagor", "attachments.panel"],
        null,
        ...reviewMenuItems,
      ],
    },
    {
      label: "Hjälp",
      items: [
        ["Kortkommandon", "help.shortcuts", "F1"],
        ["Om Protokoll", "help.about"],
      ],
    },
  ];
  const menubar = $("menubar");
  for (const m of menuDef) {
    const id = `menu-${m.label.toLowerCase()}`;
    const list = h("ul", { role: "menu", id, class: "menu", hidden: true, "aria-label": m.label });
    const button = h(
      "button",
      {
        type: "button",
        class: "menu-button",
        "aria-haspopup": "menu",
        "aria-expanded": "false",
        "aria-controls": id,
      },
      m.label,
    );
    const close = (focusButton: boolean) => {
      list.hidden = true;
      button.setAttribute("aria-expanded", "false");
      if (focusButton) button.focus();
    };
    for (const item of m.items) {
      if (!item) {
        list.append(h("li", { role: "separator" }));
        continue;
      }
      const [label, cmd, key] = item;
      list.append(
        h(
          "li",
          { role: "none" },
          h(
            "button",
            {
              type: "button",
              role: "menuitem",
              "data-command": cmd,
              tabindex: "-1",
              onclick: () => {
                close(false);
                if (
                  !cmd.startsWith("file.") &&
                  !cmd.startsWith("export.") &&
                  !cmd.startsWith("help.") &&
                  !cmd.startsWith("review.")
                )
                  app.view.focus();
                exec(cmd)();
              },
            },
            h("span", {}, label),
            key ? h("kbd", {}, keyLabel(key)) : null,
          ),
        ),
      );
    }
    const items = () => [...list.querySelectorAll<HTMLElement>("[role=menuitem]")];
    button.addEventListener("click", () => {
      const open = list.hidden;
      document.querySelectorAll<HTMLElement>(".menu").forEach((x) => (x.hidden = true));
      document
        .querySelectorAll(".menu-button")
        .forEach((b) => b.setAttribute("aria-expanded", "false"));
      list.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (open) items()[0]?.focus();
    });
    button.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (list.hidden) button.click();
      }
    });
    list.addEventListener("keydown", (e) => {
      const all = items();
      const at = all.indexOf(document.activeElement as HTMLElement);
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        all[(at + (e.key === "ArrowDown" ? 1 : all.length - 1)) % all.length]?.focus();
      } else if (e.key === "Escape") {
        e.preventDefault();
        close(true);
      } else if (e.key === "Tab") close(false);
    });
    menubar.append(h("div", { class: "menu-wrap" }, button, list));
  }
  document.addEventListener("click", (e) => {
    if (!(e.target as HTMLElement).closest(".menu-wrap")) {
      document.querySelectorAll<HTMLElement>(".menu").forEach((x) => (x.hidden = true));
      document
        .querySelectorAll(".menu-button")
        .forEach((b) => b.setAttribute("aria-expanded", "false"));
    }
  });
  $("quick-new-item").addEventListener("click", exec("insert.item"));
  $("quick-save").addEventListener("click", exec("file.save"));
  $("quick-export").addEventListener("click", exec("export.pdf"));

  // ---- side panel tabs ----
  const tabs = [...document.querySelectorAll<HTMLElement>("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => {
      for (const t of tabs) {
        const on = t === tab;
        t.setAttribute("aria-selected", String(on));
        t.tabIndex = on ? 0 : -1;
        $(`panel-${t.dataset.tab}`).hidden = !on;
      }
    });
    tab.addEventListener("keydown", (e) => {
      const at = tabs.indexOf(tab);
      if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
        e.preventDefault();
        const next = tabs[(at + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length]!;
        next.click();
        next.focus();
      }
    });
  }

  mountOutline(app, $("outline"));
  mountInspector(app, $("panel-inspector"));
  mountAttendance(app, $("panel-attendance"));
  mountProblems(app, $("panel-problems"));
  mountMetaForm(app, $("panel-meta"));
  reviewCommands = mountReview(app, $("panel-review"), $("outline"), native).commands;
  attachments = mountAttachments(app, $("panel-attachments"), native, (attachmentFiles) => {
    ruleContext = { ...ruleContext, attachmentFiles };
    forceLinting(app.view);
  });

  // ---- status bar ----
  const statusDoc = $("status-doc");
  const statusItem = $("status-item");
  const statusProblems = $("status-problems");
  const problemsTab = document.querySelector<HTMLElement>('[data-tab="problems"]')!;
  // Each keystroke notifies the panels; a text written again (even the same) would make Chrome
  // lay out and repaint the bars, so only what changed is written.
  const setText = (el: HTMLElement, text: string) => {
    if (el.textContent !== text) el.textContent = text;
  };
  const statusState = $("status-state");
  const docTitle = $("doc-title");
  let lastProblems: unknown = null;
  const renderStatus = () => {
    setText(statusState, app.statusText());
    if (statusState.dataset.status !== app.meta.status)
      statusState.dataset.status = app.meta.status;
    setText(
      statusDoc,
      `${app.path ?? "Ej sparat"}${app.dirty ? " ● osparade ändringar" : ""}${app.readOnly ? " (skrivskyddat)" : ""}`,
    );
    if (statusDoc.classList.contains("dirty") !== app.dirty)
      statusDoc.classList.toggle("dirty", app.dirty);
    const item = app.currentItem();
    setText(
      statusItem,
      item ? `§ ${derivedOf(app.state).numbers.get(item.node.attrs.id as string)}` : "",
    );
    const problems = foundProblems(app.state);
    if (problems !== lastProblems) {
      lastProblems = problems;
      setText(statusProblems, countText(problems));
      const errors = problems.filter((p) => p.severity === "error").length;
      setText(problemsTab, errors ? `Problem (${errors})` : "Problem");
    }
    setText(docTitle, app.title());
  };
  app.onChange(renderStatus);
  renderStatus();

  // ---- Electron menu ----
  menu.onMenuCommand?.((command, payload) => {
    if (command === "file.open" && payload?.path) void files.open(payload.path);
    else if (command in commands) exec(command as MenuCommand)();
  });
  window.addEventListener("beforeunload", (e) => {
    if (!app.dirty) return;
    void app.autosaveNow();
    // In the browser, ask before leaving unsaved work. In Electron the main process asks (it knows
    // the state from setDocumentState); cancelling here would make the window impossible to close.
    if (!native) e.preventDefault();
  });

  // The rules' first run is the linter's own, after the first frame (editor/linterPlugin.ts).
  app.flush();
  // Exposed for the end-to-end tests and the benchmark (read-only use).
  (window as unknown as { protokollApp: App }).protokollApp = app;
  document.body.dataset.ready = "true";
  app.focus();
  await files.offerRecovery();
}

start().catch((e) => {
  document.body.textContent = `Protokoll kunde inte starta: ${e instanceof Error ? e.message : String(e)}`;
});
