/**
 * The host's side of the municipality profile channels (schemas/contract.ts, "Kommunprofil"):
 * read and write the workspace's profile.json, and copy a logo or font the user picked into the
 * workspace's folder "profil/". The workspace is the host's (`HostEnv.workspaceDir`: the web
 * host's folder, the app's Arbetsmapp); without one the channels say so. Never throws.
 */
import { mkdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { HostHandlers } from "../../schemas/contract.js";
import { PROFILE_FILE, serializeProfile, Profile } from "../../schemas/profile.js";
import { atomicWrite } from "../files/atomicWrite.js";
import { writeOutput } from "../export/writeOutput.js";
import { loadProfile } from "../export/loadProfile.js";
import { flattenPng, isPng } from "../export/flattenPng.js";
import { fontFacts } from "../export/fontTable.js";

export interface ProfileEnv {
  /** The workspace folder (real path), or null when there is none yet (an unsaved document in the app). */
  workspaceDir?(): string | null;
  /** The user picks a logo or font file in the host's own dialog (the app); null when cancelled or not available. */
  chooseProfileFile?(kind: "logo" | "logoSvg" | "font"): Promise<string | null>;
}

type ProfileChannels = Pick<HostHandlers, "readProfile" | "writeProfile" | "importProfileFile">;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const NO_WORKSPACE =
  "Det finns ingen arbetsmapp ännu: spara dokumentet först, så blir dess mapp arbetsmapp för kommunprofilen.";

const EXT: Record<"logo" | "logoSvg" | "font", string> = {
  logo: ".png",
  logoSvg: ".svg",
  font: ".ttf",
};
const MAX: Record<"logo" | "logoSvg" | "font", number> = {
  logo: 5 * 1024 * 1024,
  logoSvg: 5 * 1024 * 1024,
  font: 20 * 1024 * 1024,
};

/** "Kommun Logga (2).PNG" → "kommun-logga-2.png": a plain file name for the profil/ folder. */
function cleanName(name: string, ext: string): string {
  const stem = basename(name, extname(name))
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${stem || "fil"}${ext}`;
}

/** Does the content match the kind? A clear Swedish reason when not. */
function checkContent(kind: "logo" | "logoSvg" | "font", bytes: Uint8Array): string | null {
  if (kind === "logo") {
    if (!isPng(bytes)) return "Logotypen ska vara en PNG-bild.";
    const flat = flattenPng(bytes);
    return flat.ok ? null : `Logotypen kan inte användas: ${flat.error}.`;
  }
  if (kind === "logoSvg")
    return /<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 64 * 1024)))
      ? null
      : "Vektorlogotypen ska vara en SVG-bild.";
  const facts = fontFacts(bytes);
  if (!facts) return "Typsnittet ska vara en TrueType-fil (.ttf).";
  return facts.embeddable
    ? null
    : "Typsnittets licens tillåter inte att det bäddas in i dokument (fsType). Välj ett annat typsnitt.";
}

export function profileHandlers(env: ProfileEnv): ProfileChannels {
  const workspace = () => env.workspaceDir?.() ?? null;
  return {
    readProfile: async () => {
      try {
        const root = workspace();
        if (!root) return fail(NO_WORKSPACE);
        const path = join(root, PROFILE_FILE);
        const text = await readFile(path, "utf8").catch(() => null);
        if (text === null)
          return { ok: true, profile: null, folder: root, logoPreview: null, error: null };
        let raw: Record<string, unknown> | null = null;
        try {
          const v = JSON.parse(text) as unknown;
          raw =
            v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
        } catch {
          raw = null;
        }
        const loaded = await loadProfile(root);
        const logo =
          loaded.ok && loaded.profile?.look.logo
            ? `data:image/png;base64,${Buffer.from(loaded.profile.look.logo.png).toString("base64")}`
            : null;
        return {
          ok: true,
          profile: raw,
          folder: root,
          logoPreview: logo,
          error: loaded.ok ? null : loaded.error,
        };
      } catch (e) {
        return fail(
          `Kommunprofilen kunde inte läsas: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },

    writeProfile: async ({ profile }) => {
      try {
        const root = workspace();
        if (!root) return fail(NO_WORKSPACE);
        const parsed = Profile.safeParse(profile);
        if (!parsed.success)
          return fail(
            `Kommunprofilen sparades inte: ${parsed.error.issues.map((i) => `${i.path.join(".") || "profilen"}: ${i.message}`).join("; ")}`,
          );
        const text = serializeProfile(parsed.data);
        // The files it names are checked before it replaces the old profile.
        const loaded = await loadProfile(root, text);
        if (!loaded.ok) return fail(`${loaded.error} Profilen sparades inte.`);
        await atomicWrite(join(root, PROFILE_FILE), text);
        return { ok: true };
      } catch (e) {
        return fail(`Kommunprofilen sparades inte: ${e instanceof Error ? e.message : String(e)}`);
      }
    },

    importProfileFile: async ({ kind, upload }) => {
      try {
        const root = workspace();
        if (!root) return fail(NO_WORKSPACE);
        let bytes: Uint8Array;
        let name: string;
        if (upload) {
          bytes = new Uint8Array(Buffer.from(upload.base64, "base64"));
          name = upload.name;
        } else {
          const chosen = await env.chooseProfileFile?.(kind);
          if (!chosen) return fail("Ingen fil vald.");
          const info = await stat(chosen).catch(() => null);
          if (!info?.isFile()) return fail(`”${basename(chosen)}” är inte en fil.`);
          if (info.size > MAX[kind]) return fail(`”${basename(chosen)}” är för stor.`);
          bytes = new Uint8Array(await readFile(chosen));
          name = basename(chosen);
        }
        if (bytes.length > MAX[kind]) return fail(`”${basename(name)}” är för stor.`);
        const bad = checkContent(kind, bytes);
        if (bad) return fail(bad);
        const folder = join(root, "profil");
        await mkdir(folder, { recursive: true });
        const file = cleanName(name, EXT[kind]);
        await writeOutput(join(folder, file), bytes);
        return { ok: true, file: `profil/${file}` };
      } catch (e) {
        return fail(
          `Filen kunde inte läggas in i arbetsmappen: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    },
  };
}
