/**
 * The Electron side of the security policy (securityPolicy.ts has the decisions): permissions
 * denied, no remote content, the CSP on every response, navigation and new windows denied,
 * webviews refused, https links opened in the user's browser.
 */
import { shell, type Session, type WebContents } from "electron";
import {
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isExternalLinkAllowed,
  isNavigationAllowed,
} from "./securityPolicy.js";

export function secureSession(ses: Session): void {
  // Camera, microphone, notifications, geolocation, clipboard-read, USB, HID…: never needed.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No remote content: only our own app:// files, data: images and the developer tools.
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url) }),
  );
  // The CSP on every response, also those not served by our protocol handler.
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        "Content-Security-Policy": [CONTENT_SECURITY_POLICY],
      },
    }),
  );
}

/** Open a link in the user's browser if it is a plain https link; everything else is ignored. */
export function openExternalLink(url: string): boolean {
  if (!isExternalLinkAllowed(url)) return false;
  void shell.openExternal(url);
  return true;
}

export function secureWebContents(contents: WebContents): void {
  // A click on a link never navigates the editor away; an https link opens in the browser.
  contents.on("will-navigate", (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openExternalLink(event.url);
  });
  contents.on("will-frame-navigate", (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
  // window.open and target=_blank: no new Electron window, ever.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalLink(url);
    return { action: "deny" };
  });
}
