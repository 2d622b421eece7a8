import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The numbers of a report: the count, the three maps' layers, the patrol cells, and every value
/// chosen. `Reports` makes the HTML document from it.
public struct ReportResult: Sendable {
  /// The request that made it (title, rows in the ranked table, the maps' options).
  public let request: ReportRequest
  /// The count, with the kept incidents.
  public let count: CountResult
  /// Each map's layer and its contents, in `ReportRequest.mapLayers` order.
  public let maps: [(layer: MapRequest.Layer, built: MapLayers.Built)]
  /// The values the maps chose (classes, bandwidth, neighbours), in the order decided.
  public let mapChoices: [(String, JSONValue)]
  /// The busiest patrol cells; nil when no incident was kept.
  public let patrol: PatrolResult?
  /// The input files, for provenance.
  public let inputs: [String]

  /// Every value the run chose: the count's, then the maps'.
  public var choices: [(String, JSONValue)] { count.choices + mapChoices }

  /// Warnings about the input and the result, in the order the command prints them.
  public var warnings: [String] { count.warnings }
}
