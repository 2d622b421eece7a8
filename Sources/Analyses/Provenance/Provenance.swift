import GeoIO
import Rendering

/// `<output>.provenance.json`: what a run chose for the user (CRS, fields, defaults), the software
/// version and the inputs' SHA-256, so a table or map can be traced to what made it.
///
/// Keys keep a fixed order and nothing time-dependent is written, so the file is byte-stable.
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
  /// - Throws: `InputError` when an input cannot be read for its digest, `AtomicFile.WriteError`.
  public func write(beside output: String) throws {
    var inputEntries: [JSONValue] = []
    for input in inputs {
      inputEntries.append(.object([("file", .string(input)), ("sha256", .string(try InputDigests.shared.hex(file: input)))]))
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
