/**
 * The renderer is served from `app://protokoll/…` rather than `file://`: a custom protocol gives
 * every response our Content-Security-Policy header, confines what can be loaded to the built
 * renderer folder (no other file on the disk is reachable), and gives the pages a proper origin.
 */
import { readFile } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { APP_HOST, APP_SCHEME } from "./appUrl.js";
import { CONTENT_SECURITY_POLICY } from "./securityPolicy.js";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  // The spell-check's dictionary files.
  ".aff": "text/plain; charset=utf-8",
  ".dic": "text/plain; charset=utf-8",
};

/**
 * Answer a request for `app://protokoll/<path>` from the files under `root` (dist/renderer).
 * Anything outside it — `..`, encoded separators, NUL — is 404. (No realpath: inside the packaged
 * app.asar there are no symbolic links, and realpath is not reliable there.)
 */
export async function serveAppRequest(url: string, root: string): Promise<Response> {
  const notFound = () =>
    new Response("Hittades inte", {
      status: 404,
      headers: securityHeaders("text/plain; charset=utf-8"),
    });
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return notFound();
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return notFound();
  let rel: string;
  try {
    rel = decodeURIComponent(u.pathname);
  } catch {
    return notFound();
  }
  if (rel === "/" || rel === "") rel = "/index.html";
  const parts = rel.split("/").filter(Boolean);
  if (parts.some((p) => p === ".." || p === "." || p.includes("\\") || p.includes("\0")))
    return notFound();
  try {
    const base = resolve(root);
    const file = resolve(join(base, ...parts));
    if (!file.startsWith(base + sep)) return notFound();
    const body = await readFile(file);
    const type = MIME[extname(file).toLowerCase()] ?? "application/octet-stream";
    return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(type) });
  } catch {
    return notFound();
  }
}

function securityHeaders(type: string): Record<string, string> {
  return {
    "Content-Type": type,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
  };
}
