/**
 * The web host: the same renderer and the same contract as the Electron app, over HTTP on
 * 127.0.0.1 only. Every `/api/<channel>` call needs the random token of this run (header
 * `X-Protokoll-Token`); documents are confined to one workspace folder. The end-to-end tests drive
 * the real editor in Chromium through it, and anyone can try the editor without Electron.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve as resolvePath, sep } from "node:path";
import { channels, parseArgs, type Channel } from "../../schemas/contract.js";
import { projectRoot } from "../files/projectRoot.js";
import { createHandlers } from "../host/createHandlers.js";
import { Workspace, workspaceHostEnv } from "./workspace.js";

export const TOKEN_HEADER = "x-protokoll-token";

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Request bodies larger than this are refused (the contract allows 50 MB of text or 70 MB of base64). */
const MAX_BODY = 75 * 1024 * 1024;

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  // The spell-check's Hunspell (WebAssembly) and its dictionary files.
  ".wasm": "application/wasm",
  ".aff": "text/plain; charset=utf-8",
  ".dic": "text/plain; charset=utf-8",
};

export interface WebHostOptions {
  workspace: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** The built renderer (default dist/renderer next to the project). */
  rendererDir?: string;
}

export interface WebHost {
  url: string;
  token: string;
  workspace: string;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  mkdirSync(options.workspace, { recursive: true });
  const workspace = new Workspace(options.workspace);
  const rendererDir = resolvePath(options.rendererDir ?? join(projectRoot(), "dist", "renderer"));
  const token = randomBytes(24).toString("hex");
  const tokenBytes = Buffer.from(token);

  const handlers = createHandlers(workspaceHostEnv(workspace));

  let port = 0;
  const server = createServer((req, res) => {
    handle(req, res).catch((e) =>
      sendJson(res, 500, {
        ok: false,
        error: `Internt fel i webbvärden: ${e instanceof Error ? e.message : String(e)}`,
      }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader("Content-Security-Policy", CSP);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    // Only this machine, by the address we listen on (defeats DNS rebinding).
    const host = req.headers.host ?? "";
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
      return sendText(res, 421, "Fel värdnamn.");
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith("/api/")) {
      if (req.method !== "POST") return sendJson(res, 405, { ok: false, error: "Endast POST." });
      const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ""));
      if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes))
        return sendJson(res, 401, {
          ok: false,
          error: "Åtkomst nekad: fel eller saknad nyckel (token).",
        });
      const origin = req.headers.origin;
      if (origin && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`)
        return sendJson(res, 403, { ok: false, error: "Åtkomst nekad från en annan webbplats." });
      if (!String(req.headers["content-type"] ?? "").startsWith("application/json"))
        return sendJson(res, 415, { ok: false, error: "Förfrågan ska vara JSON." });
      const channel = url.pathname.slice("/api/".length) as Channel;
      if (!channels.includes(channel))
        return sendJson(res, 404, { ok: false, error: `Okänd kanal: ${channel}` });
      const body = await readBody(req);
      if (body === null) return sendJson(res, 413, { ok: false, error: "Förfrågan är för stor." });
      let raw: unknown;
      try {
        raw = body.length ? JSON.parse(body) : {};
      } catch {
        return sendJson(res, 400, { ok: false, error: "Förfrågan är inte giltig JSON." });
      }
      const parsed = parseArgs(channel, raw);
      if (!parsed.ok) return sendJson(res, 400, parsed);
      const handler = handlers[channel] as (args: unknown) => Promise<unknown>;
      return sendJson(res, 200, await handler(parsed.args));
    }

    if (req.method !== "GET" && req.method !== "HEAD") return sendText(res, 405, "Endast GET.");
    return serveStatic(url.pathname, res, req.method === "HEAD");
  }

  function serveStatic(pathname: string, res: ServerResponse, head: boolean): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return sendText(res, 400, "Ogiltig adress.");
    }
    if (rel === "/" || rel === "") rel = "/index.html";
    const file = normalize(join(rendererDir, rel));
    if (!file.startsWith(rendererDir + sep) || rel.includes("\0"))
      return sendText(res, 404, "Finns inte.");
    let info;
    try {
      info = statSync(file);
    } catch {
      info = null;
    }
    if (!info || !info.isFile()) {
      if (!existsSync(join(rendererDir, "index.html")))
        return sendText(res, 503, "Editorn är inte byggd. Kör: npm run build:renderer");
      return sendText(res, 404, "Finns inte.");
    }
    res.writeHead(200, {
      "Content-Type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": String(info.size),
      "Cache-Control": "no-cache",
    });
    if (head) {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, err) => {
    server.once("error", err);
    server.listen(options.port ?? 0, "127.0.0.1", () => ok());
  });
  const address = server.address();
  port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    workspace: workspace.root,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((ok, err) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () => ok(tooLarge ? null : Buffer.concat(chunks).toString("utf8")));
    req.on("error", err);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}
