import Analyses
import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// `hotspot evaluate`: did incidents fall in the target areas after an intervention, beyond the
/// comparison areas' trend, and what happened in a buffer ring around the target?
struct EvaluateCommand: HotspotCommand {
  static let spec = CommandSpec(
    name: "evaluate",
    abstract: "Change in target areas against comparison areas, before and after an intervention, with a buffer ring.",
    discussion: """
      Each incident counts in one group: target (inside a target polygon), else buffer (within \
      --buffer of a target boundary), else comparison (inside a comparison polygon), else \
      nowhere. The comparison is thus kept apart from the target and the ring where displacement \
      would show (Bowers & Johnson 2003); a warning says when the comparison polygons reach into \
      them. Counts are scaled to rates per month, so --before and --after may differ in length. \
      relative_change is the ratio of ratios (Ta/Tb)/(Ca/Cb), with a 95 % interval on the log \
      scale, Var = 1/Ta + 1/Tb + 1/Ca + 1/Cb (the reciprocal of the relative effect size of the \
      Campbell reviews: Farrington et al. 2007), and p from the same normal approximation; when a \
      count is 0, 0.5 is added to all four. net_change_pct = 100·(relative_change − 1) is the \
      "% reduction in targeted areas" net of the comparison trend. For the buffer the same ratio \
      against the comparison shows displacement (above 1) or diffusion of benefit (below 1), and \
      wdq is the Weighted Displacement Quotient (Da/Ca − Db/Cb)/(Ta/Ca − Tb/Cb) (Bowers & \
      Johnson 2003), read only when the target fell relative to the comparison. p_change is the \
      exact test of each group's before and after counts (exposures in days). Counts are \
      assumed Poisson; repeat incidents make the true intervals wider.
      """,
    options: [
      CommonOptions.incidents,
      OptionSpec(name: "target", valueName: "file", help: "Target areas (GeoJSON or Shapefile polygons).", isRequired: true),
      OptionSpec(name: "comparison", valueName: "file", help: "Comparison (control) areas (GeoJSON or Shapefile polygons).", isRequired: true),
      OptionSpec(name: "before", valueName: "period", help: "The period before the intervention (2023-04..2024-03).", isRequired: true),
      OptionSpec(name: "after", valueName: "period", help: "The period after it (2024-04..2024-12).", isRequired: true),
      OptionSpec(name: "buffer", valueName: "distance", help: "Add a buffer ring this wide around the target (500m) and its WDQ."),
      OptionSpec(
        name: "target-id", valueName: "value", help: "Use only the target features with this id or name (repeatable).",
        repeating: true),
      OptionSpec(
        name: "comparison-id", valueName: "value", help: "Use only the comparison features with this id or name (repeatable).",
        repeating: true),
      CommonOptions.category,
      OptionSpec(name: "format", valueName: "format", help: "Output format; by default taken from the --output extension, else text.", allowedValues: ["text", "csv", "json"]),
      CommonOptions.output, CommonOptions.crs,
    ] + CommonOptions.incidentColumns + [CommonOptions.quiet])

  let arguments: [String]
  let incidentSpecs: [String]
  let targetFile: String
  let comparisonFile: String
  let before: Period
  let after: Period
  let buffer: Double?
  let targetIDs: [String]
  let comparisonIDs: [String]
  let categories: [String]
  let format: OutputFormat
  let outputPath: String?
  let declaredCRS: CRS?
  let columns: IncidentColumnOptions
  let quiet: Bool

  init(_ arguments: ParsedArguments) throws(UsageError) {
    self.arguments = arguments.original
    incidentSpecs = arguments.values("incidents")
    targetFile = arguments.value("target") ?? ""
    comparisonFile = arguments.value("comparison") ?? ""
    before = try ValueSyntax.period(arguments.value("before") ?? "", option: "before")
    after = try ValueSyntax.period(arguments.value("after") ?? "", option: "after")
    guard before.end < after.start else {
      throw UsageError("'--before \(before)' must end before '--after \(after)' starts.")
    }
    buffer = try arguments.value("buffer").map { text throws(UsageError) in try ValueSyntax.distance(text, option: "buffer") }
    targetIDs = arguments.values("target-id")
    comparisonIDs = arguments.values("comparison-id")
    categories = arguments.values("category")
    if arguments.value("weight-column") != nil {
      throw UsageError("'evaluate' counts incidents (the intervals assume counts); '--weight-column' is not used.")
    }
    outputPath = arguments.value("output")
    format = try OutputFormat.resolve(option: arguments.value("format"), outputPath: outputPath, supported: [.text, .csv, .json])
    declaredCRS = try InputOptions.crs(arguments)
    columns = InputOptions.incidentColumns(arguments, declaredCRS: declaredCRS)
    quiet = arguments.flag("quiet")
  }

