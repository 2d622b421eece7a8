import GeoIO
import Rendering

/// `<output>.provenance.json`: what a run chose for the user (CRS, fields, defaults), the software
/// version and the inputs' SHA-256, so a table or map can be traced to what made it.
///
/// Keys keep a fixed order and nothing time-dependent is written, so the file is byte-stable.
///
/// No provenance file is written beside an output that is not a regular file (a FIFO, a device,
/// `/dev/stdout`, the shell's `>(…)`): there is no folder to put it in that belongs to the output.
/// Instead one line on stderr says so, unless `--quiet` (through `notices`, which `Hotspot.run`
/// binds for each run).
public struct Provenance: Sendable {
  /// The subcommand (`count`), or the program's name for a run made through the library.
  public var command: String
  /// The arguments as given (empty for a run made through the library).
  public var arguments: [String]
  /// The input files, each recorded with its SHA-256.
  public var inputs: [String]
  /// The values chosen, in the order they were decided.
  public var choices: [(String, JSONValue)] = []

  /// A record of a run with no choices yet.
  public init(command: String, arguments: [String] = [], inputs: [String], choices: [(String, JSONValue)] = []) {
    self.command = command
    self.arguments = arguments
    self.inputs = inputs
    self.choices = choices
  }

  /// Adds a value chosen, after those recorded before.
  public mutating func record(_ key: String, _ value: JSONValue) { choices.append((key, value)) }

  /// The path of the provenance file for an output.
  public static func path(beside output: String) -> String { output + ".provenance.json" }

  /// Writes the provenance file beside `output` (atomically).
  /// Where `write(beside:)` says it wrote nothing; nil (the default) says nothing.
  @TaskLocal public static var notices: Notices?

  /// Receives the line saying that no provenance file was written, for the run's console.
  public struct Notices: @unchecked Sendable {
    /// Called with one line, ending in a newline. Used only on the thread that bound it.
    public let send: (String) -> Void

    /// Notices sent to `send`.
    public init(send: @escaping (String) -> Void) { self.send = send }
  }

  /// The line printed (unless `--quiet`) when `output` gets no provenance file.
  public static func skippedNotice(for output: String) -> String {
    "Note: no provenance file written for '\(output)': it is not a regular file.\n"
  }

  /// Writes the provenance file beside `output` (atomically); when `output` is written in place
  /// (`AtomicFile.writesInPlace`), writes nothing and sends `skippedNotice` to `notices`.
  /// - Throws: `InputError` when an input cannot be hashed, `AtomicFile.WriteError` when the
  ///   file cannot be written.
  public func write(beside output: String) throws {
    if AtomicFile.writesInPlace(output) {
      Provenance.notices?.send(Provenance.skippedNotice(for: output))
      return
    }
    var inputEntries: [JSONValue] = []
    for input in inputs {
      inputEntries.append(
        .object([("file", .string(input)), ("sha256", .string(try InputDigests.shared.hex(file: input)))]))
    }
    let document = JSONValue.object([
      ("software", .string("hotspot \(Software.version)")),
      ("command", .string(command)),
      ("arguments", .array(arguments.map(JSONValue.string))),
      ("inputs", .array(inputEntries)),
      ("choices", .object(choices)),
    ])
    try AtomicFile.write(document.rendered(), to: Provenance.path(beside: output), inputs: inputs)
  }
}
