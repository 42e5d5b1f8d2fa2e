/** Types of scripts/packaged-files.mjs (for the tests). */
export const TEST_PACKAGES: string[];
export function packagedTestCode(files: string[], root: string, read: (path: string) => string): string[];
