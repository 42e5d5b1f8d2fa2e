import { describe, expect, it } from "vitest";
import { documentPathsFromArgv } from "./argv.js";

describe("documents on the command line", () => {
  it("takes .protokoll files, absolute, once each, and skips the program and options", () => {
    expect(
      documentPathsFromArgv(
        [
          "/opt/Protokoll/protokoll",
          "--no-sandbox",
          "möte.protokoll",
          "/srv/KS/2021.PROTOKOLL",
          "./möte.protokoll",
          "bilaga.pdf",
          "--flag=x.protokoll",
        ],
        "/hem/sekr",
      ),
    ).toEqual(["/hem/sekr/möte.protokoll", "/srv/KS/2021.PROTOKOLL"]);
  });
  it("skips the app folder of `electron .` and a second start's Chromium switches", () => {
    expect(
      documentPathsFromArgv(
        ["electron", ".", "--allow-file-access-from-files", "a.protokoll"],
        "/d",
      ),
    ).toEqual(["/d/a.protokoll"]);
    expect(documentPathsFromArgv(["electron"], "/d")).toEqual([]);
  });
});
