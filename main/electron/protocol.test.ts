import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppUrl } from "./appUrl.js";
import { serveAppRequest } from "./protocol.js";
import { CONTENT_SECURITY_POLICY } from "./securityPolicy.js";

let dir: string;
let root: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "protokoll-protocol-"));
  root = join(dir, "renderer");
  await mkdir(join(root, "assets"), { recursive: true });
  await writeFile(join(root, "index.html"), "<!doctype html><title>Protokoll</title>");
  await writeFile(join(root, "assets", "index-abc.js"), "console.log(1)");
  await writeFile(join(dir, "hemlig.txt"), "hemligt");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the app:// protocol", () => {
  it("serves the renderer's files with the CSP header and the right type", async () => {
    const r = await serveAppRequest("app://protokoll/index.html", root);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("<title>Protokoll</title>");
    expect(r.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(r.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const js = await serveAppRequest("app://protokoll/assets/index-abc.js?v=1", root);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await serveAppRequest("app://protokoll/", root)).status).toBe(200);
  });

  it.each([
    "app://protokoll/../hemlig.txt",
    "app://protokoll/%2e%2e/hemlig.txt",
    "app://protokoll/assets/..%2f..%2fhemlig.txt",
    "app://protokoll/assets%5c..%5c..%5chemlig.txt",
    "app://protokoll/finns-inte.js",
    "app://annan/index.html",
    "app://protokoll/%00",
  ])("never serves anything outside the renderer folder: %s", async (url) => {
    const r = await serveAppRequest(url, root);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain("hemligt");
  });

  it("recognises only our own origin as the app", () => {
    expect(isAppUrl("app://protokoll/index.html")).toBe(true);
    expect(isAppUrl("app://protokoll/index.html#/dokument")).toBe(true);
    expect(isAppUrl("app://evil/index.html")).toBe(false);
    expect(isAppUrl("file:///app/index.html")).toBe(false);
    expect(isAppUrl("inte en url")).toBe(false);
  });
});
