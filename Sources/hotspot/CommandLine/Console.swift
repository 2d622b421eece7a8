import Analyses
import Foundation

/// Where a command's text goes: results to standard output, errors and progress to standard
/// error. Tests use a console that captures both.
final class Console {
  private let writeOutput: (String) -> Void
  private let writeError: (String) -> Void
  /// Progress is shown only on an interactive terminal and never with `--quiet`.
  let showsProgress: Bool
  /// The terminal's width when standard output is one (tables are fitted to it); nil otherwise.
  let width: Int?

  init(
    output: @escaping (String) -> Void, error: @escaping (String) -> Void, showsProgress: Bool, width: Int? = nil
  ) {
    writeOutput = output
    writeError = error
    self.showsProgress = showsProgress
    self.width = width
  }

  /// The process's standard output and standard error.
  static func standard() -> Console {
    Console(
      output: { FileHandle.standardOutput.write(Data($0.utf8)) },
      error: { FileHandle.standardError.write(Data($0.utf8)) },
      showsProgress: isatty(STDERR_FILENO) == 1, width: terminalWidth())
  }

  /// The width of the terminal on standard output: `COLUMNS` if set, else the window size; nil
  /// when standard output is not a terminal.
  static func terminalWidth() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 20 { return columns }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 else { return nil }
    return Int(size.ws_col)
  }

  func output(_ text: String) { writeOutput(text) }
  func error(_ text: String) { writeError(text) }

  /// A progress or notice line on stderr, shown only when `showsProgress` and not `quiet`.
  func progress(_ text: String, quiet: Bool) {
    if showsProgress && !quiet { writeError(text + "\n") }
  }
}

/// A console that keeps what was written, for tests.
final class CapturingConsole {
  private(set) var output = ""
  private(set) var error = ""
  lazy var console = Console(
    output: { [unowned self] in self.output += $0 },
    error: { [unowned self] in self.error += $0 },
    showsProgress: false)
}
