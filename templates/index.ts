import { interpellationssvar } from "./interpellationssvar.js";
import { kommunfullmaktige } from "./kommunfullmaktige.js";
import { kommunstyrelse } from "./kommunstyrelse.js";
import { socialnamnd } from "./socialnamnd.js";
import type { Template } from "./template.js";

export type { Template, Phrase } from "./template.js";

export const templates: Record<string, Template> = { socialnamnd, kommunstyrelse, kommunfullmaktige, interpellationssvar };

export function templateFor(id: string | null | undefined): Template | undefined {
  return id ? templates[id] : undefined;
}
