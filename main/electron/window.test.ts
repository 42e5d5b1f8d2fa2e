import { describe, expect, it, vi } from "vitest";

vi.mock("electron", () => ({ BrowserWindow: class {} }));

import {
  cascade,
  closeAnswers,
  fitToDisplays,
  unsavedChangesQuestion,
  windowTitle,
} from "./window.js";

const screen = { x: 0, y: 0, width: 1920, height: 1040 };

describe("the window title", () => {
  it("shows the file name, the unsaved marker and the document's own title", () => {
    expect(
      windowTitle({
        title: "Socialnämnden 2020-08-25 – Utkast",
        dirty: true,
        path: "/hem/sn/2020-08-25.protokoll",
      }),
    ).toBe("2020-08-25.protokoll • – Socialnämnden 2020-08-25 – Utkast – Protokoll");
    expect(windowTitle({ title: "", dirty: false, path: "/a/b.protokoll" })).toBe(
      "b.protokoll – Protokoll",
    );
  });
  it("calls a new document Namnlöst and says when it is read-only", () => {
    expect(windowTitle({ title: "", dirty: true, path: null })).toBe("Namnlöst • – Protokoll");
    expect(
      windowTitle({ title: "KS", dirty: false, path: "/x/ks.protokoll", readOnly: true }),
    ).toBe("ks.protokoll – KS – skrivskyddad – Protokoll");
  });
});

describe("the close question", () => {
  it("asks Spara / Spara inte / Avbryt, with Avbryt as the escape answer", () => {
    const q = unsavedChangesQuestion("/hem/möte.protokoll");
    expect(q.buttons).toEqual(["Spara", "Spara inte", "Avbryt"]);
    expect(closeAnswers[q.defaultId]).toBe("save");
    expect(closeAnswers[q.cancelId]).toBe("cancel");
    expect(q.message).toBe("Vill du spara ändringarna i ”möte.protokoll”?");
    expect(unsavedChangesQuestion(null).message).toMatch(/namnlösa dokumentet/);
  });
});

describe("the remembered window position", () => {
  it("comes back where it was when that screen is still there", () => {
    expect(
      fitToDisplays({ x: 100, y: 80, width: 1200, height: 800, maximized: true }, [screen]),
    ).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
  });
  it("moves onto the screen when its screen is gone, and is never larger than the screen", () => {
    expect(
      fitToDisplays({ x: 3000, y: 80, width: 2500, height: 1400, maximized: false }, [screen]),
    ).toEqual({ width: 1920, height: 1040, maximized: false });
  });
  it("ignores a state file that is nonsense", () => {
    expect(fitToDisplays("trasig", [screen])).toEqual({
      width: 1280,
      height: 860,
      maximized: false,
    });
    expect(fitToDisplays({ width: -5, height: "stor", x: Number.NaN }, [screen])).toEqual({
      width: 720,
      height: 860,
      maximized: false,
    });
  });
  it("puts a second window below and to the right of the first", () => {
    expect(
      cascade(
        { x: 10, y: 20, width: 1000, height: 700, maximized: false },
        { width: 1000, height: 700, maximized: false },
      ),
    ).toMatchObject({ x: 38, y: 48 });
  });
});
