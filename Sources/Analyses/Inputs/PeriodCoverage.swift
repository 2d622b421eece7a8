import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The period a comparison measures its rates over: the period asked for, less what the data
/// cannot fill, each cut said in a warning.
///
/// - Month-only dates (police.uk `Month`) count only in the whole months inside a period, so when
///   such rows straddle an end, the period shrinks to those whole months
///   (`2024-01-15..2024-04-14` → `2024-02..2024-03`, 2 months, not 3).
/// - A period running past the months the files hold (the first to the last month of any kept
///   row) is clipped to them: `--period 2020` on files ending 2020-11 is 11 months, not 12.
public enum PeriodCoverage {
  /// The months the files hold, first to last (month indices); nil without dated rows.
  public static func dataMonths(_ report: IncidentReadReport) -> ClosedRange<Int>? {
    guard let first = report.months.first?.monthIndex, let last = report.months.last?.monthIndex else { return nil }
    return first...last
  }

  /// `2018-04..2020-11`, or `no dates`.
  public static func dataMonthsText(_ report: IncidentReadReport) -> String {
    guard let months = dataMonths(report) else { return "no dates" }
    return IncidentDate.monthText(monthIndex: months.lowerBound) + ".."
      + IncidentDate.monthText(monthIndex: months.upperBound)
  }

  /// The period the data fill, appending a warning for each cut; nil when the period lies wholly
  /// outside the months the files hold.
  /// - Parameters:
  ///   - period: the period asked for.
  ///   - option: how the command line names it (`--period`, `--compare-to`).
  ///   - report: what the reader read (its months).
  ///   - outcome: what the period's filter kept and left out (its straddling months).
  ///   - warnings: where the cuts are said.
  public static func effective(
    _ period: Period, option: String, report: IncidentReadReport, outcome: IncidentFilter.Outcome,
    warnings: inout [String]
  ) -> Period? {
    var result = period
    if outcome.straddlingMonths > 0, let whole = period.wholeMonthsInside, whole != period {
      warnings.append(
        "\(option) \(period): \(Format.count(outcome.straddlingMonths)) rows give only a month, and a month counts only when it lies wholly inside the period: \(FilterCheck.monthsInside(period)), and those rows are left out; rates are over \(monthsText(whole.months))"
      )
      result = whole
    }
    guard let months = dataMonths(report) else { return result }
    guard let clipped = result.clipped(toMonths: months) else { return nil }
    if clipped != result {
      warnings.append(
        "\(option) \(result) runs past the months the files hold (\(dataMonthsText(report))): clipped to \(clipped) (\(monthsText(clipped.months))) for the counts and rates"
      )
    }
    return clipped
  }

  /// The period and baseline of a comparison as the data fill them (`effective`), with a warning
  /// for each cut and one saying that the change is per month when their lengths differ.
  /// - Parameters:
  ///   - period: `--period` (nil: none, and no baseline either).
  ///   - baseline: `--compare-to` (nil: none).
  ///   - report: what the reader read.
  ///   - outcome: what the period's filter kept and left out.
  ///   - baselineOutcome: what the baseline's filter kept and left out.
  ///   - columns: which columns compare per month, for the warning.
  ///   - warnings: where the cuts are said.
  /// - Throws: `InputError` when the baseline lies wholly outside the months the files hold.
  public static func compared(
    _ period: Period?, baseline: Period?, report: IncidentReadReport, outcome: IncidentFilter.Outcome,
    baselineOutcome: IncidentFilter.Outcome, columns: String, warnings: inout [String]
  ) throws(InputError) -> (period: Period?, baseline: Period?) {
    guard let asked = period else { return (nil, nil) }
    let period = effective(asked, option: "--period", report: report, outcome: outcome, warnings: &warnings) ?? asked
    guard let baseline else { return (period, nil) }
    guard
      let clipped = effective(
        baseline, option: "--compare-to", report: report, outcome: baselineOutcome, warnings: &warnings)
    else {
      throw InputError(
        file: FilterCheck.filesText(report.files),
        reason: .other(
          "'--compare-to \(baseline)' lies outside the months the files hold (\(dataMonthsText(report))): there is nothing to compare with"
        ))
    }
    if !period.hasSameLength(as: clipped) {
      warnings.append(
        "the period \(period) (\(monthsText(period.months))) and the baseline \(clipped) (\(monthsText(clipped.months))) differ in length: \(columns)"
      )
    }
    return (period, clipped)
  }

  /// `11 months`, `1 month`, `2.48 months`.
  public static func monthsText(_ months: Double) -> String {
    NumberText.fixed(months, digits: months.rounded() == months ? 0 : 2) + " month" + (months == 1 ? "" : "s")
  }
}
