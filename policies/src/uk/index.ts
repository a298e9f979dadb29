import type { Rule } from "@isoloir/policy";
import { pecrChannels } from "./pecr-channels";
import { ukElectoralRegister, ukSpecialCategoryInferred } from "./register-and-special";

/** The UK pack: UK GDPR, DPA 2018, PECR. */
export const ukRules: readonly Rule[] = [pecrChannels, ukElectoralRegister, ukSpecialCategoryInferred];
