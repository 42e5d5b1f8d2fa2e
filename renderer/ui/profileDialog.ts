/**
 * "Kommunprofil": the workspace's municipality profile (profile.json, schemas/profile.ts) edited in
 * a dialog — the kommun's name, the letterhead's address line, the förvaltningsrätt of the anslag,
 * the accent colour, where the signatures stand, the logo (PNG, and optionally an SVG) and the
 * fonts. Logos and fonts are copied into the workspace's folder "profil/" by the host (the app's
 * file dialog, or the file picked in the browser). Keys the dialog does not know are kept.
 */
import type { HostApi } from "../../schemas/contract.js";
import { modal, showError, toast } from "./dialogs.js";
import { field, h, select } from "./dom.js";
import { obj } from "../../schemas/storedJson.js";
import { uploadOf } from "../host/uploadOf.js";

type AssetKind = "logo" | "logoSvg" | "font";
const ACCEPT: Record<AssetKind, string> = {
  logo: ".png,image/png",
  logoSvg: ".svg,image/svg+xml",
  font: ".ttf,font/ttf",
};

const str = (v: unknown): string => (typeof v === "string" ? v : "");

export async function editProfile(host: HostApi, native: boolean): Promise<void> {
  const read = await host.readProfile({});
  if (!read.ok) return showError("Kommunprofil", read.error);
  const raw: Record<string, unknown> = { ...(read.profile ?? {}) };
  const logo = obj(raw.logo);
  const colours = obj(raw.colours);
  const fonts = obj(raw.fonts);

  const name = h("input", {
    type: "text",
    id: "profile-municipality",
    value: str(raw.municipality),
    required: true,
    maxlength: "200",
  });
  const address = h("input", {
    type: "text",
    id: "profile-address",
    value: str(raw.addressLine),
    maxlength: "300",
    placeholder: "Box 1, 123 45 Exempelby · 012-34 56 78",
  });
  const court = h("input", {
    type: "text",
    id: "profile-court",
    value: str(raw.administrativeCourt),
    maxlength: "200",
    placeholder: "Förvaltningsrätten i …",
  });
  const useAccent = h("input", {
    type: "checkbox",
    id: "profile-use-accent",
    checked: typeof colours.accent === "string",
  });
  const accent = h("input", {
    type: "color",
    id: "profile-accent",
    value: str(colours.accent) || "#1f4e79",
  });
  const signatures = select(
    [
      ["end", "Sist i protokollet"],
      ["first-page", "På första sidan"],
    ],
    str(raw.signatureLayout) || "end",
    { id: "profile-signatures" },
  );

  // Files: what profile.json names now, changed by picking a new one.
  const files = {
    logo: str(logo.png) || null,
    logoSvg: str(logo.svg) || null,
    body: str(obj(fonts.body).regular) || null,
    heading: str(obj(fonts.heading).regular) || null,
  };
  const preview = h("img", {
    class: "profile-logo",
    id: "profile-logo-preview",
    alt: "Logotypen",
    hidden: !read.logoPreview,
    ...(read.logoPreview ? { src: read.logoPreview } : {}),
  });
  const fileLabel = (value: string | null) =>
    h("span", { class: "profile-file" }, value ?? "(ingen)");
  const labels = {
    logo: fileLabel(files.logo),
    logoSvg: fileLabel(files.logoSvg),
    body: fileLabel(files.body),
    heading: fileLabel(files.heading),
  };
  const bodyFamily = h("input", {
    type: "text",
    id: "profile-body-family",
    value: str(obj(fonts.body).family),
    placeholder: "Typsnittets namn",
  });
  const headingFamily = h("input", {
    type: "text",
    id: "profile-heading-family",
    value: str(obj(fonts.heading).family),
    placeholder: "Typsnittets namn",
  });

  /** Copy a file into the workspace: the app's dialog, or the browser's file picker and an upload. */
  const pick = async (kind: AssetKind, slot: keyof typeof files) => {
    let upload: { name: string; base64: string } | undefined;
    if (!native) {
      const input = h("input", { type: "file", accept: ACCEPT[kind] });
      const chosen = await new Promise<File | null>((ok) => {
        input.addEventListener("change", () => ok(input.files?.[0] ?? null), { once: true });
        input.click();
      });
      if (!chosen) return;
      upload = await uploadOf(chosen);
    }
    const r = await host.importProfileFile({ kind, ...(upload ? { upload } : {}) });
    if (!r.ok) {
      if (!/Ingen fil vald/.test(r.error)) await showError("Kommunprofil", r.error);
      return;
    }
    files[slot] = r.file;
    labels[slot].textContent = r.file;
    if (kind === "logo" && upload) {
      preview.src = `data:image/png;base64,${upload.base64}`;
      preview.hidden = false;
    }
  };
  const button = (text: string, id: string, onclick: () => void) =>
    h("button", { type: "button", id, onclick: () => void onclick() }, text);
  const clear = (slot: keyof typeof files, id: string) =>
    button("Ta bort", id, () => {
      files[slot] = null;
      labels[slot].textContent = "(ingen)";
      if (slot === "logo") preview.hidden = true;
    });

  const body: Node[] = [
    read.error ? h("p", { class: "error-details", id: "profile-error" }, read.error) : null,
    h("p", { class: "hint" }, `Gäller alla dokument i arbetsmappen ${read.folder}.`),
    field("Kommunens namn", name),
    field("Adressrad (brevhuvud)", address),
    field("Förvaltningsrätt (i anslaget)", court),
    h(
      "div",
      { class: "field" },
      h("label", { class: "check" }, useAccent, " Accentfärg för rubriker"),
      accent,
    ),
    field("Underskrifter", signatures),
    h(
      "fieldset",
      {},
      h("legend", {}, "Logotyp"),
      preview,
      h(
        "div",
        {},
        "PNG: ",
        labels.logo,
        " ",
        button("Välj PNG…", "profile-pick-logo", () => pick("logo", "logo")),
        " ",
        clear("logo", "profile-clear-logo"),
      ),
      h(
        "div",
        {},
        "SVG (valfri): ",
        labels.logoSvg,
        " ",
        button("Välj SVG…", "profile-pick-svg", () => pick("logoSvg", "logoSvg")),
        " ",
        clear("logoSvg", "profile-clear-svg"),
      ),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Typsnitt (TrueType som får bäddas in)"),
      h(
        "div",
        {},
        "Brödtext: ",
        bodyFamily,
        " ",
        labels.body,
        " ",
        button("Välj TTF…", "profile-pick-body", () => pick("font", "body")),
        " ",
        clear("body", "profile-clear-body"),
      ),
      h(
        "div",
        {},
        "Rubriker: ",
        headingFamily,
        " ",
        labels.heading,
        " ",
        button("Välj TTF…", "profile-pick-heading", () => pick("font", "heading")),
        " ",
        clear("heading", "profile-clear-heading"),
      ),
    ),
  ].filter((n): n is HTMLElement => n !== null);

  for (;;) {
    const ok = await modal(
      "Kommunprofil",
      body,
      [
        { label: "Avbryt", value: false },
        { label: "Spara", value: true, primary: true },
      ],
      {
        id: "profile-dialog",
        wide: true,
        validate: (v) =>
          !v
            ? null
            : !name.value.trim()
              ? "Ange kommunens namn."
              : (files.body && !bodyFamily.value.trim()) ||
                  (files.heading && !headingFamily.value.trim())
                ? "Ange typsnittets namn."
                : files.logoSvg && !files.logo
                  ? "En SVG-logotyp behöver också en PNG (den används i Word)."
                  : null,
      },
    );
    if (!ok) return;
    const font = (family: string, file: string | null, old: unknown) =>
      file ? { ...obj(old), family: family.trim(), regular: file } : null;
    const profile: Record<string, unknown> = {
      ...raw,
      municipality: name.value.trim(),
      addressLine: address.value.trim() || null,
      administrativeCourt: court.value.trim() || null,
      colours: { ...colours, accent: useAccent.checked ? accent.value.toUpperCase() : null },
      signatureLayout: signatures.value,
      logo: files.logo ? { png: files.logo, svg: files.logoSvg } : null,
      fonts: {
        body: font(bodyFamily.value, files.body, fonts.body),
        heading: font(headingFamily.value, files.heading, fonts.heading),
      },
    };
    const r = await host.writeProfile({ profile });
    if (r.ok) {
      toast("Kommunprofilen sparades. Den används i alla exporter från arbetsmappen.", "success");
      return;
    }
    await showError("Kommunprofilen sparades inte", r.error);
  }
}
