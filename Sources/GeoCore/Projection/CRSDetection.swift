/// How the CRS of an input was decided, so that `inspect` and provenance can say it.
public enum CRSRule: Hashable, Sendable, CustomStringConvertible {
  /// The user declared it with `--crs`.
  case declaredByUser
  /// The file's legacy GeoJSON `crs` member named it (the member's text).
  case crsMember(String)
  /// A Shapefile's `.prj` named it (the name of its WKT `PROJCS` or `GEOGCS`).
  case projectionFile(String)
  /// The columns name it: longitude/latitude are WGS84, easting/northing British National Grid.
  case columnNames(String)
  /// RFC 7946: a GeoJSON file without a `crs` member whose coordinates fit longitude/latitude.
  case geoJSONDefault
  /// A file that declares no CRS (a Shapefile without a usable `.prj`) whose coordinates fit
  /// longitude/latitude.
  case coordinateRangeWGS84
  /// Coordinates outside ±180/±90 that fit British National Grid's extent.
  case coordinateRangeBNG
  /// Coordinates that fit neither WGS84 nor British National Grid.
  case coordinateRangePlanar

  /// The rule in words, for `inspect` and provenance: `declared with --crs`, `the .prj file names …`,
  /// `column names (…)`, or which coordinate range decided it.
  public var description: String {
    switch self {
    case .declaredByUser: "declared with --crs"
    case .crsMember(let text): "the file's crs member says \(text)"
    case .projectionFile(let name): "the .prj file names \(name)"
    case .columnNames(let text): "column names (\(text))"
    case .geoJSONDefault: "no crs member and coordinates within ±180°/±90° (RFC 7946 default)"
    case .coordinateRangeWGS84:
      "no CRS declared and coordinates within ±180°/±90°, so taken as lon/lat"
    case .coordinateRangeBNG:
      "coordinates beyond ±180°/±90° but within British National Grid (0–700 km E, 0–1300 km N)"
    case .coordinateRangePlanar:
      "coordinates fit neither lon/lat nor British National Grid, so taken as planar"
    }
  }
}

/// A CRS and the rule that chose it.
public struct CRSDecision: Hashable, Sendable {
  /// The CRS chosen.
  public var crs: CRS
  /// The rule that chose `crs`.
  public var rule: CRSRule

  /// A decision of `crs` by `rule`.
  public init(crs: CRS, rule: CRSRule) {
    self.crs = crs
    self.rule = rule
  }

  /// The CRS of a set of coordinates from, in order: the user's `--crs`, the file's own
  /// declaration (`crs` member, `.prj` or column names, already turned into a `CRSDecision`), and the
  /// coordinates' range (lon/lat when within ±180/±90, else British National Grid when within its
  /// extent, else planar).
  ///
  /// A declaration is taken as it is even when the coordinates do not fit it: readers check the
  /// ranges afterwards and report the mismatch, naming the feature, so a wrong declaration is
  /// caught rather than silently overridden.
  public static func decide(
    userDeclared: CRS?, fileDeclared: CRSDecision?, bounds: BoundingBox
  ) -> CRSDecision {
    if let userDeclared { return CRSDecision(crs: userDeclared, rule: .declaredByUser) }
    if let fileDeclared { return fileDeclared }
    if bounds.isEmpty || fits(bounds, .wgs84) {
      return CRSDecision(crs: .wgs84, rule: .coordinateRangeWGS84)
    }
    if fits(bounds, .britishNationalGrid) {
      return CRSDecision(crs: .britishNationalGrid, rule: .coordinateRangeBNG)
    }
    return CRSDecision(crs: .planar, rule: .coordinateRangePlanar)
  }

  /// How far past ±180°/±90° a longitude or latitude may lie and still fit WGS84: rounding noise
  /// in files written by other tools (Natural Earth's Russia reaches 180.00000000000006°).
  public static let degreeTolerance = 1e-9

  /// True when every coordinate in `bounds` lies in the valid range of `crs`:
  /// ±180° / ±90° for WGS84, give or take `degreeTolerance`; 0…700,000 m east and 0…1,300,000 m
  /// north for British National Grid (the Ordnance Survey's defined extent, with the 100 km
  /// squares of Shetland included).
  public static func fits(_ bounds: BoundingBox, _ crs: CRS) -> Bool {
    switch crs {
    case .wgs84:
      bounds.minX >= -180 - degreeTolerance && bounds.maxX <= 180 + degreeTolerance
        && bounds.minY >= -90 - degreeTolerance && bounds.maxY <= 90 + degreeTolerance
    case .britishNationalGrid:
      bounds.minX >= 0 && bounds.maxX <= 700_000 && bounds.minY >= 0 && bounds.maxY <= 1_300_000
    case .planar, .localTransverseMercator: true
    }
  }
}
