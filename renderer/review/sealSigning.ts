/**
 * Choosing the key that signs a seal (justering, rättelse, anslag) and asking for its passphrase.
 * The renderer never sees a private key: it names the key and passes the passphrase to the host
 * (`signSeal`), which unlocks the key, signs, and returns the signed document.
 */
import type { HostApi } from "../../schemas/contract.js";
import type { Meta } from "../../schemas/meta.js";
import { formatFingerprint } from "../../schemas/review/seal.js";
import { MIN_PASSPHRASE } from "../../schemas/review/sealPassphrase.js";
import { field, h } from "../ui/dom.js";

/** Signs a document's text in the host; the signed text, or a Swedish refusal. */
export type Signer = (
  text: string,
) => Promise<
  { ok: true; text: string; fingerprint: string; holder: string } | { ok: false; error: string }
>;

export interface SigningFields {
  /** The controls to put in a dialog. */
  nodes: Node[];
  /** A Swedish problem with what was entered, or null. */
  validate(): string | null;
  /** The signer for what was chosen (creates the key first when a new one was asked for). */
  signer(): Signer;
}

/** The key choice and passphrase fields for a signing dialog, or a Swedish reason this host cannot sign. */
export async function signingFields(
  host: HostApi,
  meta: Meta,
): Promise<SigningFields | { error: string }> {
  const listed = await host.listSealKeys({});
  if (!listed.ok) return { error: listed.error };
  if (!listed.canSign)
    return {
      error:
        "Den här värden kan inte signera justeringar. Justera i appen Protokoll, eller starta webbvärden som dokumentens ägare.",
    };
  const keys = listed.keys;
  const NEW = "new";
  const select = h(
    "select",
    { id: "seal-key" },
    ...keys.map((k) =>
      h("option", { value: k.fingerprint }, `${k.holder} – ${formatFingerprint(k.fingerprint)}`),
    ),
    h("option", { value: NEW }, "Skapa en ny nyckel…"),
  );
  const holder = h("input", {
    type: "text",
    id: "seal-key-holder",
    maxlength: 200,
    value: [meta.body.name, meta.body.municipality].filter(Boolean).join(", "),
  });
  const platform = h("input", {
    type: "checkbox",
    id: "seal-key-platform",
    checked: listed.platformProtection,
  });
  const passphrase = h("input", { type: "password", id: "seal-passphrase", autocomplete: "off" });
  const again = h("input", { type: "password", id: "seal-passphrase-again", autocomplete: "off" });
  const fingerprint = h("p", { class: "hint", id: "seal-key-fingerprint" });
  const newBox = h(
    "div",
    { class: "seal-new-key" },
    field("Nyckelns innehavare (nämnd, kommun eller sekreterare)", holder),
    listed.platformProtection
      ? h(
          "label",
          { class: "check" },
          platform,
          " Skydda nyckeln med datorns nyckelring i stället för en lösenfras",
        )
      : null,
  );
  const passBox = h("div", {}, field("Lösenfras för nyckeln", passphrase));
  const againBox = h("div", {}, field("Upprepa lösenfrasen", again));
  const creating = () => select.value === NEW;
  const protectedByPlatform = () =>
    creating()
      ? listed.platformProtection && platform.checked
      : keys.find((k) => k.fingerprint === select.value)?.protection === "platform";
  const update = () => {
    newBox.hidden = !creating();
    passBox.hidden = protectedByPlatform();
    againBox.hidden = !creating() || protectedByPlatform();
    fingerprint.textContent = creating()
      ? "En ny nyckel skapas. Publicera dess fingeravtryck, så kan vem som helst kontrollera signaturen."
      : `Fingeravtryck: ${formatFingerprint(select.value)} – trycks på protokollet.`;
  };
  select.addEventListener("change", update);
  platform.addEventListener("change", update);
  update();
  return {
    nodes: [
      field("Signera med nyckel", select),
      fingerprint,
      newBox,
      passBox,
      againBox,
      h(
        "p",
        { class: "hint" },
        "Signeringen görs av programmet med nyckeln i ditt användarkonto, aldrig i dokumentet. Den som ändrar filen efteråt kan inte göra en ny giltig signatur.",
      ),
    ],
    validate() {
      if (creating() && !holder.value.trim()) return "Ange vem nyckeln tillhör.";
      if (protectedByPlatform()) return null;
      if (creating() && passphrase.value.length < MIN_PASSPHRASE)
        return `Lösenfrasen måste ha minst ${MIN_PASSPHRASE} tecken.`;
      if (creating() && passphrase.value !== again.value) return "Lösenfraserna är inte lika.";
      if (!passphrase.value) return "Ange nyckelns lösenfras.";
      return null;
    },
    signer() {
      const pass = protectedByPlatform() ? null : passphrase.value;
      const chosen = select.value;
      const name = holder.value.trim();
      const create = creating();
      return async (text) => {
        let key = chosen;
        if (create) {
          const k = await host.createSealKey({ holder: name, passphrase: pass });
          if (!k.ok) return k;
          key = k.fingerprint;
        }
        const r = await host.signSeal({ text, key, passphrase: pass });
        return r.ok ? { ok: true, text: r.text, fingerprint: r.fingerprint, holder: r.holder } : r;
      };
    },
  };
}
