/**
 * The renderer's host: `window.protokoll` in the Electron app (the preload), otherwise an HTTP
 * client of the web host built from the contract's channel list — both typed as `HostApi`, so the
 * editor cannot call a channel that does not exist or pass it wrong arguments.
 */
import { channels, type Channel, type HostApi } from "../../schemas/contract.js";

export interface MenuBridge {
  onMenuCommand?(callback: (command: string, payload?: { path?: string }) => void): void;
}

declare global {
  interface Window {
    protokoll?: HostApi & MenuBridge;
  }
}

const TOKEN_KEY = "protokoll-token";

/** The web host's token: from `?token=` on first load (then removed from the address bar), else this tab's memory. */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

function httpHost(): HostApi {
  const token = webToken();
  const call = async (channel: Channel, args: unknown) => {
    try {
      const res = await fetch(`./api/${channel}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Protokoll-Token": token },
        body: JSON.stringify(args ?? {}),
      });
      const body = (await res.json().catch(() => null)) as { ok: boolean; error?: string } | null;
      if (body && typeof body.ok === "boolean") return body;
      return { ok: false, error: `Webbvärden svarade med fel ${res.status}.` };
    } catch (e) {
      return {
        ok: false,
        error: `Kunde inte nå webbvärden – är den igång? (${e instanceof Error ? e.message : String(e)})`,
      };
    }
  };
  return Object.fromEntries(
    channels.map((c) => [c, (args: unknown) => call(c, args)]),
  ) as unknown as HostApi;
}

export function connectHost(): { host: HostApi; menu: MenuBridge; native: boolean } {
  if (window.protokoll) return { host: window.protokoll, menu: window.protokoll, native: true };
  return { host: httpHost(), menu: {}, native: false };
}
