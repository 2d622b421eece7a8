import Foundation

/// The formats a command can write; chosen by `--format`, else by the `--output` extension,
/// else text for the terminal. Each command declares the formats it writes (`formats`), the
/// single list its help shows and `resolve` accepts.
enum OutputFormat: String, CaseIterable, Sendable {
  case text, csv, md, json, geojson, html, asc, svg

  /// Resolves the format from the options and checks that the command supports it. An
  /// `--output` whose extension names no format (`.xlsx`, `.pdf`) is refused rather than filled
  /// with text, as is one naming a format the command does not write; a path without an
  /// extension (`/dev/stdout`, a FIFO) takes `--format` or text.
  static func resolve(option: String?, outputPath: String?, supported: [OutputFormat])
    throws(UsageError) -> OutputFormat
  {
    let names = supported.map(\.rawValue).joined(separator: ", ")
    let fromPath = try outputPath.flatMap { path throws(UsageError) in
      try fromExtension(path, supported: supported)
    }
    let format: OutputFormat
    if let option {
      guard let chosen = OutputFormat(rawValue: option.lowercased()) else {
        throw UsageError("Unknown format '\(option)'; this command writes: \(names).")
      }
      format = chosen
    } else {
      format = fromPath ?? .text
    }
    guard supported.contains(format) else {
      throw UsageError("This command cannot write \(format.rawValue); use one of: \(names).")
    }
    return format
  }

  /// The format named by a file's extension (`.txt` text, `.markdown` md…); nil when the name
  /// has no extension, or names a pipe or device (written in place whatever its name).
  /// - Throws: `UsageError` when the extension names no format, naming the `supported` ones.
  static func fromExtension(_ path: String, supported: [OutputFormat]) throws(UsageError) -> OutputFormat? {
    guard let ext = pathExtension(path), !isPipeOrDevice(path) else { return nil }
    guard let format = fromExtension(ext) else {
      throw UsageError(
        "This command cannot write a '.\(ext)' file ('\(path)'); it writes: "
          + supported.map(\.rawValue).joined(separator: ", ") + ".")
    }
    return format
  }

  /// The format an extension (without the dot) names, if any.
  static func fromExtension(_ ext: String) -> OutputFormat? {
    switch ext.lowercased() {
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

  /// Whether `path` exists and is not a regular file (a FIFO, a device, `/dev/stdout`), links followed.
  static func isPipeOrDevice(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG
  }

  /// The extension of the last path component (letters and digits after its last dot, not at
  /// its start), nil when there is none.
  static func pathExtension(_ path: String) -> String? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
    let ext = String(name[name.index(after: dot)...])
    guard !ext.isEmpty, ext.allSatisfy({ $0.isLetter || $0.isNumber }), ext.contains(where: \.isLetter) else {
      return nil
    }
    return ext
  }
}
