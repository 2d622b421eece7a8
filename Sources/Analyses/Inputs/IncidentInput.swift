import GeoCore
import GeoIO
import SpatialAnalysis

/// Incident files read into the working CRS of a run.
public enum IncidentInput {
  /// Expands `specs` (files, folders, globs), streams every row in chunks, converts each chunk to
  /// `working`, and hands it to `body`.
  /// - Throws: `InputError` for unreadable files, and when the incidents' CRS cannot be related
  ///   to the working CRS (planar against geographic).
  public static func stream(
    _ specs: [String], options: IncidentColumnOptions, working: CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    try stream(specs, options: options, working: { () throws(InputError) in working }, body: body)
  }

  /// `stream`, with the working CRS asked for only when the first chunk is ready (so the areas
  /// that decide it can be read meanwhile).
  public static func stream(
    _ specs: [String], options: IncidentColumnOptions, working: () throws(InputError) -> CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    try stream(IncidentSource(files: specs, columns: options), working: working, body: body)
  }

  /// Every incident of `source` (its files read in chunks, or its table in memory as one chunk),
  /// unfiltered, converted to the working CRS (asked for when the first chunk is ready) and
  /// handed to `body`. `options` replaces the source's column options when given.
  /// - Throws: `InputError` for unreadable files, and when the incidents' CRS cannot be related
  ///   to the working CRS.
  public static func stream(
    _ source: IncidentSource, options: IncidentColumnOptions? = nil, working: () throws(InputError) -> CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    var target: CRS?
    return try read(source, options: options ?? source.columns) {
      (chunk: IncidentTable, files: [String]) throws(InputError) in
      let crs: CRS
      if let target { crs = target } else { crs = try working() }
      target = crs
      try body(try transform(chunk, to: crs, files: files).apply(chunk))
    }.report
  }

