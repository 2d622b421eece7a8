import Analyses
import Foundation
import GeoIO

/// The `hotspot` command line: parse, dispatch, map errors to exit statuses. Nothing else.
@main
enum Hotspot {
  static let version = Software.version

  static let overview =
    "Incident points and area boundaries in; counts, hot spots, rankings, maps and reports out."

  /// Every subcommand, in the order `--help` lists them.
  static var commands: [any HotspotCommand.Type] {
    [
      InspectCommand.self, CountCommand.self, RankCommand.self, ZonesCommand.self, DensityCommand.self,
      GistarCommand.self, MoranCommand.self, EmergingCommand.self, PatrolCommand.self, CoverCommand.self,
      BacktestCommand.self,
      EvaluateCommand.self, MapCommand.self, ReportCommand.self, DemoCommand.self,
    ]
  }

  static func main() {
    let console = Console.standard()
    let status = run(Array(CommandLine.arguments.dropFirst()), console: console)
    exit(status)
  }

  /// Runs one command line and returns the exit status; all output goes through `console`.
  static func run(_ arguments: [String], console: Console) -> Int32 {
    let specs = commands.map { $0.spec }
    guard let first = arguments.first else {
      console.error(Help.rootScreen(commands: specs, overview: overview))
      return ExitStatus.usage
    }
    switch first {
    case "-h", "--help":
      console.output(Help.rootScreen(commands: specs, overview: overview))
      return ExitStatus.success
    case "--version":
      console.output(version + "\n")
      return ExitStatus.success
    case "help":
      guard arguments.count > 1 else {
        console.output(Help.rootScreen(commands: specs, overview: overview))
        return ExitStatus.success
      }
      guard let command = commands.first(where: { $0.spec.name == arguments[1] }) else {
        console.error(Help.usageErrorScreen("Unknown subcommand '\(arguments[1])'.", spec: nil))
        return ExitStatus.usage
      }
      console.output(Help.screen(command.spec))
      return ExitStatus.success
    default:
      break
    }
    guard let command = commands.first(where: { $0.spec.name == first }) else {
      var message = "Unknown subcommand '\(first)'."
      if let near = specs.map(\.name).min(by: {
        ArgumentParser.editDistance(first, $0) < ArgumentParser.editDistance(first, $1)
      }), ArgumentParser.editDistance(first, near) < 4 {
        message += " Did you mean '\(near)'?"
      }
      console.error(Help.usageErrorScreen(message, spec: nil))
      return ExitStatus.usage
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains(where: { $0 == "-h" || $0 == "--help" }) && !rest.contains("--") {
      console.output(Help.screen(command.spec))
      return ExitStatus.success
    }
    do {
      let parsed = try ArgumentParser.parse(rest, spec: command.spec)
      let instance = try command.init(parsed)
      if parsed.value("output") != nil {
        // Provenance will need the inputs' SHA-256: hash them while the command works.
        InputDigests.shared.prefetch(parsed.inputFiles(spec: command.spec))
      }
      let quiet = parsed.flag("quiet")
      let notices = Provenance.Notices { if !quiet { console.error($0) } }
      try Provenance.$notices.withValue(notices) { try instance.run(console) }
      return ExitStatus.success
    } catch {
      return report(error, spec: command.spec, console: console)
    }
  }

  /// Says on `console` what went wrong with a command (`spec`: its usage screen for usage errors)
  /// and returns the exit status for the error: 64 for usage and request errors, the input or
  /// write error's status, 1 for anything else (a bug).
  static func report(_ error: any Error, spec: CommandSpec?, console: Console) -> Int32 {
    switch error {
    case let error as UsageError:
      console.error(Help.usageErrorScreen(error.message, spec: spec))
      return ExitStatus.usage
    case let error as RequestError:
      console.error(Help.usageErrorScreen(error.message, spec: spec))
      return ExitStatus.usage
    case let error as InputError:
      console.error("Error: \(error)\n")
      return error.exitStatus
    case let error as AtomicFile.WriteError:
      console.error("Error: \(error)\n")
      return error.kind == .ioError ? ExitStatus.ioError : ExitStatus.cannotWrite
    default:
      console.error(
        "Error: internal error: \(error)\nThis is a bug in hotspot \(version); please report it with the command line.\n"
      )
      return ExitStatus.internalError
    }
  }
}

/// A subcommand: a static spec (name, options, help), a validating initializer, and `run`.
protocol HotspotCommand {
  static var spec: CommandSpec { get }
  /// Validates the parsed arguments: pure, no I/O, usage errors only.
  init(_ arguments: ParsedArguments) throws(UsageError)
  /// Reads, computes, writes. Throws `InputError`, `AtomicFile.WriteError` or `UsageError`.
  func run(_ console: Console) throws
}
