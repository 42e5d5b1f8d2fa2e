/**
 * The justering's dialogs: begär ändring (what to change), ta tillbaka till utkast (why), justera
 * (who signs, when, with which key), rättelse (vad, varför, vem), signing a renewed seal, and the
 * anslag (which day). Each validates in Swedish and resolves with
 * what was entered, or null when cancelled.
 */
import { personName } from "../../schemas/review/index.js";
import type { Meta } from "../../schemas/meta.js";
import { modal } from "../ui/dialogs.js";
import { field, h } from "../ui/dom.js";
import { nowIso } from "./reviewSession.js";
import type { SigningFields } from "./sealSigning.js";

const textarea = (id: string, placeholder = "") =>
  h("textarea", { id, rows: 3, class: "review-text", placeholder });

export async function requestChangesDialog(label: string): Promise<string | null> {
  const note = textarea("request-note", "Vad ska ändras, och hur?");
  const ok = await modal(
    `Begär ändring i ${label}`,
    [field("Ändring som begärs", note)],
    [
      { label: "Avbryt", value: false },
      { label: "Begär ändring", value: true, primary: true },
    ],
    {
      validate: () => (note.value.trim() ? null : "Skriv vilken ändring du begär."),
      id: "request-dialog",
    },
  );
  return ok ? note.value.trim() : null;
}

export async function returnToDraftDialog(): Promise<string | null> {
  const why = textarea("draft-why", "T.ex. större omarbetning av § 5");
  const ok = await modal(
    "Ta tillbaka till utkast",
    [
      h(
        "p",
        {},
        "Kommentarer och godkännanden behålls; godkännanden av paragrafer som ändras upphör att gälla.",
      ),
      field("Varför", why),
    ],
    [
      { label: "Avbryt", value: false },
      { label: "Ta tillbaka", value: true, primary: true },
    ],
    { validate: () => (why.value.trim() ? null : "Skriv varför protokollet tas tillbaka.") },
  );
  return ok ? why.value.trim() : null;
}

/** Justera: who signs (the chair and every justerare), when, and the key that signs the seal; resolves with the time, and the reason when it is justerad despite rule errors. */
export async function adjustDialog(
  meta: Meta,
  signers: string[],
  signing: SigningFields,
  /** The rules' errors, in Swedish: justering then needs a recorded reason. */ ruleErrors: string[] = [],
): Promise<{ at: string; override?: string } | null> {
  const at = h("input", {
    type: "datetime-local",
    id: "adjust-at",
    value: nowIso(),
    required: true,
  });
  const reason = textarea("adjust-override", "T.ex. närvaroförteckningen finns i bilaga 1.");
  const despite = ruleErrors.length > 0;
  const ok = await modal(
    despite ? "Justera trots regelfel?" : "Justera protokollet",
    [
      ...(despite
        ? [
            h(
              "p",
              { class: "warning" },
              `Protokollet har ${ruleErrors.length === 1 ? "ett regelfel" : `${ruleErrors.length} regelfel`}. Rätta ${ruleErrors.length === 1 ? "det" : "dem"} helst först (panelen Problem).`,
            ),
            h(
              "ul",
              { class: "error-details", id: "adjust-errors" },
              ...ruleErrors.slice(0, 10).map((e) => h("li", {}, e)),
              ...(ruleErrors.length > 10
                ? [h("li", {}, `… och ${ruleErrors.length - 10} till`)]
                : []),
            ),
            field(
              "Skäl att justera ändå (registreras i historiken och omfattas av sigillet)",
              reason,
            ),
          ]
        : []),
      h("p", {}, "Protokollet justeras av:"),
      h(
        "ul",
        { class: "review-signers" },
        ...signers.map((id) =>
          h(
            "li",
            {},
            `${personName(meta, id)} (${id === meta.chair ? "ordförande" : "justerare"})`,
          ),
        ),
      ),
      field("Tidpunkt för justeringen", at),
      h(
        "p",
        { class: "hint" },
        "Efter justeringen är protokollet en allmän handling: texten låses och får ett sigill (SHA-256) som signeras med nyckeln nedan. Senare ändringar görs bara som en synlig rättelse.",
      ),
      ...signing.nodes,
    ],
    [
      { label: "Avbryt", value: false },
      {
        label: despite ? "Justera ändå och signera" : "Justera och signera",
        value: true,
        primary: true,
      },
    ],
    {
      validate: () =>
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at.value)
          ? "Ange dag och klockslag för justeringen."
          : despite && !reason.value.trim()
            ? "Skriv varför protokollet justeras trots regelfelen."
            : signing.validate(),
      id: "adjust-dialog",
      wide: despite,
    },
  );
  if (!ok) return null;
  return despite
    ? { at: at.value.slice(0, 16), override: reason.value.trim() }
    : { at: at.value.slice(0, 16) };
}

