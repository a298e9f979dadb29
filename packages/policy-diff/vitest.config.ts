import { packageTestConfig } from "../../vitest.shared";

export default packageTestConfig({ testTimeout: 300_000, hookTimeout: 300_000 });
