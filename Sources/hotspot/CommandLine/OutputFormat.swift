/// The formats a command can write; chosen by `--format`, else by the `--output` extension,
/// else text for the terminal.
enum OutputFormat: String, CaseIterable, Sendable {
  case text, csv, md, json, geojson, html, asc, svg

  /// Resolves the format from the options and checks that the command supports it.
  static func resolve(option: String?, outputPath: String?, supported: [OutputFormat])
    throws(UsageError) -> OutputFormat
  {
    let format: OutputFormat
    if let option {
      guard let chosen = OutputFormat(rawValue: option.lowercased()) else {
        throw UsageError("Unknown format '\(option)'.")
      }
      format = chosen
    } else if let outputPath, let chosen = fromExtension(outputPath) {
      format = chosen
    } else {
      format = .text
    }
    guard supported.contains(format) else {
      throw UsageError(
        "This command cannot write \(format.rawValue); use one of: \(supported.map(\.rawValue).joined(separator: ", "))."
      )
    }
    return format
  }

  /// The format named by a file's extension (`.txt` text, `.markdown` md…), if any.
  static func fromExtension(_ path: String) -> OutputFormat? {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    switch path[path.index(after: dot)...].lowercased() {
    case "txt", "text": return .text
    case "csv": return .csv
    case "md", "markdown": return .md
    case "json": return .json
    case "geojson": return .geojson
    case "html", "htm": return .html
    case "asc": return .asc
    case "svg": return .svg
    default: return nil
    }
  }
}
