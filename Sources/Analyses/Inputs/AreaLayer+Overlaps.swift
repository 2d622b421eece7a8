import GeoCore
import Rendering

extension AreaLayer {
  /// The pairs of areas that share ground (`AreaOverlaps`: at least 1% of the smaller one), in the
  /// working CRS; `index` is built when not given.
  public func overlaps(index: PolygonIndex? = nil) -> [AreaOverlap] {
    AreaOverlaps.find(areas: geometries, index: index ?? PolygonIndex(areas: geometries))
  }

  /// The warning of a command counting the areas as a partition (each point in one area) when they
  /// overlap: how many pairs, the pair sharing most of the smaller area, and `--overlapping`; nil
  /// when no two areas overlap.
  public func overlapWarning(index: PolygonIndex? = nil) -> String? {
    let found = overlaps(index: index)
    guard
      let most = found.max(by: {
        share($0) < share($1) || (share($0) == share($1) && ($0.first, $0.second) > ($1.first, $1.second))
      })
    else { return nil }
    let smaller = areas[most.first] <= areas[most.second] ? most.first : most.second
    let size =
      working == .planar
      ? NumberText.fixed(most.sharedArea, digits: 1) + " square units"
      : NumberText.fixed(most.sharedArea / 1e6, digits: 3) + " km²"
    return
      "the areas overlap (\(Format.plural(found.count, "pair")); most: '\(ids[most.first])' and '\(ids[most.second])' "
      + "share about \(size), \(NumberText.fixed(100 * share(most), digits: 0))% of '\(ids[smaller])'): "
      + "a point in two areas counts only in the first in file order; "
      + "give --overlapping to count it in every area containing it"
  }

  private func share(_ overlap: AreaOverlap) -> Double {
    let smaller = Swift.min(areas[overlap.first], areas[overlap.second])
    return smaller > 0 ? overlap.sharedArea / smaller : 0
  }
}
