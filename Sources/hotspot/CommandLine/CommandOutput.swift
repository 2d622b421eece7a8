import Analyses
import GeoIO

/// Where a command's main output goes: the console without `--output`; otherwise the file,
/// written atomically, with its provenance beside it. Then the run's summary (its accounting)
/// on stderr unless `--quiet`, whatever the format and destination, so that nothing counted
/// elsewhere vanishes without a word: only text and Markdown on the console, which end with
/// the summary themselves, do not repeat it.
enum CommandOutput {
  /// Writes `text` to `outputPath` and `provenance` beside it, or to the console when there is no
  /// path; then `summary` on stderr unless `quiet`, or unless the text on the console already
  /// ends with it (`summaryInText`).
  /// - Returns: true when a file was written, false when the text went to the console.
  /// - Throws: `AtomicFile.WriteError`, and `InputError` when an input cannot be hashed.
  @discardableResult
  static func deliver(
    _ text: String, to outputPath: String?, provenance: Provenance, console: Console, summary: String? = nil,
    summaryInText: Bool = false, quiet: Bool = false
  ) throws -> Bool {
    if let outputPath {
      try AtomicFile.write(text, to: outputPath, inputs: provenance.inputs)
      try provenance.write(beside: outputPath)
    } else {
      console.output(text)
    }
    if let summary, !quiet, !(outputPath == nil && summaryInText) { console.error(summary) }
    return outputPath != nil
  }
}
