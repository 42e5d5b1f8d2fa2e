/**
 * The host's side of the bilagor channels (schemas/contract.ts, issue 17), shared by the Electron
 * app and the web host: copy a file the user picked into `bilagor/` beside the saved document
 * (main/files/attachmentFiles.ts), and say which bilaga files are missing or changed. The document
 * path comes from the renderer and goes through the host's path policy (`HostEnv.resolve`: the
 * web host's workspace, the app's granted paths); the picked file is the app's own dialog or the
 * browser's upload, so the renderer never names an outside file. Never throws.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { MAX_ATTACHMENT_BYTES } from "../../schemas/attachments.js";
import type { HostHandlers } from "../../schemas/contract.js";
import {
  AttachmentError,
  checkAttachmentFiles,
  storeAttachment,
} from "../files/attachmentFiles.js";
import { allowedPath } from "./allowedPath.js";
import type { HostEnv } from "./createHandlers.js";

type AttachmentChannels = Pick<HostHandlers, "attachFile" | "checkAttachments">;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const NOT_SAVED = "Spara dokumentet först – bilagorna kopieras till mappen bilagor/ bredvid det.";

export function attachmentHandlers(
  env: Pick<HostEnv, "resolve" | "chooseAttachmentPath">,
): AttachmentChannels {
  return {
    attachFile: async ({ path, upload }) => {
      try {
        const doc = allowedPath(env, path);
        if (typeof doc !== "string") return fail(doc.error);
        if (!(await stat(doc).catch(() => null))?.isFile()) return fail(NOT_SAVED);
        let bytes: Uint8Array;
        let name: string;
        if (upload) {
          // base64 of 25 MB is ~34 MB: the contract lets larger uploads through, the cap is here.
          if (upload.base64.length > Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4 + 4)
            return fail(
              `”${basename(upload.name)}” är för stor för en bilaga (högst ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB).`,
            );
          bytes = new Uint8Array(Buffer.from(upload.base64, "base64"));
          name = upload.name;
        } else {
          const chosen = await env.chooseAttachmentPath?.();
          if (!chosen) return fail("Ingen fil vald.");
          const info = await stat(chosen).catch(() => null);
          if (!info?.isFile()) return fail(`”${basename(chosen)}” är inte en fil.`);
          if (info.size > MAX_ATTACHMENT_BYTES)
            return fail(
              `”${basename(chosen)}” är för stor för en bilaga (högst ${MAX_ATTACHMENT_BYTES / (1024 * 1024)} MB).`,
            );
          bytes = new Uint8Array(await readFile(chosen));
          name = basename(chosen);
        }
        const stored = await storeAttachment(doc, name, bytes);
        return {
          ok: true,
          file: stored.file,
          sha256: stored.sha256,
          name: basename(name.replace(/\\/g, "/")),
        };
      } catch (e) {
        if (e instanceof AttachmentError) return fail(e.text.sv);
        return fail(
          `Bilagan kunde inte läggas till: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },

    checkAttachments: async ({ path, files }) => {
      try {
        const doc = allowedPath(env, path);
        if (typeof doc !== "string") return fail(doc.error);
        const found = await checkAttachmentFiles(doc, files);
        return { ok: true, files: files.map((file) => ({ file, sha256: found[file] ?? null })) };
      } catch (e) {
        return fail(
          `Bilagorna kunde inte kontrolleras: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },
  };
}
