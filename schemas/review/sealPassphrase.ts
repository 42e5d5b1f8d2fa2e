/**
 * The passphrase of a new seal key: the host's key store (main/review/sealKeys.ts) refuses a
 * shorter one, and the signing dialog (renderer/review/sealSigning.ts) says so before asking it.
 */

/** Shortest passphrase accepted for a new key, in characters. */
export const MIN_PASSPHRASE = 10;
