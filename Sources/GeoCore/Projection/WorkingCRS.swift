/// The projected CRS in which Hotspot measures distances, areas and cells for a set of data.
///
/// British National Grid when the data lie in and around Great Britain, else a transverse Mercator
/// on WGS84 centred on the data (`CRS.localTransverseMercator`, scale 1 on its central meridian),
/// whose scale error, about x²/2R² at x metres from that meridian, stays under 0.1 % within 280 km.
public enum WorkingCRS {
  /// The lon/lat box, in degrees, taken as Great Britain's extent: longitude −9…2.5, latitude
  /// 49…61.5 (the Isles of Scilly to Shetland, with a margin). It also takes in Northern Ireland
  /// and the east of Ireland, where the grid is still a good conformal projection, though not the
  /// local official one.
  public static let greatBritainExtent = BoundingBox(minX: -9, minY: 49, maxX: 2.5, maxY: 61.5)

  /// The working CRS for data whose WGS84 longitude/latitude bounding box is `wgs84Bounds`:
  /// - `.britishNationalGrid` when the box lies within `greatBritainExtent` (edges included);
  /// - `.britishNationalGrid` for an empty box, the product's home setting, so that no data
  ///   gives the same answer as data in County Durham;
  /// - otherwise `.localTransverseMercator` with its central meridian and latitude of origin at the
  ///   box's centre, each rounded to 0.000001°, so that the CRS (and its identifier in outputs)
  ///   does not change with the last bits of a coordinate.
  ///
  /// The box is taken as given: data straddling the antimeridian should be given as a box whose
  /// longitudes run past 180 for the centre to fall among them.
  /// - Complexity: O(1).
  public static func choose(wgs84Bounds: BoundingBox) -> CRS {
    if wgs84Bounds.isEmpty { return .britishNationalGrid }
    let gb = greatBritainExtent
    if wgs84Bounds.minX >= gb.minX && wgs84Bounds.maxX <= gb.maxX && wgs84Bounds.minY >= gb.minY
      && wgs84Bounds.maxY <= gb.maxY
    {
      return .britishNationalGrid
    }
    let centre = wgs84Bounds.center
    return .localTransverseMercator(
      centralMeridian: roundedToMicrodegree(centre.x),
      latitudeOfOrigin: roundedToMicrodegree(centre.y))
  }

  /// The working CRS for data already in `crs` with bounding box `bounds` (in that CRS):
  /// projected data stay in their CRS, planar data stay planar, and lon/lat data get
  /// `choose(wgs84Bounds:)`.
  public static func forData(in crs: CRS, bounds: BoundingBox) -> CRS {
    switch crs {
    case .wgs84: choose(wgs84Bounds: bounds)
    case .britishNationalGrid, .planar, .localTransverseMercator: crs
    }
  }

  private static func roundedToMicrodegree(_ degrees: Double) -> Double {
    (degrees * 1_000_000).rounded() / 1_000_000
  }
}
