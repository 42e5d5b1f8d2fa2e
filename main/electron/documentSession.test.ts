import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostHandlers } from "../../schemas/contract.js";
import { lockPathOf } from "../files/fileLock.js";
import { protocolText } from "../files/testDocuments.testkit.js";
import { createHandlers } from "../host/createHandlers.js";
import {
  DocumentSession,
  GrantedPaths,
  NOT_GRANTED,
  withDocumentSession,
} from "./documentSession.js";

let dir: string;
const granted = new GrantedPaths();
const sessions: DocumentSession[] = [];

/** A window's session with the real shared handlers over a temp folder; what it told the user. */
function window(saveAnswer: () => string | null = () => null) {
  const session = new DocumentSession(
    sessions.length + 1,
    `Protokoll (fönster ${sessions.length + 1})`,
  );
  sessions.push(session);
  const notes: string[] = [];
  const closed: number[] = [];
  const env = {
    resolve: (p: string) => (granted.has(p) ? p : null),
    chooseOpenPath: async () => null,
    chooseSavePath: async () => saveAnswer(),
    chooseImportPath: async () => null,
    listFiles: async () => [],
    recoveryDir: join(dir, "recovery"),
    setDocumentState: async () => undefined,
  };
  const handlers: HostHandlers = withDocumentSession(session, createHandlers(env), {
    granted,
    sessions: () => sessions,
    chooseSavePath: env.chooseSavePath,
    remember: async () => undefined,
    notify: (m) => notes.push(m),
    changed: () => undefined,
    close: () => closed.push(session.id),
  });
  return { session, handlers, notes, closed };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-session-"));
});
afterAll(async () => {
  for (const s of sessions) await s.releaseLock();
  await rm(dir, { recursive: true, force: true });
});

describe("a document open in two windows", () => {
  it("is writable in the first and read-only in the second, which cannot save over it", async () => {
    const file = granted.grant(join(dir, "nämnd.protokoll"));
    const text = protocolText("Budget 2021");
    await writeFile(file, text);
    const a = window();
    const b = window();
    expect(await a.handlers.openFile({ path: file })).toEqual({
      ok: true,
      path: file,
      text,
      readOnly: false,
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(existsSync(lockPathOf(file))).toBe(true);

    expect(await b.handlers.openFile({ path: file })).toEqual({
      ok: true,
      path: file,
      text,
      readOnly: true,
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(b.notes[0]).toMatch(/redan öppet för redigering av Protokoll \(fönster 1\)/);
    const refused = await b.handlers.saveFile({
      path: file,
      text: protocolText("Ändrat i fönster 2"),
      saveAs: false,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: expect.stringMatching(/öppen för redigering någon annanstans/),
    });
    expect(await readFile(file, "utf8")).toBe(text);

    const changed = protocolText("Ändrat i fönster 1");
    expect(await a.handlers.saveFile({ path: file, text: changed, saveAs: false })).toEqual({
      ok: true,
      path: file,
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await readFile(file, "utf8")).toBe(changed);

    // Once the first window lets go, the second can take the document.
    await a.session.releaseLock();
    expect(await b.handlers.openFile({ path: file })).toMatchObject({ ok: true, readOnly: false });
  });

  it("saving under a name another window holds keeps the window's own document and lock", async () => {
    const mine = granted.grant(join(dir, "mitt.protokoll"));
    const theirs = granted.grant(join(dir, "deras.protokoll"));
    await writeFile(mine, protocolText("Mitt"));
    await writeFile(theirs, protocolText("Deras"));
    const other = window();
    await other.handlers.openFile({ path: theirs });
    const me = window(() => theirs);
    await me.handlers.openFile({ path: mine });
    const r = await me.handlers.saveFile({
      path: mine,
      text: protocolText("Mitt ändrat"),
      saveAs: true,
    });
    expect(r.ok).toBe(false);
    expect(me.session.path).toBe(mine);
    expect(me.session.lock).not.toBeNull();
    expect(await readFile(theirs, "utf8")).toBe(protocolText("Deras"));
  });
});

describe("what the renderer may reach", () => {
  it("opens and saves only files the user chose", async () => {
    const w = window();
    const secret = join(dir, "hemlig.protokoll");
    await writeFile(secret, protocolText("Hemligt"));
    expect(await w.handlers.openFile({ path: secret })).toEqual({ ok: false, error: NOT_GRANTED });
    expect(
      await w.handlers.saveFile({ path: secret, text: protocolText("Över"), saveAs: false }),
    ).toEqual({ ok: false, error: NOT_GRANTED });
    expect(await w.handlers.importFile({ path: "/etc/passwd" })).toEqual({
      ok: false,
      error: NOT_GRANTED,
    });
    expect(await readFile(secret, "utf8")).toBe(protocolText("Hemligt"));
  });

  it("saves a new document where the user chose, adding .protokoll", async () => {
    const chosen = join(dir, "nytt");
    const w = window(() => chosen);
    const text = protocolText("Nytt");
    expect(await w.handlers.saveFile({ path: null, text, saveAs: false })).toEqual({
      ok: true,
      path: `${chosen}.protokoll`,
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await readFile(`${chosen}.protokoll`, "utf8")).toBe(text);
    expect(w.session.path).toBe(`${chosen}.protokoll`);
  });

  it("closes the window after the save the close question asked for, and not after a failed one", async () => {
    const file = granted.grant(join(dir, "stang.protokoll"));
    const w = window();
    w.session.closeAfterSave = true;
    expect((await w.handlers.saveFile({ path: file, text: "{ trasig", saveAs: false })).ok).toBe(
      false,
    );
    expect(w.closed).toEqual([]);
    w.session.closeAfterSave = true;
    expect(
      (await w.handlers.saveFile({ path: file, text: protocolText("Stäng"), saveAs: false })).ok,
    ).toBe(true);
    expect(w.closed).toEqual([w.session.id]);
    expect(w.session.closeConfirmed).toBe(true);
  });
});

describe("recovery between windows", () => {
  it("offers only work no live window owns, such as what a crash left behind", async () => {
    const w1 = window();
    const w2 = window();
    await w1.handlers.autosave({ key: "levande", path: null, text: protocolText("Pågår") });
    // Left behind by a crashed run: in the folder, owned by nobody.
    const crashed = window();
    await crashed.handlers.autosave({
      key: "kraschat",
      path: null,
      text: protocolText("Kraschat"),
    });
    crashed.session.autosaveKeys.clear();

    const offered = await w2.handlers.listRecovery({});
    expect(offered.ok && offered.entries.map((e) => [e.key, e.title])).toEqual([
      ["kraschat", "Kraschat"],
    ]);
    const restored = await w2.handlers.restoreRecovery({ key: "kraschat" });
    expect(restored).toMatchObject({ ok: true, path: null });
    // Now w2 owns it: not offered to a third window.
    const third = await window().handlers.listRecovery({});
    expect(third.ok && third.entries.map((e) => e.key)).toEqual([]);
  });
});
