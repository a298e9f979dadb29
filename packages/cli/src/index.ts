export { CliError, ExitCode } from "./errors";
