import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// A map's layers as numbers, its labels and titles, ready to draw (`svg()` in Reports).
public struct MapResult: Sendable {
  /// An area's name placed at its centroid.
  public struct Label: Sendable {
    /// The area's name (its id when it has none).
    public var text: String
    /// Where, in the working CRS.
    public var at: Point
  }

  /// The areas, in their working CRS.
  public let areas: AreaLayer
  /// What is drawn, bottom first.
  public let layers: [MapLayerContent]
  /// The area labels, highest value first.
  public let labels: [Label]
  /// The title: as given, else named after the first layer.
  public let title: String
  /// The period, categories, incidents and areas, joined by " · ".
  public let subtitle: String
  /// The source lines given (empty: the recognised inputs' lines are drawn).
  public let attribution: [String]
  /// The classing in words.
  public let classesDescription: String
  /// The ColorBrewer scheme.
  public let palette: String
  /// What the incident reader read, when incidents were given.
  public let report: IncidentReadReport?
  /// Every value chosen, for provenance: working CRS, id field, classes, palette, then each layer's.
  public let choices: [(String, JSONValue)]
  /// The input files, for provenance: areas, incident files, zones.
  public let inputs: [String]
  /// What the reading changed or found doubtful: areas repaired, areas overlapping a partition.
  public let warnings: [String]
}
