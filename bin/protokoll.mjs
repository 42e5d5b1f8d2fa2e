#!/usr/bin/env node
// The `protokoll` command: runs the TypeScript CLI in main/cli through tsx (no build step needed).
import { register } from "tsx/esm/api";
register();
const { main } = await import("../main/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