  func run(_ console: Console) throws {
    let target = try EvaluationLayer.load(file: targetFile, role: "target", select: targetIDs, declaredCRS: declaredCRS, working: nil)
    let comparison = try EvaluationLayer.load(
      file: comparisonFile, role: "comparison", select: comparisonIDs, declaredCRS: declaredCRS, working: target.working)
    let areas = InterventionAreas(target: target.geometries, comparison: comparison.geometries, buffer: buffer)
    var notes: [String] = []

    let filters = [before, after].map { IncidentFilter(period: $0, categories: categories) }
    var tally = InterventionAreas.Tally()
    var outcomes = [IncidentFilter.Outcome(), IncidentFilter.Outcome()]
    let report = try IncidentInput.stream(incidentSpecs, options: columns, working: target.working) { chunk in
      for period in 0..<2 {
        let (kept, outcome) = filters[period].apply(to: chunk)
        outcomes[period].add(outcome)
        for row in 0..<kept.count { tally.add(kept.point(row), period: period, areas: areas) }
      }
    }
    notes += report.problems.map(\.description)
    let files = try IncidentSources.expand(incidentSpecs)
    for (period, name) in [(before, "before"), (after, "after")] {
      let missing = Self.monthsWithoutData(period, months: report.months)
      if !missing.isEmpty {
        notes.append(
          "the incident files hold nothing in \(missing.count) month(s) of --\(name) \(period) (\(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", …" : "")): is the period covered by the data?")
      }
    }
    for (k, name) in ["before", "after"].enumerated() where outcomes[k].kept == 0 {
      let months = report.months
      let covered =
        months.isEmpty
        ? "no dates"
        : IncidentDate.monthText(monthIndex: months[0].monthIndex) + ".."
          + IncidentDate.monthText(monthIndex: months[months.count - 1].monthIndex)
      throw InputError(
        file: files.joined(separator: ", "),
        reason: .other("no incident falls in the --\(name) period \(k == 0 ? before : after) (the files cover \(covered))"))
    }
    for (k, name) in ["before", "after"].enumerated() where outcomes[k].straddlingMonths > 0 {
      notes.append("\(outcomes[k].straddlingMonths) incidents dated only by a month that straddles an end of --\(name) were left out; the rates still count that part month")
    }
    if areas.comparisonOverlapsTargetOrBuffer || tally.comparisonOverlap != [0, 0] {
      notes.append(
        "the comparison areas reach into the target\(buffer == nil ? "" : " or the buffer ring"): \(tally.comparisonOverlap[0] + tally.comparisonOverlap[1]) incidents there count in the target\(buffer == nil ? "" : " or buffer") only, never in the comparison")
    }

    let result = EvaluateResult(tally: tally, before: before, after: after, hasBuffer: buffer != nil, areas: Self.areas(areas, target: target))
    notes += result.warnings
    for note in notes { console.error("warning: \(note)\n") }

    var choices: [(String, JSONValue)] = [
      ("working_crs", .string(target.working.identifier)),
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("target", .string(target.description)),
      ("comparison", .string(comparison.description)),
      ("before", .string(before.description)),
      ("after", .string(after.description)),
      ("before_months", .number(before.months)),
      ("after_months", .number(after.months)),
      ("buffer_m", buffer.map(JSONValue.number) ?? .null),
      ("categories", categories.isEmpty ? "all" : .array(categories.map(JSONValue.string))),
      ("group_rule", "target if inside a target polygon; else buffer if within the buffer of a target boundary (distance ≤ buffer); else comparison if inside a comparison polygon"),
      ("rates", "incidents per month: a part month counts as its share of days"),
      ("relative_change", "(Ta/Tb)/(Ca/Cb); 95 % interval exp(ln r ± 1.96·√(1/Ta + 1/Tb + 1/Ca + 1/Cb)) (Farrington et al. 2007); p two-sided normal on ln r"),
      ("zero_counts", "0.5 added to all four counts when one is 0 (Haldane–Anscombe); undefined when a group has no incident in either period"),
      ("p_change", "exact conditional test of the two counts (two Poisson rates), exposures in days"),
      ("area_rule", .string("target: planar area of its polygons; buffer and comparison: estimated on a \(NumberText.fixed(result.areas.spacing, digits: 1)) m lattice")),
    ]
    if buffer != nil {
      choices.append(("wdq", "(Da/Ca − Db/Cb)/(Ta/Ca − Tb/Cb), read only when Ta/Ca − Tb/Cb < 0 (Bowers & Johnson 2003; bands of Guerette 2009)"))
    }
    choices += result.summaryJSON

    let table = result.table
    let text: String
    switch format {
    case .csv: text = CSVTable.render(table)
    case .json: text = JSONValue.object([("summary", .object(choices)), ("groups", JSONTable.value(table))]).rendered()
    default:
      text = result.header(target: target.description, comparison: comparison.description, buffer: buffer) + "\n"
        + TextTable.render(table, maxWidth: outputPath == nil ? console.width : nil) + "\n" + result.findings(buffer: buffer)
    }
    guard let outputPath else {
      console.output(text)
      return
    }
    let inputs = target.files + comparison.files + files
    try AtomicFile.write(text, to: outputPath, inputs: inputs)
    var provenance = Provenance(command: "evaluate", arguments: arguments, inputs: inputs)
    for (key, value) in choices { provenance.record(key, value) }
    try provenance.write(beside: outputPath)
    if !quiet { console.error(result.findings(buffer: buffer)) }
  }

