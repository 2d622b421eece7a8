import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// The features a `gistar` or `moran` run analyses: areas, grid cells or points, their values and
/// their neighbour weights, with every value chosen on the way.
public struct AnalysisFeatures: Sendable {
  /// What the features are.
  public enum Units: Sendable {
    /// The areas of a boundary file, in file order.
    case areas(AreaLayer)
    /// The cells of a grid analysed (inside the study area), in slot order.
    case cells(CellLayout)
    /// Points (street-segment midpoints, sites), in file order.
    case points(PointLayer)

    /// The centre of feature k (an area's centroid), in the working CRS.
    public func centre(of k: Int) -> Point {
      switch self {
      case .areas(let layer): layer.geometries[k].centroid
      case .cells(let layout): layout.centre(of: k)
      case .points(let layer): layer.points[k]
      }
    }
  }

  /// The features.
  public let units: Units
  /// The value of each feature (a count, or a given value).
  public let values: [Double]
  /// Without self: binary, or rescaled by the transform the run asked for.
  public let weights: SpatialWeights
  /// The CRS of the features (metres, or planar units).
  public let working: CRS
  /// What was chosen, for the provenance file and the summary.
  public let choices: [(String, JSONValue)]
  /// Warnings, in the order the command line prints them.
  public let warnings: [String]
  /// The input files, for provenance.
  public let inputs: [String]
  /// What the incident reader read, when incidents were counted.
  public let readReport: IncidentReadReport?
  /// How many incidents the period and category filter kept, when incidents were counted.
  public let filtered: IncidentFilter.Outcome?
  /// With `--neighbours auto`: every band tried and the band chosen, in words (several lines).
  public let automaticScale: String?
}
