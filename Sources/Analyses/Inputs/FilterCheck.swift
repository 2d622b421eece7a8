import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The check every run makes after reading its incidents: a `--category` that no row of any file
/// has, or a filter that leaves nothing, is an error that names what the files do hold, never a
/// table of zeros.
///
/// Categories match exactly, case and spaces included (police.uk writes `Anti-social behaviour`);
/// the message says so and suggests the nearest category the files hold.
public enum FilterCheck {
  /// Throws when a category of `filter` is in no file, or when no incident is left.
  /// - Parameters:
  ///   - filter: the run's period and categories.
  ///   - report: what the reader read (categories and months of every row with a location).
  ///   - outcome: what the filter kept and removed.
  ///   - purpose: what the incidents are for, in words ("count", "estimate a density").
  /// - Throws: `InputError` (exit status 65) naming the files.
  public static func check(
    _ filter: IncidentFilter, report: IncidentReadReport, outcome: IncidentFilter.Outcome, purpose: String
  ) throws(InputError) {
    let file = filesText(report.files)
    if let message = unknownCategories(filter.categories, held: report.categoryCounts) {
      throw InputError(file: file, reason: .other(message))
    }
    if report.rowsWithLocation == 0, report.skippedRows > 0 {
      throw InputError(file: file, reason: .other(nothingUsable(report)))
    }
    guard outcome.kept == 0, report.rowsWithLocation > 0 else { return }
    if let period = filter.period {
      throw InputError(file: file, reason: .other(emptyPeriod(period, report: report, outcome: outcome)))
    }
    throw InputError(file: file, reason: .other("no incident with a location is left to \(purpose)"))
  }

  /// The message for `categories` that no file holds, or nil when every one is there.
  /// - Parameters:
  ///   - categories: the categories asked for (`--category`), matched exactly.
  ///   - held: the categories the files hold with their rows, most frequent first (as
  ///     `IncidentReadReport.categoryCounts`); empty when the files have no category column.
  public static func unknownCategories(_ categories: [String], held: [(category: String, count: Int)]) -> String? {
    guard !categories.isEmpty, !held.isEmpty else { return nil }
    let names = Set(held.map(\.category))
    let unknown = categories.filter { !names.contains($0) }
    guard let first = unknown.first else { return nil }
    let quoted = unknown.map { "'\($0)'" }.joined(separator: ", ")
    var message = "no incident has the category \(quoted) (categories match exactly, case included)"
    if let near = nearest(first, among: held.map(\.category)) { message += "; did you mean '\(near)'?" }
    let shown = held.prefix(8).map { "\($0.category) (\(Format.count($0.count)))" }.joined(separator: ", ")
    message += " The files hold: \(shown)" + (held.count > 8 ? " and \(held.count - 8) more" : "") + "."
    return message
  }

  /// Why no row could be used when every row with a location was skipped: the most frequent
  /// reason, with the first such row's line and value (`'Nov 20th' is not a date …`).
  public static func nothingUsable(_ report: IncidentReadReport) -> String {
    var message =
      "no row can be used: \(Format.count(report.skippedRows)) of \(Format.count(report.dataRows)) rows were skipped"
    if report.rowsWithoutLocation > 0 { message += " and \(Format.count(report.rowsWithoutLocation)) have no location" }
    guard let top = report.skippedByReason.first else { return message }
    message += "; \(Format.count(top.count)) for \(top.reason)"
    // The first skipped row in the reason's column (the reasons name it: "not a date in 'Month'").
    let example =
      report.skipped.first { row in row.field.map { top.reason.hasSuffix("'\($0)'") } ?? false }
      ?? report.skipped.first
    if let first = example, let line = first.line {
      message += ", the first at line \(line): \(first.reason)"
    }
    return message
  }

  /// The warning for rows kept without a readable date (`IncidentColumnOptions.keepsUndated`), with
  /// the first one's line and value; nil when there are none.
  public static func undatedNote(_ report: IncidentReadReport) -> String? {
    guard report.undatedRows > 0 else { return nil }
    var note = "\(Format.count(report.undatedRows)) rows have no readable date"
    if let first = report.firstUndated, let line = first.line, case .badDate(let text) = first.reason {
      note += " (the first at line \(line) of \(first.file): '\(text)' in '\(first.field ?? "")')"
    }
    return note + "; they are counted, as no period needs the date"
  }

  /// Why a period kept nothing: the months the files cover, and the rule for month-only dates.
  static func emptyPeriod(_ period: Period, report: IncidentReadReport, outcome: IncidentFilter.Outcome) -> String {
    var message =
      "no incident falls in the period \(period) (the files cover \(PeriodCoverage.dataMonthsText(report)))"
    if outcome.straddlingMonths > 0 {
      message +=
        "; \(Format.count(outcome.straddlingMonths)) rows give only a month, and a month counts only when it lies wholly inside the period: "
        + monthsInside(period) + "; give whole months, such as --period "
        + (Period(
          monthIndices: period.start.monthIndex...period.end.monthIndex)?.description ?? "2020-01..2020-02")
    }
    if outcome.noDate > 0 { message += "; \(Format.count(outcome.noDate)) rows have no date" }
    return message
  }

  /// Which months a month-only date counts in for `period`, and which straddle its ends.
  public static func monthsInside(_ period: Period) -> String {
    let whole = period.wholeMonthsInside
    var ends: [String] = []
    for end in [period.start, period.end] {
      guard let month = IncidentDate(year: end.year, month: end.month), period.straddles(month) else { continue }
      if !ends.contains(month.monthText) { ends.append(month.monthText) }
    }
    let endsText = ends.joined(separator: " and ")
    let inside = whole.map { "only \($0) lies wholly inside \(period)" } ?? "\(period) holds no whole month"
    return inside + (ends.isEmpty ? "" : " (\(endsText) \(ends.count == 1 ? "straddles" : "straddle") its ends)")
  }

  /// The category closest to `name`: the same ignoring case, else the fewest edits (at most a
  /// third of the name's length).
  static func nearest(_ name: String, among names: [String]) -> String? {
    if let same = names.first(where: { $0.lowercased() == name.lowercased() }) { return same }
    let scored = names.map { ($0, EditDistance.levenshtein(name.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, name.count / 3) else { return nil }
    return best.0
  }

  /// A file list short enough for a message: the file, or the first and last with how many.
  public static func filesText(_ files: [String]) -> String {
    switch files.count {
    case 0: return "incidents"
    case 1, 2: return files.joined(separator: ", ")
    default: return "\(files[0]) … \(files[files.count - 1]) (\(files.count) files)"
    }
  }
}
