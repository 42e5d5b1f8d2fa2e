/** Justering: review, approvals, comments, merge of review copies, seal, rättelse and deadlines. */
export * from "./adjust.js";
export * from "./approvals.js";
export * from "./changesSince.js";
export * from "./comments.js";
export * from "./deadlineStatus.js";
export * from "./items.js";
export * from "./mergeReview.js";
export * from "./recordCorrection.js";
export * from "./reviewResult.js";
export * from "./reviewStatus.js";
export * from "./seal.js";
export * from "./sha256.js";
export * from "./textEdits.js";
export * from "./correctionNotes.js";
export * from "./reviewOverview.js";
export * from "./recordNotice.js";
