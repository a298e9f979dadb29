export { parseTrustedProxies } from "@isoloir/api";
export { edgeLimits, type RunningServer, type ServerOptions, startServer } from "./server";
