#!/usr/bin/env node
// Committed JS entry: registers tsx and loads the TypeScript sources, so `npx isoloir` works
// straight after `npm install`, with no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
