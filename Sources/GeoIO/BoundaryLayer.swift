import GeoCore

/// What a boundary reader read from one file: the features, how their CRS was decided, and every
/// warning, so that `inspect` and provenance can say what was read and what was repaired.
public struct BoundaryLayer: Sendable {
  /// The features in file order, coordinates as read; `collection.crs == crsDecision.crs`.
  public var collection: FeatureCollection
  /// The CRS of the coordinates and the rule that chose it.
  public var crsDecision: CRSDecision
  /// The CRS the file names, as written (the legacy GeoJSON `crs` member); nil when it names none.
  public var declaredCRSText: String?
  /// Warnings, in file order: features kept without a geometry (null, empty, missing or of a type
  /// Hotspot does not read) and rings closed for the user.
  public var problems: [InputError]
  /// Each geometry type met, in first-seen order, with its number of features; types Hotspot
  /// does not read are included, null geometries are not.
  public var geometryTypeCounts: [(type: String, count: Int)]
  /// The size of the input in bytes.
  public var byteCount: Int
}
