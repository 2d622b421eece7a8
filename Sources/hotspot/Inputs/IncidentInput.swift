import GeoCore
import GeoIO

/// Incident files streamed chunk by chunk into the working CRS of a run.
enum IncidentInput {
  /// Expands `specs` (files, folders, globs), streams every row in chunks, converts each chunk to
  /// `working`, and hands it to `body`.
  /// - Throws: `InputError` for unreadable files, and when the incidents' CRS cannot be related
  ///   to the working CRS (planar against geographic).
  static func stream(
    _ specs: [String], options: IncidentColumnOptions, working: CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    let files = try IncidentSources.expand(specs)
    return try IncidentReader.stream(files: files, options: options) { (chunk: IncidentTable) throws(InputError) in
      guard let transform = CoordinateTransform(from: chunk.crs, to: working) else {
        throw InputError(
          file: files.count == 1 ? files[0] : files.joined(separator: ", "),
          reason: .other(
            "incidents in \(chunk.crs) cannot be related to areas in \(working); declare the CRS with --crs"))
      }
      try body(transform.apply(chunk))
    }
  }
}
