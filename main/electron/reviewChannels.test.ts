/**
 * The Word review channels in the Electron app: like exports and imports, the renderer cannot name
 * where the review copy is written, nor read a Word file the user did not choose.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { sampleProtocol } from "../../schemas/review/sampleProtocol.testkit.js";
import { createHandlers } from "../host/createHandlers.js";
import {
  DocumentSession,
  GrantedPaths,
  NOT_GRANTED,
  withDocumentSession,
} from "./documentSession.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-review-session-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function windowChoosing(savePath: string | null) {
  const granted = new GrantedPaths();
  const session = new DocumentSession(1, "Protokoll");
  const chooseSavePath = async () => (savePath ? granted.grant(savePath) : null);
  const env = {
    resolve: (p: string) => (granted.has(p) ? p : null),
    chooseOpenPath: async () => null,
    chooseSavePath,
    chooseImportPath: async () => null,
    listFiles: async () => [],
    recoveryDir: join(dir, "recovery"),
    setDocumentState: async () => undefined,
  };
  const handlers = withDocumentSession(session, createHandlers(env), {
    granted,
    sessions: () => [session],
    chooseSavePath,
    remember: async () => undefined,
    notify: () => undefined,
    changed: () => undefined,
    close: () => undefined,
  });
  return { handlers, granted };
}

describe("the Word review channels in the app", () => {
  it("write the review copy only where the user chose in the save dialog, whatever path the renderer names", async () => {
    const chosen = join(dir, "vald.docx");
    const { handlers } = windowChoosing(chosen);
    const elsewhere = join(dir, "annan.docx");
    const r = await handlers.exportReviewDocx({
      text: serialize(sampleProtocol()),
      path: elsewhere,
    });
    expect(r).toMatchObject({ ok: true, path: chosen });
    expect(existsSync(chosen)).toBe(true);
    expect(existsSync(elsewhere)).toBe(false);
  });

  it("read a Word copy only from a path the user chose", async () => {
    const { handlers } = windowChoosing(null);
    const secret = join(dir, "hemlig.docx");
    await writeFile(secret, "x");
    expect(
      await handlers.importReviewDocx({
        text: serialize(sampleProtocol()),
        path: secret,
        receivedAt: "2020-08-29T08:00",
      }),
    ).toEqual({ ok: false, error: NOT_GRANTED });
    expect(
      await handlers.importReviewDocx({
        text: serialize(sampleProtocol()),
        receivedAt: "2020-08-29T08:00",
      }),
    ).toEqual({ ok: false, error: "Ingen fil vald." });
  });
});
