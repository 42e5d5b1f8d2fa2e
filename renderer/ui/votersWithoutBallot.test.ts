import { describe, expect, it } from "vitest";
import { votersWithoutBallot } from "./votersWithoutBallot.js";

describe("the vote grid's count of members who have not voted", () => {
  it("counts a serving member without a ballot even when a person who no longer serves still has one", () => {
    const voters = [{ id: "a" }, { id: "b" }, { id: "c" }];
    const ballots = [
      { person: "a", vote: "ja" },
      { person: "b", vote: "nej" },
      { person: "x", vote: "ja" }, // served before the attendance changed
    ];
    expect(votersWithoutBallot(voters, ballots)).toEqual({ missing: ["c"], strays: ["x"] });
  });

  it("says nobody is missing when every serving member has voted", () => {
    expect(votersWithoutBallot([{ id: "a" }], [{ person: "a" }])).toEqual({
      missing: [],
      strays: [],
    });
  });
});
