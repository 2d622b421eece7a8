import GeoCore

/// What a boundary reader (`GeoJSONReader`, `ShapefileReader`, or `BoundaryReader` for either)
/// read from one file: the features, how their CRS was decided, and every warning, so that
/// `inspect` and provenance can say what was read and what was repaired.
public struct BoundaryLayer: Sendable {
  /// The features in file order, coordinates as read; `collection.crs == crsDecision.crs`.
  public var collection: FeatureCollection
  /// The CRS of the coordinates and the rule that chose it.
  public var crsDecision: CRSDecision
  /// The CRS the file names, as written: the legacy GeoJSON `crs` member, or the name of a
  /// Shapefile `.prj`'s WKT `PROJCS`/`GEOGCS`; nil when the file names none.
  public var declaredCRSText: String?
  /// Warnings, in file order: features kept without a geometry (null, empty, missing or of a type
  /// Hotspot does not read), rings closed for the user, records skipped, fallbacks taken.
  public var problems: [InputError]
  /// Each geometry type met, in first-seen order, with its number of features; types Hotspot
  /// does not read are included, null geometries are not.
  public var geometryTypeCounts: [(type: String, count: Int)]
  /// The size of the input in bytes (for a Shapefile, of the `.shp`, `.shx` and `.dbf` together).
  public var byteCount: Int
  /// The format read, with what a Shapefile's companion files said.
  public var format: BoundaryFormat
  /// Every file read, as named: the GeoJSON file, or the `.shp` and each companion found (for
  /// provenance checksums, and so that no output overwrites one of them).
  public var files: [String]

  /// A layer from its parts, stored as given; the caller keeps `collection.crs == crsDecision.crs`
  /// (not checked).
  public init(
    collection: FeatureCollection, crsDecision: CRSDecision, declaredCRSText: String?,
    problems: [InputError], geometryTypeCounts: [(type: String, count: Int)], byteCount: Int,
    format: BoundaryFormat, files: [String]
  ) {
    self.collection = collection
    self.crsDecision = crsDecision
    self.declaredCRSText = declaredCRSText
    self.problems = problems
    self.geometryTypeCounts = geometryTypeCounts
    self.byteCount = byteCount
    self.format = format
    self.files = files
  }
}

/// The format of a boundary file.
public enum BoundaryFormat: Hashable, Sendable {
  /// GeoJSON (RFC 7946), one file.
  case geoJSON
  /// An ESRI Shapefile: the `.shp` and its companions, and what they said.
  case shapefile(ShapefileSummary)

  /// `GeoJSON` or `Shapefile`, for people.
  public var name: String {
    switch self {
    case .geoJSON: "GeoJSON"
    case .shapefile: "Shapefile"
    }
  }
}
