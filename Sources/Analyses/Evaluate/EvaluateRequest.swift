import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// An `evaluate` run: did incidents fall in the target areas after an intervention, beyond the
/// comparison areas' trend, and what happened in a buffer ring around the target? Each incident
/// counts in one group: target, else buffer, else comparison (Bowers & Johnson 2003).
public struct EvaluateRequest: Sendable {
  /// The incidents: files, columns and categories (the periods come from `before` and `after`).
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// Target areas (GeoJSON or Shapefile polygons).
  public var targetFile: String
  /// Comparison (control) areas (GeoJSON or Shapefile polygons).
  public var comparisonFile: String
  /// The period before the intervention.
  public var before: Period
  /// The period after it.
  public var after: Period
  /// A buffer ring this many metres wide around the target; nil: none.
  public var buffer: Double?
  /// Only the target features with these ids or names (empty: all).
  public var targetIDs: [String]
  /// Only the comparison features with these ids or names (empty: all).
  public var comparisonIDs: [String]

  /// A request with the command line's defaults: no buffer ring, every feature.
  public init(
    incidents: IncidentSource, targetFile: String, comparisonFile: String, before: Period, after: Period,
    buffer: Double? = nil, targetIDs: [String] = [], comparisonIDs: [String] = []
  ) {
    self.incidents = incidents
    self.targetFile = targetFile
    self.comparisonFile = comparisonFile
    self.before = before
    self.after = after
    self.buffer = buffer
    self.targetIDs = targetIDs
    self.comparisonIDs = comparisonIDs
  }

  /// Checks that `before` ends before `after` starts.
  /// - Throws: `RequestError` when they overlap or are in the wrong order.
  public static func checkPeriods(before: Period, after: Period) throws(RequestError) {
    guard before.end < after.start else {
      throw RequestError("'--before \(before)' must end before '--after \(after)' starts.")
    }
  }

