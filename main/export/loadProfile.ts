/**
 * The municipality profile of a workspace, read from disk for the exporters: `profile.json`
 * (schemas/profile.ts) and the files it names — the logo (PNG flattened without alpha; the SVG, if
 * any, as text) and the fonts (TrueType files whose licence allows embedding). Every file must lie
 * inside the profile's folder (also after symbolic links) and be of sensible size. Never throws:
 * a bad profile is a Swedish message naming what is wrong, and the export is not made with half a
 * profile.
 *
 * The CLI finds the profile from the document's folder upwards (`findProfile`), or takes
 * `--workspace`; the app and the web host use their workspace folder.
 */
import { existsSync, realpathSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import {
  parseProfile,
  PROFILE_FILE,
  type Profile,
  type ProfileFont,
} from "../../schemas/profile.js";
import type { RenderFont, RenderProfile } from "../../schemas/render/renderModel.js";
import { flattenPng } from "./flattenPng.js";
import { fontFacts } from "./fontTable.js";

export interface LoadedProfile {
  settings: Profile;
  look: RenderProfile;
}

export type ProfileLoad =
  | { ok: true; profile: LoadedProfile | null; path: string | null }
  | { ok: false; error: string; path: string };

const MAX_PROFILE = 256 * 1024;
const MAX_LOGO = 5 * 1024 * 1024;
const MAX_FONT = 20 * 1024 * 1024;

/** The folder of the nearest profile.json from `dir` upwards, or null. */
export function findProfile(dir: string): string | null {
  let at = resolve(dir);
  for (let i = 0; i < 64; i++) {
    if (existsSync(join(at, PROFILE_FILE))) return at;
    const up = dirname(at);
    if (up === at) return null;
    at = up;
  }
  return null;
}

/** Read a file named in the profile: inside `root` (after links), a regular file, at most `max` bytes. */
async function readInside(
  root: string,
  rel: string,
  max: number,
  what: string,
): Promise<Uint8Array | string> {
  const path = join(root, ...rel.split("/"));
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return `${what} ”${rel}” finns inte i arbetsmappen`;
  }
  const realRoot = realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + sep))
    return `${what} ”${rel}” ligger utanför arbetsmappen`;
  const info = await stat(real);
  if (!info.isFile()) return `${what} ”${rel}” är inte en fil`;
  if (info.size > max)
    return `${what} ”${rel}” är för stor (${Math.round(info.size / 1024)} kB; högst ${Math.round(max / 1024)} kB)`;
  return new Uint8Array(await readFile(real));
}

async function loadFont(
  root: string,
  font: ProfileFont,
  role: string,
): Promise<RenderFont | string> {
  const faces: Partial<Record<"regular" | "bold" | "italic" | "boldItalic", Uint8Array>> = {};
  for (const face of ["regular", "bold", "italic", "boldItalic"] as const) {
    const rel = font[face];
    if (!rel) continue;
    const bytes = await readInside(root, rel, MAX_FONT, `Typsnittet för ${role}`);
    if (typeof bytes === "string") return bytes;
    const facts = fontFacts(bytes);
    if (!facts) return `Typsnittet ”${rel}” är inte en TrueType-fil`;
    if (!facts.embeddable)
      return `Typsnittet ”${rel}” får enligt sin licens inte bäddas in i dokument (fsType); välj ett annat`;
    faces[face] = bytes;
  }
  return {
    family: font.family,
    regular: faces.regular!,
    ...(faces.bold ? { bold: faces.bold } : {}),
    ...(faces.italic ? { italic: faces.italic } : {}),
    ...(faces.boldItalic ? { boldItalic: faces.boldItalic } : {}),
  };
}

/**
 * Load the profile in folder `root` (its profile.json; or `text`, a profile about to be saved
 * there, so it is checked with its files before it replaces the old one); `profile: null` when
 * there is none.
 */
export async function loadProfile(root: string, text?: string): Promise<ProfileLoad> {
  const path = join(root, PROFILE_FILE);
  const fail = (error: string): ProfileLoad => ({
    ok: false,
    error: `Kommunprofilen (${path}) kan inte användas: ${error}.`,
    path,
  });
  try {
    if (text === undefined) {
      if (!existsSync(path)) return { ok: true, profile: null, path: null };
      const info = await stat(path);
      if (!info.isFile()) return fail("profile.json är inte en fil");
      if (info.size > MAX_PROFILE) return fail("profile.json är för stor");
    }
    const parsed = parseProfile(text ?? (await readFile(path, "utf8")));
    if (!parsed.ok) return fail(parsed.error);
    const settings = parsed.profile;

    let logo: RenderProfile["logo"] = null;
    if (settings.logo) {
      const png = await readInside(root, settings.logo.png, MAX_LOGO, "Logotypen");
      if (typeof png === "string") return fail(png);
      const flat = flattenPng(png);
      if (!flat.ok) return fail(`logotypen ”${settings.logo.png}”: ${flat.error}`);
      let svg: string | undefined;
      if (settings.logo.svg) {
        const bytes = await readInside(root, settings.logo.svg, MAX_LOGO, "Vektorlogotypen");
        if (typeof bytes === "string") return fail(bytes);
        svg = new TextDecoder().decode(bytes);
        if (!/<svg[\s>]/i.test(svg)) return fail(`”${settings.logo.svg}” är inte en SVG-bild`);
      }
      logo = {
        png: flat.png,
        width: flat.width,
        height: flat.height,
        alt: `${settings.municipality} logotyp`,
        ...(svg ? { svg } : {}),
      };
    }
    const fonts: RenderProfile["fonts"] = { body: null, heading: null };
    for (const [key, role] of [
      ["body", "brödtext"],
      ["heading", "rubriker"],
    ] as const) {
      const f = settings.fonts[key];
      if (!f) continue;
      const loaded = await loadFont(root, f, role);
      if (typeof loaded === "string") return fail(loaded);
      fonts[key] = loaded;
    }
    return {
      ok: true,
      path,
      profile: {
        settings,
        look: {
          municipality: settings.municipality,
          addressLine: settings.addressLine,
          logo,
          colours: { accent: settings.colours.accent },
          fonts,
        },
      },
    };
  } catch (e) {
    return fail(e instanceof Error ? e.message : String(e));
  }
}
