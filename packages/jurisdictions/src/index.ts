export { AllowListChange, providerAllowListOf, setProviderAllowed } from "./allow-list";
export { SwitchError, type SwitchErrorCode, switchErrorCodes } from "./errors";
export {
  cnil2016Confirmation,
  needsCnil2016Confirmation,
  type SwitchActor,
  SwitchChange,
  setEnrichmentSwitch,
  switchHistory,
} from "./switches";
