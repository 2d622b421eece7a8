import Dispatch
import Foundation

/// A conversion of coordinates from one CRS to another, with everything that does not depend on
/// the point computed once, when the transform is made.
///
/// Every conversion goes through WGS84 longitude/latitude: source → WGS84 → target, each leg being
/// `BritishNationalGrid` (EPSG:1314 Helmert + OSGB36 transverse Mercator) or a
/// `TransverseMercator` on WGS84 (`CRS.localTransverseMercator`). Points in `.wgs84` have
/// x = longitude and y = latitude in degrees; all other CRSs are in metres.
///
/// ## Properties
/// - Same source and target: the identity, bit for bit (also `.planar` → `.planar`).
/// - Accuracy is that of the legs: about 1 mm against PROJ for British National Grid, under a
///   micrometre for the transverse Mercator legs.
/// - The bulk form gives the same bits as the point form, whatever the number of threads.
/// - Complexity: O(1) per point, no allocation per point.
public struct CoordinateTransform: Sendable {
  /// The CRS of the coordinates the transform takes.
  public let source: CRS
  /// The CRS of the coordinates the transform returns.
  public let target: CRS
  private let toWGS84: Leg
  private let fromWGS84: Leg

  /// One side of the conversion, between WGS84 longitude/latitude and a CRS.
  private enum Leg: Sendable {
    case wgs84
    case britishNationalGrid(BritishNationalGrid.Pipeline)
    case transverseMercator(TransverseMercator)

    init(_ crs: CRS) {
      switch crs {
      case .wgs84, .planar: self = .wgs84
      case .britishNationalGrid: self = .britishNationalGrid(BritishNationalGrid.pipeline)
      case .localTransverseMercator(let lon0, let lat0):
        self = .transverseMercator(
          TransverseMercator(
            ellipsoid: .wgs84, centralMeridian: lon0, latitudeOfOrigin: lat0, scale: 1,
            falseEasting: 0, falseNorthing: 0))
      }
    }
  }

  /// The transform from `source` to `target`; nil when exactly one of them is `.planar`, since
  /// planar coordinates cannot be related to the Earth.
  public init?(from source: CRS, to target: CRS) {
    if source != target && (source == .planar || target == .planar) { return nil }
    self.source = source
    self.target = target
    if source == target {
      toWGS84 = .wgs84
      fromWGS84 = .wgs84
    } else {
      toWGS84 = Leg(source)
      fromWGS84 = Leg(target)
    }
  }

  /// True when the transform leaves every coordinate as it is (source and target are the same).
  public var isIdentity: Bool { source == target }

  /// `p` in `target`.
  public func apply(_ p: Point) -> Point {
    let (x, y) = transform(p.x, p.y)
    return Point(x: x, y: y)
  }

  /// The table with every position converted to `target` and its `crs` set to `target`; the other
  /// columns are shared, not copied.
  /// - Precondition: `table.crs == source`.
  /// - Complexity: O(n), in parallel as `apply(x:y:)`.
  public func apply(_ table: IncidentTable) -> IncidentTable {
    precondition(table.crs == source, "transforming incidents in \(table.crs), not \(source)")
    var result = table
    result.crs = target
    apply(x: &result.x, y: &result.y)
    return result
  }

  /// The collection with every position converted to `target` and its `crs` set to `target`.
  /// - Precondition: `collection.crs == source`.
  /// - Complexity: O(n) in the number of positions.
  public func apply(_ collection: FeatureCollection) -> FeatureCollection {
    precondition(
      collection.crs == source, "transforming features in \(collection.crs), not \(source)")
    return collection.mapPoints(to: target) { apply($0) }
  }

  /// Converts the positions `(x[i], y[i])` in place.
  ///
  /// More than 100 000 positions are split into contiguous chunks, one per active processor, run
  /// with `DispatchQueue.concurrentPerform`; each position is computed alone, so the results are
  /// the same bits whatever the split.
  /// - Precondition: `x.count == y.count`.
  /// - Complexity: O(n), no allocation per point.
  public func apply(x: inout [Double], y: inout [Double]) {
    precondition(x.count == y.count, "x and y columns of different lengths")
    guard !isIdentity else { return }
    let count = x.count
    x.withUnsafeMutableBufferPointer { xs in
      y.withUnsafeMutableBufferPointer { ys in
        guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
        let xOut = DisjointWrites(xBase)
        let yOut = DisjointWrites(yBase)
        let minimumChunk = count > Self.parallelThreshold ? 50_000 : count
        Parallel.forEachRange(count: count, minimumChunk: minimumChunk) { range in
          for i in range { (xOut[i], yOut[i]) = transform(xOut[i], yOut[i]) }
        }
      }
    }
  }

  /// Above this many positions, `apply(x:y:)` uses more than one thread.
  static let parallelThreshold = 100_000

  @inline(__always)
  private func transform(_ x: Double, _ y: Double) -> (Double, Double) {
    var longitude = x
    var latitude = y
    switch toWGS84 {
    case .wgs84: break
    case .britishNationalGrid(let pipeline):
      (longitude, latitude) = pipeline.unproject(x: x, y: y)
    case .transverseMercator(let projection):
      let c = projection.inverse(Point(x: x, y: y))
      (longitude, latitude) = (c.longitude, c.latitude)
    }
    switch fromWGS84 {
    case .wgs84:
      return (longitude, latitude)
    case .britishNationalGrid(let pipeline):
      return pipeline.project(longitude: longitude, latitude: latitude)
    case .transverseMercator(let projection):
      let p = projection.forward(GeographicCoordinate(longitude: longitude, latitude: latitude))
      return (p.x, p.y)
    }
  }
}
