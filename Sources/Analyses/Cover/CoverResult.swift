import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What a `cover` run found: the incidents the existing sites cover, the new sites chosen (best
/// first) with what each adds, and every value chosen (for provenance).
public struct CoverResult: Sendable {
  /// Covering distance in metres.
  public let radius: Double
  /// How many new sites were asked for.
  public let add: Int
  /// The working CRS (metres).
  public let working: CRS
  /// Located incidents kept after the filters.
  public let incidents: Int
  /// Distinct places (position and location label) the incidents stand at.
  public let incidentPlaces: Int
  /// The existing sites' file and how many sites it holds, when given.
  public let existingSites: (file: String, count: Int)?
  /// The candidates considered, in the working CRS (the file's points, or cell centres that can
  /// cover an incident).
  public let candidates: [Point]
  /// The candidates' ids and names from `--candidates` (nil for cells, or a file without them).
  public let candidateIDs: [String]?
  /// The candidates' names from `--candidates`, nil when none.
  public let candidateNames: [String]?
  /// Each existing site's own coverage, in file order (empty without `--sites`).
  public let existingCoverage: [SiteCoverage]
  /// The greedy choice: existing coverage, the sites chosen with their gains, the upper bound.
  public let covering: MaximalCovering.Result
  /// The most common location label among the incidents each chosen site newly covers.
  public let labels: [String?]
  /// What the incident reader read, skipped and decided.
  public let report: IncidentReadReport
  /// How many incidents the period and category filter removed.
  public let filtered: IncidentFilter.Outcome
  /// Every value chosen, for the provenance file and the JSON summary.
  public let choices: [(String, JSONValue)]
  /// Warnings in the order the command line prints them.
  public let warnings: [String]
  /// The input files, for provenance.
  public let inputs: [String]
  /// The file GeoJSON output names when a position cannot be converted: the candidates', else
  /// the first incidents'.
  public let geoJSONFile: String

  /// What one existing site covers on its own.
  public struct SiteCoverage: Sendable {
    /// The site's id (from the file; its 1-based position when the file has none).
    public let id: String
    /// The site's name, empty when the file has none.
    public let name: String
    /// Its position in the working CRS.
    public let point: Point
    /// Incidents within the radius of this site.
    public let covered: Int
    /// Of those, the incidents no other existing site covers.
    public let coveredOnlyHere: Int
  }

  /// Incidents covered by the existing sites and the new ones.
  public var totalCovered: Int { covering.initiallyCovered + covering.gained }

  /// A share 0…1 (0 when there is nothing).
  public static func share(_ part: Int, _ total: Int) -> Double { total > 0 ? Double(part) / Double(total) : 0 }

  /// The share of the best possible gain that the greedy gain is known to reach: greedy / bound.
  public static func guarantee(_ result: MaximalCovering.Result) -> Double {
    result.upperBound > 0 ? Double(result.gained) / Double(result.upperBound) : 1
  }
}
