export * from "./client";
export * from "./keys";
export * from "./lock";
export * from "./open";
export * from "./schema/index";
export * from "./suppression-merge";
export * from "./tenant";
export * from "./uuid-array";
