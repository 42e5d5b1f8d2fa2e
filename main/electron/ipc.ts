/**
 * The one place where the renderer's messages enter the main process: one `ipcMain.handle` per
 * channel of the contract. Every message is checked before a handler sees it:
 *   1. it comes from the top frame of one of our own windows, showing our own page (app://protokoll);
 *   2. its arguments parse with the channel's zod schema.
 * A rejected message, a handler's failure or an exception all come back as `{ok: false, error}` in
 * Swedish — nothing is thrown across the boundary.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from "electron";
import {
  channels,
  parseArgs,
  type Channel,
  type HostHandlers,
  type HostResult,
  type ParsedArgsOf,
  type ResultOf,
} from "../../schemas/contract.js";
import { isAppUrl } from "./appUrl.js";

/** Whatever answers a window's messages: its document session's handlers. */
export interface IpcTarget {
  handlers: HostHandlers;
}
export type FindTarget = (sender: WebContents) => IpcTarget | undefined;

export const REJECTED_SENDER =
  "Meddelandet kom inte från ett av Protokolls egna fönster och avvisades.";

export async function handleInvoke<C extends Channel>(
  channel: C,
  event: IpcMainInvokeEvent,
  args: unknown,
  find: FindTarget,
): Promise<HostResult<ResultOf<C>>> {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || !isAppUrl(frame.url))
    return { ok: false, error: REJECTED_SENDER };
  const target = find(event.sender);
  if (!target) return { ok: false, error: REJECTED_SENDER };
  const parsed = parseArgs(channel, args);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const handler = target.handlers[channel] as (
    a: ParsedArgsOf<C>,
  ) => Promise<HostResult<ResultOf<C>>>;
  try {
    return await handler(parsed.args);
  } catch (e) {
    return {
      ok: false,
      error: `Ett oväntat fel inträffade (${channel}): ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Register a handler for every channel of the contract. Returns a function that removes them. */
export function registerIpc(ipcMain: IpcMain, find: FindTarget): () => void {
  for (const channel of channels)
    ipcMain.handle(channel, (event, args: unknown) => handleInvoke(channel, event, args, find));
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
