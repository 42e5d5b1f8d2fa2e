import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serialize } from "../../schemas/file.js";
import { socialnamnd } from "../../templates/socialnamnd.js";
import { CSP, startWebHost, type WebHost } from "./server.js";

let dir: string;
let renderer: string;
let host: WebHost;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "protokoll-web-"));
  renderer = mkdtempSync(join(tmpdir(), "protokoll-renderer-"));
  mkdirSync(join(renderer, "assets"));
  writeFileSync(join(renderer, "index.html"), "<!doctype html><title>Protokoll</title>");
  writeFileSync(join(renderer, "assets", "app.js"), "console.log(1)");
  host = await startWebHost({ workspace: dir, rendererDir: renderer });
  base = new URL(host.url).origin;
});
afterAll(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(renderer, { recursive: true, force: true });
});

const api = (channel: string, body: unknown, token: string | null = host.token) =>
  fetch(`${base}/api/${channel}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      ...(token ? { "X-Protokoll-Token": token } : {}),
    },
    body: JSON.stringify(body),
  });

describe("web host", () => {
  it("listens on 127.0.0.1 only and prints a URL with the token", () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);
  });

  it("serves the renderer with the strict CSP header", async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("<title>Protokoll</title>");
    expect(r.headers.get("content-security-policy")).toBe(CSP);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("frame-ancestors 'none'");
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get("content-type")).toMatch(/javascript/);
    expect((await fetch(`${base}/assets/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
  });

  it("refuses API calls without the right token", async () => {
    expect((await api("listFiles", {}, null)).status).toBe(401);
    expect((await api("listFiles", {}, "0".repeat(48))).status).toBe(401);
    const ok = await api("listFiles", {});
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, files: [] });
  });

  it("checks the arguments against the contract and names unknown channels", async () => {
    const bad = await api("saveFile", { path: 5 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(
      /Ogiltiga argument till saveFile/,
    );
    expect((await api("deleteEverything", {})).status).toBe(404);
  });

  it("saves and opens through HTTP, confined to the workspace", async () => {
    const text = serialize(socialnamnd.create({ date: "2021-01-12" }));
    const saved = (await (await api("saveFile", { path: "a.protokoll", text })).json()) as {
      ok: boolean;
      path: string;
    };
    expect(saved).toEqual({
      ok: true,
      path: "a.protokoll",
      revision: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const opened = (await (await api("openFile", { path: "a.protokoll" })).json()) as {
      ok: boolean;
      text: string;
    };
    expect(opened.text).toBe(text);
    const escape = (await (await api("openFile", { path: "../a.protokoll" })).json()) as {
      ok: boolean;
      error: string;
    };
    expect(escape.ok).toBe(false);
  });

  it("refuses a request for another host name (DNS rebinding)", async () => {
    const { request } = await import("node:http");
    const status = await new Promise<number>((ok) => {
      const u = new URL(base);
      const req = request(
        { host: "127.0.0.1", port: u.port, path: "/", headers: { Host: "evil.example:80" } },
        (res) => ok(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });
});
