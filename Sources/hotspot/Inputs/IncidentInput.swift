import GeoCore
import GeoIO
import SpatialAnalysis

/// Incident files read into the working CRS of a run.
enum IncidentInput {
  /// Expands `specs` (files, folders, globs), streams every row in chunks, converts each chunk to
  /// `working`, and hands it to `body`.
  /// - Throws: `InputError` for unreadable files, and when the incidents' CRS cannot be related
  ///   to the working CRS (planar against geographic).
  static func stream(
    _ specs: [String], options: IncidentColumnOptions, working: CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    try stream(specs, options: options, working: { () throws(InputError) in working }, body: body)
  }

  /// `stream`, with the working CRS asked for only when the first chunk is ready (so the areas
  /// that decide it can be read meanwhile).
  static func stream(
    _ specs: [String], options: IncidentColumnOptions, working: () throws(InputError) -> CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    let files = try IncidentSources.expand(specs)
    var target: CRS?
    return try IncidentReader.stream(files: files, options: options) { (chunk: IncidentTable) throws(InputError) in
      let crs: CRS
      if let target { crs = target } else { crs = try working() }
      target = crs
      try body(try transform(chunk, to: crs, files: files).apply(chunk))
    }
  }

  /// The incidents of `specs` kept by `filter`, all in memory, in the working CRS.
  struct Loaded {
    /// The kept incidents, in `working`.
    var table: IncidentTable
    var working: CRS
    var report: IncidentReadReport
    var filtered: IncidentFilter.Outcome
    var files: [String]
  }

  /// Reads every incident of `specs` kept by `filter` and converts them to `working` (when nil,
  /// the working CRS for the incidents themselves: British National Grid in Great Britain).
  /// Without `labels` the table has no category, location or id column (faster to read).
  /// - Throws: `InputError` for unreadable files, when no incident with a location is left
  ///   ("… left to `purpose`"), and when the CRS cannot be related to `working`.
  static func load(
    _ specs: [String], options: IncidentColumnOptions, filter: IncidentFilter, working: CRS?, purpose: String,
    labels: Bool = true
  ) throws(InputError) -> Loaded {
    let files = try IncidentSources.expand(specs)
    var options = options
    options.keepsLabels = labels || !filter.categories.isEmpty
    // One table, read whole (no chunk to append), then filtered once.
    let (read, report) = try IncidentReader.read(files: files, options: options)
    let (incidents, filtered) = filter.apply(to: read)
    guard incidents.count > 0 else { throw noneLeft(files: files, filtered: filtered, purpose: purpose) }
    let target = working ?? WorkingCRS.forData(in: incidents.crs, bounds: incidents.boundingBox)
    let converted = try transform(incidents, to: target, files: files).apply(incidents)
    return Loaded(table: converted, working: target, report: report, filtered: filtered, files: files)
  }

  /// `load` for a caller that uses the incidents chunk by chunk (binning them), so that they are
  /// never all held: once the working CRS is known (`working`, else the incidents' own when it is
  /// projected, as `WorkingCRS.forData` gives it) each kept chunk goes to `use` converted to it.
  /// Incidents in longitude/latitude with no `working` are held, and handed over whole at the end
  /// in the working CRS their extent gives, as `load` does. The same incidents in the same CRS.
  /// - Returns: `Loaded` with an empty table.
  /// - Throws: as `load`, and what `use` throws.
  static func forEach(
    _ specs: [String], options: IncidentColumnOptions, filter: IncidentFilter, working: CRS?, purpose: String,
    labels: Bool = true, use: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> Loaded {
    let files = try IncidentSources.expand(specs)
    var options = options
    options.keepsLabels = labels || !filter.categories.isEmpty
    var filtered = IncidentFilter.Outcome()
    var target = working
    var held: IncidentTable?
    let report = try IncidentReader.stream(files: files, options: options) { (chunk: IncidentTable) throws(InputError) in
      let (kept, outcome) = filter.apply(to: chunk)
      filtered.add(outcome)
      guard kept.count > 0 else { return }
      if target == nil && kept.crs != .wgs84 { target = kept.crs }
      if let target {
        try use(try transform(kept, to: target, files: files).apply(kept))
      } else if held == nil {
        held = kept
      } else {
        held?.append(contentsOf: kept)
      }
    }
    guard filtered.kept > 0 else { throw noneLeft(files: files, filtered: filtered, purpose: purpose) }
    if let held {
      let crs = WorkingCRS.forData(in: held.crs, bounds: held.boundingBox)
      target = crs
      try use(try transform(held, to: crs, files: files).apply(held))
    }
    let crs = target ?? report.crsDecision.crs
    return Loaded(table: IncidentTable(crs: crs), working: crs, report: report, filtered: filtered, files: files)
  }

  private static func noneLeft(files: [String], filtered: IncidentFilter.Outcome, purpose: String) -> InputError {
    let removed = filtered.removed > 0 ? " (\(filtered.removed) filtered out by --period/--category)" : ""
    return InputError(file: files.joined(separator: ", "), reason: .other("no incident with a location is left to \(purpose)\(removed)"))
  }

  /// The transform from the incidents' CRS to `working`.
  private static func transform(_ incidents: IncidentTable, to working: CRS, files: [String]) throws(InputError) -> CoordinateTransform {
    guard let transform = CoordinateTransform(from: incidents.crs, to: working) else {
      throw InputError(
        file: files.count == 1 ? files[0] : files.joined(separator: ", "),
        reason: .other("incidents in \(incidents.crs) cannot be related to areas in \(working); declare the CRS with --crs"))
    }
    return transform
  }
}
