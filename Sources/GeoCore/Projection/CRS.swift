/// A coordinate reference system Hotspot works in.
///
/// Geographic systems hold degrees (x = longitude, y = latitude); every other case holds metres
/// (or, for `.planar`, the file's own units taken as they are).
public enum CRS: Hashable, Sendable, CustomStringConvertible {
  /// WGS84 longitude/latitude in degrees (EPSG:4326 with GeoJSON's lon-first axis order, OGC CRS84).
  case wgs84
  /// British National Grid (EPSG:27700): OSGB36 transverse Mercator, metres.
  case britishNationalGrid
  /// Coordinates already in a flat system, in units taken as they are (no projection possible).
  case planar
  /// A transverse Mercator on the WGS84 ellipsoid, scale 1 on the central meridian, false origin 0,
  /// used as the working CRS for data outside Great Britain. Degrees for the centre.
  case localTransverseMercator(centralMeridian: Double, latitudeOfOrigin: Double)

  /// Reads the identifiers users and files write: `EPSG:4326`, `EPSG:27700`, `CRS84`,
  /// `urn:ogc:def:crs:EPSG::27700`, `urn:ogc:def:crs:OGC:1.3:CRS84`,
  /// `http://www.opengis.net/def/crs/EPSG/0/27700`, `planar`. Case-insensitive; nil if unknown.
  public init?(identifier: String) {
    let text = identifier.lowercased().filter { !$0.isWhitespace }
    if text == "planar" {
      self = .planar
      return
    }
    if text.hasSuffix("crs84") || text.hasSuffix("crs:84") {
      self = .wgs84
      return
    }
    // The EPSG code is the run of digits that ends the identifier, after "epsg".
    guard text.contains("epsg") else { return nil }
    let digits = String(text.reversed().prefix { $0.isNumber }.reversed())
    switch digits {
    case "4326": self = .wgs84
    case "27700": self = .britishNationalGrid
    default: return nil
    }
  }

  /// The identifier written to outputs and provenance (`EPSG:4326`, `EPSG:27700`, `planar`,
  /// `+proj=tmerc +lon_0=… +lat_0=…` for a local transverse Mercator).
  public var identifier: String {
    switch self {
    case .wgs84: "EPSG:4326"
    case .britishNationalGrid: "EPSG:27700"
    case .planar: "planar"
    case .localTransverseMercator(let lon0, let lat0):
      "+proj=tmerc +datum=WGS84 +lon_0=\(NumberText.fixed(lon0, digits: 6)) +lat_0=\(NumberText.fixed(lat0, digits: 6)) +k=1"
    }
  }

  /// A name for people: `WGS84 (EPSG:4326)`, `British National Grid (EPSG:27700)`…
  public var description: String {
    switch self {
    case .wgs84: "WGS84 lon/lat (EPSG:4326)"
    case .britishNationalGrid: "British National Grid (EPSG:27700)"
    case .planar: "planar (units as given)"
    case .localTransverseMercator: "local transverse Mercator (\(identifier))"
    }
  }

  /// True for systems in degrees.
  public var isGeographic: Bool { self == .wgs84 }
}
