import GeoCore

/// Fits a box of map coordinates (metres, x east, y north) into a rectangle of the page, keeping
/// the aspect ratio, and turns geometry into SVG path data.
///
/// ## Properties
/// - One scale for x and y (no distortion); y is flipped (SVG's y runs down).
/// - Coordinates are rounded to `digits` decimals of the page unit: neighbouring polygons that share
///   vertices share the rounded ones too, and consecutive repeats are dropped on both sides alike,
///   so boundaries stay gap-free.
public struct MapFrame: Sendable {
  /// Page units per map unit (per metre), the same for x and y.
  public let scale: Double
  /// Page x of map x = 0: page x = offsetX + x · scale.
  public let offsetX: Double
  /// Page y of map y = 0: page y = offsetY − y · scale (y flipped).
  public let offsetY: Double
  /// Decimals of the page unit kept in path data.
  public let digits: Int

  /// The frame that fits `box` into the page rectangle (x, y, width, height), centred.
  public init(
    fitting box: BoundingBox, into rect: (x: Double, y: Double, width: Double, height: Double), digits: Int = 1
  ) {
    let sx = box.width > 0 ? rect.width / box.width : 1
    let sy = box.height > 0 ? rect.height / box.height : 1
    scale = Swift.min(sx, sy)
    offsetX = rect.x + (rect.width - box.width * scale) / 2 - box.minX * scale
    offsetY = rect.y + (rect.height - box.height * scale) / 2 + box.maxY * scale
    self.digits = digits
  }

  /// The page position of a map point.
  public func page(_ point: Point) -> Point {
    Point(x: offsetX + point.x * scale, y: offsetY - point.y * scale)
  }

  /// SVG path data for the polygons of a geometry (`M…L…Z` per ring), even–odd fill friendly.
  public func pathData(_ geometry: Geometry) -> String {
    var bytes: [UInt8] = []
    for polygon in geometry.polygons {
      for ring in polygon.rings { appendRing(ring.points, to: &bytes) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private func appendRing(_ points: [Point], to bytes: inout [UInt8]) {
    var previous: (Double, Double)?
    var written = 0
    for point in points.dropLast() {
      let p = page(point)
      let rounded = (rounded(p.x), rounded(p.y))
      if let previous, previous == rounded { continue }
      bytes.append(written == 0 ? UInt8(ascii: "M") : UInt8(ascii: "L"))
      NumberText.appendFixed(rounded.0, digits: digits, to: &bytes)
      bytes.append(UInt8(ascii: " "))
      NumberText.appendFixed(rounded.1, digits: digits, to: &bytes)
      previous = rounded
      written += 1
    }
    if written > 0 { bytes.append(UInt8(ascii: "Z")) }
  }

  private func rounded(_ value: Double) -> Double {
    var factor = 1.0
    for _ in 0..<digits { factor *= 10 }
    return (value * factor).rounded() / factor
  }
}
