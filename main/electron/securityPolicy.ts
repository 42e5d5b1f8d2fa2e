/**
 * The security decisions of the shell as plain functions, so they are tested without Electron:
 * the Content-Security-Policy, which requests may leave the renderer, which links may open in the
 * user's browser.
 */
import { isAppUrl } from "./appUrl.js";

// 'wasm-unsafe-eval' lets the spell-check worker compile Hunspell's WebAssembly (and nothing else:
// eval and new Function stay refused).
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * No remote content: the renderer may load its own files (app://), inline data: images and the
 * developer tools; everything else (http, https, ws, file, ftp…) is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  return url.startsWith("data:") || url.startsWith("devtools:");
}

/**
 * A link the user clicked may open in the default browser if it is a plain https link — no
 * credentials in it, no other scheme (file:, smb:, javascript:, custom protocol handlers).
 */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" && u.username === "" && u.password === "" && u.hostname !== "";
  } catch {
    return false;
  }
}

/** Navigation of a window away from our renderer is never allowed (a reload of our page is). */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}
