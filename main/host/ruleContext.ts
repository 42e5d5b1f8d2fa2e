/**
 * The rule context (schemas/rules/types.ts RuleContext) built from the documents the host can
 * see: the workspace in the web host, the recent documents in the app. The meeting dates of
 * fullmäktige (from its protocols) and the interpellationssvar with the meeting they are answered
 * at; rules stay pure and get these facts handed in. An unreadable file is passed over.
 */
import type { RuleContext, WorkspaceAnswer } from "../../schemas/rules/types.js";
import { readDocumentFile } from "../files/readDocumentFile.js";
import { answerTitleText } from "../../schemas/titleText.js";

/** At most this many documents are read for one context (a large workspace stays quick). */
const RULE_CONTEXT_MAX_FILES = 500;

export async function buildRuleContext(
  realPaths: readonly string[],
): Promise<Required<Omit<RuleContext, "attachmentFiles">>> {
  const meetingDates = new Set<string>();
  const answers: WorkspaceAnswer[] = [];
  for (const path of realPaths.slice(0, RULE_CONTEXT_MAX_FILES)) {
    const r = await readDocumentFile(path).catch(() => null);
    if (!r || !r.ok) continue;
    const { meta, doc, kind } = r.file;
    if (kind === "protokoll") {
      if (meta.body.type === "kommunfullmäktige" && meta.meeting.date)
        meetingDates.add(meta.meeting.date);
      continue;
    }
    const ip = meta.interpellation;
    const interpellant = ip?.interpellant
      ? (meta.persons.find((p) => p.id === ip.interpellant)?.name ?? null)
      : null;
    answers.push({
      number: ip?.number ?? null,
      title: answerTitleText(doc),
      interpellant,
      meetingDate: ip?.meeting ?? null,
    });
  }
  return { meetingDates: [...meetingDates].sort(), answers };
}
