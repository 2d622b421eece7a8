/// A position in a plane: metres in a projected CRS, or degrees (x = longitude, y = latitude)
/// where the surrounding type says the coordinates are geographic.
public struct Point: Hashable, Sendable, CustomStringConvertible {
  /// Easting in metres in a projected CRS, or longitude in degrees in a geographic one.
  public var x: Double
  /// Northing in metres in a projected CRS, or latitude in degrees in a geographic one.
  public var y: Double

  /// The point (`x`, `y`), taken as given; non-finite values are kept (see `isFinite`).
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// Both coordinates are finite (neither NaN nor infinite).
  public var isFinite: Bool { x.isFinite && y.isFinite }

  /// `(x, y)` with Swift's default `Double` text for each coordinate, e.g. `(530000.0, 180000.0)`.
  public var description: String { "(\(x), \(y))" }
}

/// A longitude/latitude pair in degrees on a named datum (WGS84 unless a type says otherwise).
public struct GeographicCoordinate: Hashable, Sendable {
  /// Degrees east of Greenwich, −180…180.
  public var longitude: Double
  /// Degrees north of the equator, −90…90.
  public var latitude: Double

  /// A coordinate in degrees, taken as given: no range check, no wrapping.
  public init(longitude: Double, latitude: Double) {
    self.longitude = longitude
    self.latitude = latitude
  }
}
