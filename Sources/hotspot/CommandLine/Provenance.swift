import GeoIO
import Rendering

/// `<output>.provenance.json`: what a run chose for the user (CRS, fields, defaults), the software
/// version and the inputs' SHA-256, so a table or map can be traced to what made it.
///
/// Keys keep a fixed order and nothing time-dependent is written, so the file is byte-stable.
struct Provenance {
  var command: String
  var arguments: [String]
  var inputs: [String]
  /// The values chosen, in the order they were decided.
  var choices: [(String, JSONValue)] = []

  mutating func record(_ key: String, _ value: JSONValue) { choices.append((key, value)) }

  /// The path of the provenance file for an output.
  static func path(beside output: String) -> String { output + ".provenance.json" }

  /// Writes the provenance file beside `output` (atomically).
  func write(beside output: String) throws {
    var inputEntries: [JSONValue] = []
    for input in inputs {
      inputEntries.append(.object([("file", .string(input)), ("sha256", .string(try InputDigests.shared.hex(file: input)))]))
    }
    let document = JSONValue.object([
      ("software", .string("hotspot \(Hotspot.version)")),
      ("command", .string(command)),
      ("arguments", .array(arguments.map(JSONValue.string))),
      ("inputs", .array(inputEntries)),
      ("choices", .object(choices)),
    ])
    try AtomicFile.write(document.rendered(), to: Provenance.path(beside: output), inputs: inputs)
  }
}
