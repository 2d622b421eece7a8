import GeoCore
import GeoIO
import SpatialAnalysis

extension IncidentReadReport {
  /// What `filter` makes of the rows without a location, by their date and category as read
  /// (`withoutLocation`): `kept` are those the run's figures count as "without location", the
  /// others are filtered out for the same reasons as rows with a location. A row whose date
  /// field is empty or unreadable has no date (removed by a period); a file without a category
  /// column has none (removed by a category list).
  public func withoutLocationOutcome(_ filter: IncidentFilter) -> IncidentFilter.Outcome {
    var outcome = IncidentFilter.Outcome()
    for group in withoutLocation {
      outcome.add(filter.outcome(date: group.date, category: group.category, count: group.count))
    }
    // Rows counted without a breakdown (a table held in memory has none) pass unfiltered.
    let described = withoutLocation.reduce(0) { $0 + $1.count }
    outcome.kept += rowsWithoutLocation - described
    return outcome
  }
}
