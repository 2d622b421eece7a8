/// A position in a plane: metres in a projected CRS, or degrees (x = longitude, y = latitude)
/// where the surrounding type says the coordinates are geographic.
public struct Point: Hashable, Sendable, CustomStringConvertible {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// Both coordinates are finite (neither NaN nor infinite).
  public var isFinite: Bool { x.isFinite && y.isFinite }

  public var description: String { "(\(x), \(y))" }
}

/// A longitude/latitude pair in degrees on a named datum (WGS84 unless a type says otherwise).
public struct GeographicCoordinate: Hashable, Sendable {
  /// Degrees east of Greenwich, −180…180.
  public var longitude: Double
  /// Degrees north of the equator, −90…90.
  public var latitude: Double

  public init(longitude: Double, latitude: Double) {
    self.longitude = longitude
    self.latitude = latitude
  }
}
