import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The numbers of a report: the count, the three maps' layers, the emerging hot spots, the patrol
/// cells, and every value chosen. `Reports` makes the HTML document from it.
public struct ReportResult: Sendable {
  /// The request that made it (title, rows in the ranked table, the maps' options).
  public let request: ReportRequest
  /// The count, with the kept incidents.
  public let count: CountResult
  /// Each map's layer and its contents, in `ReportRequest.mapLayers` order.
  public let maps: [(layer: MapRequest.Layer, built: MapLayers.Built)]
  /// The values the maps chose (classes, bandwidth, neighbours), in the order decided.
  public let mapChoices: [(String, JSONValue)]
  /// The emerging hot spot category of every area over the months (`ReportRequest.emergingRequest`);
  /// nil when it could not be computed (see `emergingNote`).
  public let emerging: EmergingResult?
  /// Why there is no emerging section (the incidents have no dates), for the report's text.
  public let emergingNote: String?
  /// The busiest patrol cells; nil when no incident was kept.
  public let patrol: PatrolResult?
  /// The input files, for provenance.
  public let inputs: [String]

  /// Every value the run chose: the count's, then the maps', then the emerging section's (prefixed
  /// `emerging_`).
  public var choices: [(String, JSONValue)] { count.choices + mapChoices + emergingChoices }

  /// The values the emerging section chose, each key prefixed `emerging_` (the incidents' and
  /// areas' own, already in the count's, left out).
  public var emergingChoices: [(String, JSONValue)] {
    guard let emerging else { return [] }
    let keep: Set<String> = [
      "steps", "first_step", "last_step", "steps_rule", "time_lags", "space_time_neighbours", "statistic",
      "threshold", "p", "trend", "categories_rule", "category_counts", "weights",
    ]
    return emerging.choices.filter { keep.contains($0.0) }.map { ("emerging_" + $0.0, $0.1) }
  }

  /// Warnings about the input and the result, in the order the command prints them: the count's,
  /// then the emerging section's own (undated incidents, partial steps, few steps; not those about
  /// the areas, which the count gives), prefixed "emerging hot spots: ".
  public var warnings: [String] {
    let own = (emerging?.warnings ?? []).filter { !(emerging?.features.warnings ?? []).contains($0) }
    return count.warnings + own.map { "emerging hot spots: " + $0 }
  }
}
