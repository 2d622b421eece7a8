import Foundation

/// Where a command's text goes: results to standard output, errors and progress to standard
/// error. Tests use a console that captures both.
final class Console {
  private let writeOutput: (String) -> Void
  private let writeError: (String) -> Void
  /// Progress is shown only on an interactive terminal and never with `--quiet`.
  let showsProgress: Bool

  init(output: @escaping (String) -> Void, error: @escaping (String) -> Void, showsProgress: Bool) {
    writeOutput = output
    writeError = error
    self.showsProgress = showsProgress
  }

  /// The process's standard output and standard error.
  static func standard() -> Console {
    Console(
      output: { FileHandle.standardOutput.write(Data($0.utf8)) },
      error: { FileHandle.standardError.write(Data($0.utf8)) },
      showsProgress: isatty(STDERR_FILENO) == 1)
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