  /// Months of `period` in which the incident files hold no incident at all (`YYYY-MM`).
  static func monthsWithoutData(_ period: Period, months: [(monthIndex: Int, count: Int)]) -> [String] {
    let present = Set(months.filter { $0.count > 0 }.map(\.monthIndex))
    guard !present.isEmpty else { return [] }
    return (period.start.monthIndex...period.end.monthIndex).filter { !present.contains($0) }
      .map { IncidentDate.monthText(monthIndex: $0) }
  }

  /// The groups' areas in m²: the target's exactly, the buffer's and comparison's on a lattice
  /// of at most about a million points.
  static func areas(_ areas: InterventionAreas, target: EvaluationLayer) -> EvaluateResult.Areas {
    var box = (areas.target + areas.comparison).reduce(BoundingBox.empty) { $0.union($1.boundingBox) }
    let margin = areas.buffer ?? 0
    box = BoundingBox(minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
    let spacing = Swift.max(1, (box.width * box.height / 1_000_000).squareRoot())
    let estimate = areas.estimatedAreas(spacing: spacing)
    return EvaluateResult.Areas(
      target: target.geometries.reduce(0) { $0 + $1.area }, buffer: areas.buffer == nil ? nil : estimate[1],
      comparison: estimate[2], spacing: spacing)
  }
}

/// A target or comparison file: its polygons (all, or those selected by id or name) in the
/// working CRS.
struct EvaluationLayer {
  let file: String
  let files: [String]
  let geometries: [Geometry]
  let working: CRS
  /// `3 areas of licensing-zones.geojson` or `Haverley Terraces (licensing-zones.geojson)`.
  let description: String

  /// - Throws: `InputError` for unreadable files, unknown selections, or a CRS that cannot be
  ///   related to `working`.
  static func load(file: String, role: String, select: [String], declaredCRS: CRS?, working: CRS?) throws(InputError) -> EvaluationLayer {
    let option = role + "-id"
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard !select.isEmpty else {
      // Every polygon, whatever its properties: a hand-drawn target needs no id.
      let source = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
      let polygons = source.collection.features.compactMap { $0.geometry?.isAreal == true ? $0.geometry : nil }
      guard !polygons.isEmpty else {
        throw InputError(file: file, reason: .other("holds no polygons; --\(role) needs Polygon or MultiPolygon features"))
      }
      let target = working ?? WorkingCRS.forData(in: source.collection.crs, bounds: source.collection.boundingBox)
      guard let transform = CoordinateTransform(from: source.collection.crs, to: target) else {
        throw InputError(file: file, reason: .other("polygons in \(source.collection.crs) cannot be related to \(target)"))
      }
      return EvaluationLayer(
        file: file, files: source.files, geometries: polygons.map { $0.mapPoints(transform.apply) }, working: target,
        description: "\(Format.plural(polygons.count, "area")) of \(name)")
    }
    let layer = try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil)
    for value in select where !layer.ids.contains(value) && !layer.names.contains(value) {
      throw InputError(
        file: file, field: layer.idField,
        reason: .other("--\(option) '\(value)' matches no feature's id or name (ids: \(layer.ids.prefix(8).joined(separator: ", "))\(layer.count > 8 ? ", …" : ""))"))
    }
    let chosen = (0..<layer.count).filter { select.contains(layer.ids[$0]) || select.contains(layer.names[$0]) }
    var geometries = chosen.map { layer.geometries[$0] }
    let target = working ?? layer.working
    if layer.working != target {
      guard let transform = CoordinateTransform(from: layer.working, to: target) else {
        throw InputError(file: file, reason: .other("polygons in \(layer.working) cannot be related to the target's \(target)"))
      }
      geometries = geometries.map { $0.mapPoints(transform.apply) }
    }
    let description =
      chosen.map { layer.names[$0].isEmpty ? layer.ids[$0] : layer.names[$0] }.joined(separator: ", ") + " (\(name))"
    return EvaluationLayer(file: file, files: layer.source.files, geometries: geometries, working: target, description: description)
  }
}
