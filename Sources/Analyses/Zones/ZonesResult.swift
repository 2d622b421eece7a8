import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What a `ZonesRequest` found: incidents and population per zone, all zones together, outside
/// every zone and in total, with the baseline period's incidents when asked for. `Reports` makes
/// its table.
public struct ZonesResult: Sendable {
  /// The zones, in file order, in the working CRS.
  public let layer: AreaLayer
  /// Incidents per row of `rowKeys`: each zone, then all-zones, outside-zones and total.
  public let incidents: [Int]
  /// The baseline period's incidents per row, when a baseline period was given.
  public let baselineIncidents: [Int]?
  /// Population per row (nil where unknown).
  public let population: [Double?]
  /// Rates are per this many people.
  public let per: Double
  /// The period counted, if any.
  public let period: Period?
  /// The baseline period, if any.
  public let baselinePeriod: Period?
  /// Incidents inside two or more zones (counted in each, once in all-zones).
  public let incidentsInSeveralZones: Int
  /// Warnings, in the order found (reading, the population join, incidents in several zones).
  public let warnings: [String]
  /// The input files, for provenance: zones, incident files, population.
  public let inputs: [String]

  /// The id and name of each row: the zones, then `all-zones`, `outside-zones` and `total`.
  public var rowKeys: [(id: String, name: String)] {
    layer.ids.indices.map { (layer.ids[$0], layer.names[$0]) }
      + [("all-zones", "all zones together"), ("outside-zones", "outside every zone"), ("total", "total")]
  }

  /// `rate_per_10000` (or per `per`): the name of the rate column.
  public var rateColumn: String { "rate_per_" + NumberText.shortest(per) }

  /// The methods and values, as the JSON output's `summary` lists them.
  public var summaryChoices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [
      ("period", period.map { .string($0.description) } ?? "all incidents"),
      (
        "population_rule",
        "each population point counts for every zone containing it (ONS best-fit); all-zones counts it once"
      ),
      ("incidents_in_several_zones", .number(Double(incidentsInSeveralZones))),
    ]
    if let baselinePeriod {
      choices.append(("baseline_period", .string(baselinePeriod.description)))
      choices.append(
        ("p_change", "exact binomial test of the two counts, exposures in months (a part month its share of days)"))
    }
    return choices
  }

  /// Every value the run chose, for provenance: the working CRS and id field, then `summaryChoices`.
  public var choices: [(String, JSONValue)] {
    [("working_crs", .string(layer.working.identifier)), ("id_field", .string(layer.idField))] + summaryChoices
  }
}
