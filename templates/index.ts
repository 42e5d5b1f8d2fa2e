import { interpellationssvar } from "./interpellationssvar.js";
import { kommunfullmaktige } from "./kommunfullmaktige.js";
import { kommunstyrelse } from "./kommunstyrelse.js";
import { socialnamnd } from "./socialnamnd.js";
import type { Template } from "./template.js";
import { kallelseTemplate } from "./kallelseTemplate.js";

export type { Template, Phrase } from "./template.js";

export const templates: Record<string, Template> = {
  socialnamnd,
  kommunstyrelse,
  kommunfullmaktige,
  interpellationssvar,
};

// Kallelser (issue 18): one per body, beside its protocol template.
for (const t of [socialnamnd, kommunstyrelse, kommunfullmaktige])
  templates[`kallelse-${t.id}`] = kallelseTemplate(t);

export function templateFor(id: string | null | undefined): Template | undefined {
  return id ? templates[id] : undefined;
}
