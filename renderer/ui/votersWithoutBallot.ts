/**
 * The vote grid's count of who has not voted: the serving members without a ballot. Ballots of
 * persons who do not serve in the § (left over after the attendance changed) are not votes of the
 * members, so they are counted apart and never hide a member who has not voted.
 */
export function votersWithoutBallot(
  voters: readonly { id: string }[],
  ballots: readonly { person: string }[],
): { missing: string[]; strays: string[] } {
  const voted = new Set(ballots.map((b) => b.person));
  const serving = new Set(voters.map((v) => v.id));
  return {
    missing: voters.filter((v) => !voted.has(v.id)).map((v) => v.id),
    strays: [...new Set(ballots.map((b) => b.person).filter((p) => !serving.has(p)))],
  };
}
