import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Workspace, workspaceHostEnv } from "../web/workspace.js";
import { bodyFileName } from "./bodies.js";
import { createHandlers } from "./createHandlers.js";

const body = {
  name: "Tekniska nämnden",
  type: "nämnd" as const,
  municipality: "Exempelby kommun",
  reglemente: {
    adjusters: 2,
    substituteStatements: true,
    firstItemNumber: 40,
    members: 11,
    dnrPattern: "^TN \\d{4}/\\d+$",
    reservationDays: 1,
  },
};

describe("the bodies' reglementen in the workspace", () => {
  it("saves a body as bodies/<name>.json and offers it back, replacing the earlier one", async () => {
    const root = mkdtempSync(join(tmpdir(), "bodies-"));
    const h = createHandlers(workspaceHostEnv(new Workspace(root)));
    expect(await h.listBodies({})).toEqual({ ok: true, bodies: [], skipped: [] });
    expect(await h.saveBody({ body })).toEqual({ ok: true, path: "bodies/Tekniska nämnden.json" });
    expect(JSON.parse(readFileSync(join(root, "bodies", "Tekniska nämnden.json"), "utf8"))).toEqual(
      body,
    );
    await h.saveBody({ body: { ...body, reglemente: { ...body.reglemente, members: 13 } } });
    const listed = await h.listBodies({});
    expect(listed.ok && listed.bodies.map((b) => [b.name, b.reglemente.members])).toEqual([
      ["Tekniska nämnden", 13],
    ]);
    expect(existsSync(join(root, "bodies", "Tekniska nämnden.json.bak"))).toBe(false);
  });

  it("skips a file that is not a body, saying why, and keeps names inside the folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "bodies-"));
    mkdirSync(join(root, "bodies"));
    writeFileSync(join(root, "bodies", "Trasig.json"), "{ inte json");
    writeFileSync(
      join(root, "bodies", "Fel.json"),
      JSON.stringify({ name: "Fel", type: "styrelse" }),
    );
    const h = createHandlers(workspaceHostEnv(new Workspace(root)));
    const r = await h.listBodies({});
    expect(r.ok && r.bodies).toEqual([]);
    expect(r.ok && r.skipped.map((s) => s.split(":")[0])).toEqual(["Fel.json", "Trasig.json"]);
    expect(bodyFileName("../../etc/passwd")).toBe("etc-passwd.json");
    expect(bodyFileName("...")).toBe("Organ.json");
  });
});