/** Sign a renewed seal (rättelse): the key and its passphrase; resolves true when confirmed. */
export async function signDialog(
  title: string,
  intro: string,
  button: string,
  signing: SigningFields,
): Promise<boolean> {
  const ok = await modal(
    title,
    [h("p", {}, intro), ...signing.nodes],
    [
      { label: "Avbryt", value: false },
      { label: button, value: true, primary: true },
    ],
    { validate: () => signing.validate(), id: "sign-dialog" },
  );
  return ok === true;
}

/** Anslaget: the day the notice went up on the anslagstavla, signed like the justering; resolves with the date. */
export async function noticeDialog(signing: SigningFields): Promise<string | null> {
  const posted = h("input", {
    type: "date",
    id: "notice-posted",
    value: nowIso().slice(0, 10),
    required: true,
  });
  const ok = await modal(
    "Registrera anslaget",
    [
      h(
        "p",
        {},
        "Dagen då justeringen tillkännagavs på anslagstavlan. Överklagandetiden räknas från den, så den registreras i historiken och sigillet förnyas och signeras.",
      ),
      field("Anslaget sattes upp den", posted),
      ...signing.nodes,
    ],
    [
      { label: "Avbryt", value: false },
      { label: "Registrera och signera", value: true, primary: true },
    ],
    {
      validate: () =>
        /^\d{4}-\d{2}-\d{2}$/.test(posted.value)
          ? signing.validate()
          : "Ange dagen då anslaget sattes upp.",
      id: "notice-dialog",
    },
  );
  return ok ? posted.value : null;
}

/** Rättelse: vad, varför, vem — before the text is unlocked for the correction. */
export async function correctionDialog(
  defaultBy: string,
): Promise<{ what: string; why: string; by: string } | null> {
  const what = textarea("correction-what", "T.ex. ”ytterstaden” ändras till ”innerstaden” i § 5.");
  const why = textarea("correction-why", "T.ex. skrivfel");
  const by = h("input", { type: "text", id: "correction-by", value: defaultBy, maxlength: 100 });
  const ok = await modal(
    "Rättelse i justerat protokoll",
    [
      h(
        "p",
        {},
        "En rättelse registreras i protokollets historik med vad, varför, vem och när, och visas i protokollet. Sigillet förnyas; det tidigare sparas.",
      ),
      field("Vad rättas (vad stod det, vad ska det stå)", what),
      field("Varför", why),
      field("Vem gör rättelsen", by),
    ],
    [
      { label: "Avbryt", value: false },
      { label: "Börja rättelsen", value: true, primary: true },
    ],
    {
      validate: () =>
        !what.value.trim()
          ? "Skriv vad som rättas."
          : !why.value.trim()
            ? "Skriv varför rättelsen görs."
            : !by.value.trim()
              ? "Ange vem som gör rättelsen."
              : null,
      id: "correction-dialog",
      wide: true,
    },
  );
  return ok ? { what: what.value.trim(), why: why.value.trim(), by: by.value.trim() } : null;
}
