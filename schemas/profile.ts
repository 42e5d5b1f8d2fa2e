/**
 * The municipality profile: `profile.json` in the workspace (DESIGN.md, "The workspace"). What
 * every export of the municipality shares and no template holds: the kommun's name, its logo,
 * colours and fonts, the address line of its letterhead, the förvaltningsrätt an appeal goes to,
 * and where the signatures stand (at the end, or on page 1 as some municipalities print them).
 *
 * Files (logo, fonts) are named relative to the folder of `profile.json`, never absolute, so the
 * workspace can be moved and a profile cannot point the exporter at a file the user did not put
 * there. Keys this version does not know (e.g. a public key added later) are kept as they are, so
 * an older app that saves the profile does not drop them.
 */
import { z } from "zod";

/** A file inside the workspace: relative, `/`-separated, no `..`, no hidden parts. */
export const WorkspaceFile = z
  .string()
  .min(1)
  .max(300)
  .refine(
    (p) =>
      !/^[/\\]|^[A-Za-z]:|\\|\0/.test(p) &&
      p
        .split("/")
        .every((part) => part !== "" && part !== ".." && part !== "." && !part.startsWith(".")),
    {
      message: "filen ska anges relativt arbetsmappen, t.ex. ”profil/logo.png”",
    },
  );

const Colour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, "färgen ska skrivas #RRGGBB");

/** A TrueType family the exports embed (its licence must allow embedding). */
export const ProfileFont = z.strictObject({
  family: z.string().min(1).max(100),
  regular: WorkspaceFile.refine((p) => /\.ttf$/i.test(p), {
    message: "typsnittet ska vara en TrueType-fil (.ttf)",
  }),
  bold: WorkspaceFile.nullable().default(null),
  italic: WorkspaceFile.nullable().default(null),
  boldItalic: WorkspaceFile.nullable().default(null),
});
export type ProfileFont = z.infer<typeof ProfileFont>;

export const SignatureLayout = z.enum(["end", "first-page"]);
export type SignatureLayout = z.infer<typeof SignatureLayout>;

export const Profile = z.looseObject({
  /** "Exempelby kommun". */
  municipality: z.string().trim().min(1, "kommunens namn saknas").max(200),
  /** The logo: a PNG (used as is by the DOCX, flattened without alpha for PDF), and optionally an SVG the PDF draws as vectors. */
  logo: z
    .strictObject({
      png: WorkspaceFile.refine((p) => /\.png$/i.test(p), {
        message: "logotypen ska vara en PNG-fil",
      }),
      svg: WorkspaceFile.refine((p) => /\.svg$/i.test(p), {
        message: "vektorlogotypen ska vara en SVG-fil",
      })
        .nullable()
        .default(null),
    })
    .nullable()
    .default(null),
  colours: z.strictObject({ accent: Colour.nullable().default(null) }).prefault({}),
  fonts: z
    .strictObject({
      body: ProfileFont.nullable().default(null),
      heading: ProfileFont.nullable().default(null),
    })
    .prefault({}),
  /** Postal address, telephone, web: one line under the name in the letterhead. */
  addressLine: z.string().max(300).nullable().default(null),
  /** The förvaltningsrätt an appeal (laglighetsprövning) goes to: "Förvaltningsrätten i Exempelby". */
  administrativeCourt: z.string().max(200).nullable().default(null),
  /** Where the signatures stand in a protocol: after the last § (default), or on the first page. */
  signatureLayout: SignatureLayout.default("end"),
});
export type Profile = z.infer<typeof Profile>;
export type ProfileInput = z.input<typeof Profile>;

/** The file name of the profile in a workspace. */
export const PROFILE_FILE = "profile.json";

export type ProfileParse = { ok: true; profile: Profile } | { ok: false; error: string };

/** Parse the text of a profile.json: a clear Swedish message with the path of what is wrong, never an exception. */
export function parseProfile(text: string): ProfileParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: `profile.json är inte giltig JSON: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  const r = Profile.safeParse(raw);
  if (!r.success)
    return {
      ok: false,
      error: `profile.json är inte en giltig kommunprofil: ${r.error.issues.map((i) => `${i.path.join(".") || "(profilen)"}: ${i.message}`).join("; ")}`,
    };
  return { ok: true, profile: r.data };
}

/** The canonical text of a profile (two-space indentation, final newline). */
export function serializeProfile(profile: Profile): string {
  return JSON.stringify(profile, null, 2) + "\n";
}
