/** Where our renderer lives: `app://protokoll/index.html` (see protocol.ts). */
export const APP_SCHEME = "app";
export const APP_HOST = "protokoll";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for `protocol.registerSchemesAsPrivileged` (before the app is ready). */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

/** Is `url` a page of our own renderer (what IPC accepts messages from)? */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === `${APP_SCHEME}:` &&
      u.host === APP_HOST &&
      u.username === "" &&
      u.password === ""
    );
  } catch {
    return false;
  }
}
