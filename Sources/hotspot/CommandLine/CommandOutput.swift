import Analyses
import GeoIO

/// Where a command's main output goes: the console without `--output`; otherwise the file,
/// written atomically, with its provenance beside it.
enum CommandOutput {
  /// Writes `text` to `outputPath` and `provenance` beside it, or to the console when there is no
  /// path.
  /// - Returns: true when a file was written, false when the text went to the console.
  /// - Throws: `AtomicFile.WriteError`, and `InputError` when an input cannot be hashed.
  @discardableResult
  static func deliver(_ text: String, to outputPath: String?, provenance: Provenance, console: Console) throws -> Bool {
    guard let outputPath else {
      console.output(text)
      return false
    }
    try AtomicFile.write(text, to: outputPath, inputs: provenance.inputs)
    try provenance.write(beside: outputPath)
    return true
  }
}