  /// `stream` with a working CRS known beforehand.
  public static func stream(
    _ source: IncidentSource, options: IncidentColumnOptions? = nil, working: CRS,
    body: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> IncidentReadReport {
    try stream(source, options: options, working: { () throws(InputError) in working }, body: body)
  }

  /// The incidents of `source` kept by its filter, chunk by chunk in `working`, for a caller that
  /// bins them itself and decides what an empty result means: every chunk goes through the filter,
  /// the kept rows to `use`, and the filter is checked against what was read (`FilterCheck`,
  /// naming `purpose`).
  /// - Returns: what the reader read, and what the filter kept and removed.
  /// - Throws: `InputError` for unreadable files, a CRS that cannot be related to `working`, and a
  ///   filter that matches nothing.
  public static func streamFiltered(
    _ source: IncidentSource, working: CRS, purpose: String, use: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> (report: IncidentReadReport, filtered: IncidentFilter.Outcome) {
    let filter = source.filter
    var filtered = IncidentFilter.Outcome()
    let report = try stream(source, working: working) { (chunk: IncidentTable) throws(InputError) in
      let (kept, outcome) = filter.apply(to: chunk)
      filtered.add(outcome)
      try use(kept)
    }
    try FilterCheck.check(filter, report: report, outcome: filtered, purpose: purpose)
    return (report, filtered)
  }

  /// The chunks of `source`: its files read with `options`, or its table as one chunk.
  private static func read(
    _ source: IncidentSource, options: IncidentColumnOptions,
    body: (IncidentTable, [String]) throws(InputError) -> Void
  ) throws(InputError) -> (report: IncidentReadReport, files: [String]) {
    if let table = source.table {
      try body(table, [IncidentSource.inMemoryName])
      return (try IncidentReadReport.inMemory(table, name: IncidentSource.inMemoryName), [])
    }
    let files = try IncidentSources.expand(source.files)
    let report = try IncidentReader.stream(files: files, options: options) {
      (chunk: IncidentTable) throws(InputError) in
      try body(chunk, files)
    }
    return (report, files)
  }

  /// The incidents of `specs` kept by `filter`, all in memory, in the working CRS.
  public struct Loaded: Sendable {
    /// The kept incidents, in `working`.
    public var table: IncidentTable
    /// The CRS of `table` and of every chunk handed over.
    public var working: CRS
    /// What the reader read, skipped and decided.
    public var report: IncidentReadReport
    /// How many rows the filter kept, and why the others were removed.
    public var filtered: IncidentFilter.Outcome
    /// The files read, folders and globs expanded.
    public var files: [String]
  }

  /// Reads every incident of `specs` kept by `filter` and converts them to `working` (when nil,
  /// the working CRS for the incidents themselves: British National Grid in Great Britain).
  /// Without `labels` the table has no category, location or id column (faster to read).
  /// - Throws: `InputError` for unreadable files, when no incident with a location is left
  ///   ("… left to `purpose`"), and when the CRS cannot be related to `working`.
  public static func load(
    _ specs: [String], options: IncidentColumnOptions, filter: IncidentFilter, working: CRS?, purpose: String,
    labels: Bool = true
  ) throws(InputError) -> Loaded {
    try load(
      IncidentSource(files: specs, columns: options, filter: filter), working: working, purpose: purpose, labels: labels
    )
  }

  /// The incidents `load` reads, chunk by chunk, for a caller that need not hold them all (one
  /// that bins them): once the working CRS is known (`working`, else the incidents' own when it is
  /// projected, as `WorkingCRS.forData` gives it) each kept chunk goes to `use` converted to it.
  /// Incidents in longitude/latitude with no `working` are held, and handed over whole at the end
  /// in the working CRS their extent gives.
  /// - Returns: `Loaded` with an empty table.
  /// - Throws: `InputError` for unreadable files, when no incident with a location is left
  ///   ("… left to `purpose`"), when the CRS cannot be related to `working`, and what `use` throws.
  public static func forEach(
    _ specs: [String], options: IncidentColumnOptions, filter: IncidentFilter, working: CRS?, purpose: String,
    labels: Bool = true, use: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> Loaded {
    try forEach(
      IncidentSource(files: specs, columns: options, filter: filter), working: working, purpose: purpose,
      labels: labels,
      use: use)
  }

  /// `load` for a source: its files (or its table in memory), columns and filter. When
  /// `extentFromIncidents` (no `--areas`, no `--extent`: the run's grid, extent, bandwidth or
  /// study area comes from the incidents) and the source does not keep outliers, the locational
  /// outliers are set aside (`Loaded.setAsideOutliers()`).
  public static func load(
    _ source: IncidentSource, working: CRS?, purpose: String, labels: Bool = true, extentFromIncidents: Bool = false
  ) throws(InputError) -> Loaded {
    var table: IncidentTable?
    var loaded = try forEach(source, working: working, purpose: purpose, labels: labels) { chunk in
      if table == nil { table = chunk } else { table?.append(contentsOf: chunk) }
    }
    if let table { loaded.table = table }
    if extentFromIncidents && !source.keepsOutliers { loaded.setAsideOutliers() }
    return loaded
  }

  /// `forEach` for a source: its files (or its table in memory), columns and filter.
  public static func forEach(
    _ source: IncidentSource, working: CRS?, purpose: String, labels: Bool = true,
    use: (IncidentTable) throws(InputError) -> Void
  ) throws(InputError) -> Loaded {
    let filter = source.filter
    var options = source.columns
    options.keepsLabels = labels || !filter.categories.isEmpty
    var filtered = IncidentFilter.Outcome()
    var target = working
    var held: IncidentTable?
    let (report, files) = try read(source, options: options) {
      (chunk: IncidentTable, files: [String]) throws(InputError) in
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
    try FilterCheck.check(filter, report: report, outcome: filtered, purpose: purpose)
    guard filtered.kept > 0 else {
      throw InputError(
        file: FilterCheck.filesText(report.files), reason: .other("no incident with a location is left to \(purpose)"))
    }
    if let held {
      let crs = WorkingCRS.forData(in: held.crs, bounds: held.boundingBox)
      target = crs
      try use(try transform(held, to: crs, files: report.files).apply(held))
    }
    let crs = target ?? report.crsDecision.crs
    return Loaded(table: IncidentTable(crs: crs), working: crs, report: report, filtered: filtered, files: files)
  }

  /// The transform from the incidents' CRS to `working`.
  private static func transform(_ incidents: IncidentTable, to working: CRS, files: [String]) throws(InputError)
    -> CoordinateTransform
  {
    guard let transform = CoordinateTransform(from: incidents.crs, to: working) else {
      throw InputError(
        file: files.count == 1 ? files[0] : files.joined(separator: ", "),
        reason: .other(
          "incidents in \(incidents.crs) cannot be related to areas in \(working); declare the CRS with --crs"))
    }
    return transform
  }
}