  /// Reads the areas and incidents, counts each group before and after, and compares.
  /// - Throws: `InputError` for unreadable inputs or a period with no incident; `RequestError`
  ///   for periods out of order.
  public func run(progress: (String) -> Void = { _ in }) throws -> EvaluateResult {
    try Self.checkPeriods(before: before, after: after)
    let declaredCRS = incidents.declaredCRS
    let target = try EvaluationLayer.load(
      file: targetFile, role: "target", select: targetIDs, declaredCRS: declaredCRS, working: nil,
      repair: repairAreas)
    let comparison = try EvaluationLayer.load(
      file: comparisonFile, role: "comparison", select: comparisonIDs, declaredCRS: declaredCRS,
      working: target.working,
      repair: repairAreas)
    let areas = InterventionAreas(target: target.geometries, comparison: comparison.geometries, buffer: buffer)
    var notes: [String] = []

    let categories = incidents.filter.categories
    let filters = [before, after].map { IncidentFilter(period: $0, categories: categories) }
    var tally = InterventionAreas.Tally()
    var outcomes = [IncidentFilter.Outcome(), IncidentFilter.Outcome()]
    let report = try IncidentInput.stream(incidents, options: incidents.columns, working: target.working) {
      chunk in
      for period in 0..<2 {
        let (kept, outcome) = filters[period].apply(to: chunk)
        outcomes[period].add(outcome)
        for row in 0..<kept.count { tally.add(kept.point(row), period: period, areas: areas) }
      }
    }
    notes += report.problems.map(\.description)
    let files = try incidents.expandedFiles()
    for (k, name) in ["before", "after"].enumerated() where outcomes[k].kept == 0 {
      let months = report.months
      let covered =
        months.isEmpty
        ? "no dates"
        : IncidentDate.monthText(monthIndex: months[0].monthIndex) + ".."
          + IncidentDate.monthText(monthIndex: months[months.count - 1].monthIndex)
      throw InputError(
        file: files.joined(separator: ", "),
        reason: .other(
          "no incident falls in the --\(name) period \(k == 0 ? before : after) (the files cover \(covered))"))
    }
    // The rates are over what the data fill: whole months for month-only dates, clipped to the
    // months the files hold (PeriodCoverage), each cut said in a note.
    var periods = [before, after]
    for (k, name) in ["before", "after"].enumerated() {
      periods[k] =
        PeriodCoverage.effective(
          periods[k], option: "--\(name)", report: report, outcome: outcomes[k], warnings: &notes)
        ?? periods[k]
    }
    let (before, after) = (periods[0], periods[1])
    for (period, name) in [(before, "before"), (after, "after")] {
      let missing = Self.monthsWithoutData(period, months: report.months)
      if !missing.isEmpty {
        notes.append(
          "the incident files hold nothing in \(missing.count) month(s) of --\(name) \(period) (\(missing.prefix(3).joined(separator: ", "))\(missing.count > 3 ? ", …" : "")): is the period covered by the data?"
        )
      }
    }
    if areas.comparisonOverlapsTargetOrBuffer || tally.comparisonOverlap != [0, 0] {
      notes.append(
        "the comparison areas reach into the target\(buffer == nil ? "" : " or the buffer ring"): \(tally.comparisonOverlap[0] + tally.comparisonOverlap[1]) incidents there count in the target\(buffer == nil ? "" : " or buffer") only, never in the comparison"
      )
    }

    let groupAreas = Self.areas(areas, target: target)
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
      (
        "group_rule",
        "target if inside a target polygon; else buffer if within the buffer of a target boundary (distance ≤ buffer); else comparison if inside a comparison polygon"
      ),
      ("rates", "incidents per month: a part month counts as its share of days"),
      (
        "relative_change",
        "(Ta/Tb)/(Ca/Cb); 95 % interval exp(ln r ± 1.96·√(1/Ta + 1/Tb + 1/Ca + 1/Cb)) (Farrington et al. 2007); p two-sided normal on ln r"
      ),
      (
        "zero_counts",
        "0.5 added to all four counts when one is 0 (Haldane–Anscombe); undefined when a group has no incident in either period"
      ),
      (
        "p_change",
        "exact conditional test of the two counts (two Poisson rates), exposures in months (a part month its share of days)"
      ),
      (
        "area_rule",
        .string(
          "target: planar area of its polygons; buffer and comparison: estimated on a \(NumberText.fixed(groupAreas.spacing, digits: 1)) m lattice"
        )
      ),
    ]
    if buffer != nil {
      choices.append(
        (
          "wdq",
          "(Da/Ca − Db/Cb)/(Ta/Ca − Tb/Cb), read only when Ta/Ca − Tb/Cb < 0 (Bowers & Johnson 2003; bands of Guerette 2009)"
        ))
    }
    return EvaluateResult(
      tally: tally, before: before, after: after, buffer: buffer, areas: groupAreas,
      targetDescription: target.description, comparisonDescription: comparison.description, report: report,
      filtered: outcomes, inputWarnings: target.repairs + comparison.repairs + notes, methodChoices: choices,
      inputs: target.files + comparison.files + files)
  }

  /// Months of `period` in which the incident files hold no incident at all (`YYYY-MM`).
  public static func monthsWithoutData(_ period: Period, months: [(monthIndex: Int, count: Int)]) -> [String] {
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
    box = BoundingBox(
      minX: box.minX - margin, minY: box.minY - margin, maxX: box.maxX + margin, maxY: box.maxY + margin)
    let spacing = Swift.max(1, (box.width * box.height / 1_000_000).squareRoot())
    let estimate = areas.estimatedAreas(spacing: spacing)
    return EvaluateResult.Areas(
      target: target.geometries.reduce(0) { $0 + $1.area }, buffer: areas.buffer == nil ? nil : estimate[1],
      comparison: estimate[2], spacing: spacing)
  }
}
