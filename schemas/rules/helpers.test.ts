import { ballotsOf, votersFor, voteWinner } from "../generated.js";
import { describe, expect, it } from "vitest";
import * as b from "../build.js";
import { adoptedProposal, lastVote } from "./helpers.js";
import { itemContexts } from "./index.js";
import { protocolFile } from "./testBuilder.testkit.js";

const yes = { id: "y-ja", by: ["jj"], subject: "Förvaltningens förslag" };
const no = { id: "y-nej", by: ["kg"], subject: "Avslag" };

/** Four §§: two votes (the last one decides), one vote without a result, a tally only, and no vote at all. */
const [twoVotes, noResult, tallyOnly, noVote] = itemContexts(
  protocolFile([
    b.item(
      { id: "a", title: "Två omröstningar" },
      b.proposal(yes),
      b.proposal(no),
      b.procedure({ order: ["y-ja", "y-nej"], adopted: "y-nej" }),
      b.vote({
        id: "v-forsta",
        yes: "y-ja",
        no: "y-nej",
        result: "nej",
        ballots: [
          { person: "jj", vote: "nej" },
          { person: "kg", vote: "nej" },
        ],
      }),
      b.vote({
        id: "v-sista",
        yes: "y-ja",
        no: "y-nej",
        result: "ja",
        ballots: [
          { person: "jj", vote: "ja" },
          { person: "kg", vote: "nej" },
          { person: "op", vote: "avstår" },
          { person: "lv", vote: "ja" },
        ],
      }),
      b.decision("Nämnden bifaller förslaget."),
    ),
    b.item(
      { id: "b", title: "Omröstning utan resultat" },
      b.proposal({ ...yes, id: "y-b1" }),
      b.proposal({ ...no, id: "y-b2" }),
      b.procedure({ order: ["y-b1", "y-b2"], adopted: "y-b2" }),
      b.vote({ id: "v-b", yes: "y-b1", no: "y-b2", result: null }),
      b.decision("Nämnden avslår förslaget."),
    ),
    b.item(
      { id: "c", title: "Bara röstsiffror" },
      b.proposal({ ...yes, id: "y-c1" }),
      b.proposal({ ...no, id: "y-c2" }),
      b.vote({
        id: "v-c",
        open: false,
        yes: "y-c1",
        no: "y-c2",
        tally: { ja: 4, nej: 2, avstår: 0 },
        result: "ja",
      }),
      b.decision("Nämnden bifaller förslaget."),
    ),
    b.item(
      { id: "d", title: "Utan omröstning" },
      b.decision("Nämnden lägger informationen till handlingarna."),
    ),
  ]),
);

describe("vote lookups shared by the rules", () => {
  it("finds the last vote of a §, and none in a § without votes", () => {
    expect(lastVote(twoVotes!)?.node.attrs.id).toBe("v-sista");
    expect(lastVote(noResult!)?.node.attrs.id).toBe("v-b");
    expect(lastVote(noVote!)).toBeUndefined();
  });

  it("gives the proposal a vote's result chose: the ja-proposition for ja, the nej-proposition for nej, none without a result", () => {
    const [first, last] = twoVotes!.blocks.filter((x) => x.type === "vote");
    expect(voteWinner(first!.node)).toBe("y-nej");
    expect(voteWinner(last!.node)).toBe("y-ja");
    expect(voteWinner(lastVote(noResult!)!.node)).toBeNull();
  });

  it("lists who voted each way in the order of the ballots, and nobody when only the totals are known", () => {
    const last = lastVote(twoVotes!)!.node;
    expect(votersFor(last, "ja")).toEqual(["jj", "lv"]);
    expect(votersFor(last, "nej")).toEqual(["kg"]);
    expect(votersFor(last, "avstår")).toEqual(["op"]);
    expect(ballotsOf(last)).toHaveLength(4);
    const tally = lastVote(tallyOnly!)!.node;
    expect(ballotsOf(tally)).toEqual([]);
    expect(votersFor(tally, "ja")).toEqual([]);
  });

  it("takes the adopted proposal from the last vote before the beslutsordning, and from the beslutsordning when no vote decided", () => {
    expect(adoptedProposal(twoVotes!)?.node.attrs.id).toBe("y-ja");
    expect(adoptedProposal(noResult!)?.node.attrs.id).toBe("y-b2");
    expect(adoptedProposal(tallyOnly!)?.node.attrs.id).toBe("y-c1");
    expect(adoptedProposal(noVote!)).toBeNull();
  });
});
