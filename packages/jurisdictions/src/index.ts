export { AllowListChange, providerAllowListOf, setProviderAllowed } from "./allow-list";
export { SwitchError, type SwitchErrorCode, switchErrorCodes } from "./errors";
export {
  cnil2016Confirmation,
  needsCnil2016Confirmation,
  SwitchChange,
  type SwitchActor,
  setEnrichmentSwitch,
  switchHistory,
} from "./switches";
