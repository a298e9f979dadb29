export { CASES_DIR, caseFilesAtCommit, caseFilesInWorkingTree, unionOfCases } from "./case-files";
export {
  type CaseFlip,
  type CaseSource,
  type CompareInput,
  compareRuleSets,
  exitCodeOf,
  type PolicyDiffReport,
  type Side,
  type SideInfo,
  type UnreadableCase,
} from "./compare";
export { installDependencies } from "./dependencies";
export { exportAtRef, type RefExport } from "./export-at-ref";
export { PolicyDiffError, resolveCommit } from "./git";
export { type DiffLine, lineDiff } from "./line-diff";
export { renderMarkdown } from "./markdown";
export { type PopulationFlips, type PopulationGroup, populationFlips } from "./population";
export { parseRuleSetExport } from "./rule-set";
export { DEFAULT_POPULATION, type DiffRefsOptions, diffRefs, type HeadSide, POPULATION_SEED } from "./run";
export { sameVerdict, transitionOf, type Verdict, verdictOf, verdictText } from "./verdict";
