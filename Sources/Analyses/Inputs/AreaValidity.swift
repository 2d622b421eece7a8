import GeoCore
import GeoIO

/// The validity of an areas file's polygons, feature by feature, and their repair.
///
/// Every command that reads areas checks them through `AreaLayer.prepare`, and `inspect` lists
/// what this finds. A polygon is invalid when it breaks a rule of `PolygonValidity` (a ring that
/// crosses itself, rings that cross, a hole outside its exterior, a ring of fewer than 3 distinct
/// positions or of no area), or when the reader had to close one of its rings. An invalid area is
/// refused (exit 65) unless the repair is asked for (`--repair`): `PolygonRepair`'s even-odd rule,
/// with each change reported.
public enum AreaValidity {
  /// Each problem of the polygonal features at `features` (indices into `source`), in the file's
  /// coordinates, as an error naming the feature (or Shapefile record) and part; then the rings
  /// the reader closed.
  public static func problems(in source: BoundaryLayer, features: [Int]) -> [InputError] {
    let file = source.files.first ?? "areas"
    var found: [InputError] = []
    for index in features {
      guard let geometry = source.collection.features[index].geometry else { continue }
      let multi = geometry.polygons.count > 1
      for (part, problem) in PolygonValidity.problems(of: geometry) {
        found.append(
          error(
            file: file, source: source, feature: index, part: multi ? part : nil,
            text: "invalid polygon: \(problem)"))
      }
    }
    return found + source.problems.filter { $0.reason == .ringClosed }
  }

  /// `geometry` repaired part by part by `PolygonRepair`'s rule: nil when nothing is left of it.
  /// - Returns: the geometry, each change as an error naming the feature, and the problems left.
  public static func repaired(
    _ geometry: Geometry, feature index: Int, in source: BoundaryLayer
  ) -> (geometry: Geometry?, changes: [InputError], remaining: [InputError]) {
    let file = source.files.first ?? "areas"
    let multi = geometry.polygons.count > 1
    var polygons: [Polygon] = []
    var changes: [InputError] = []
    var remaining: [InputError] = []
    for (part, polygon) in geometry.polygons.enumerated() {
      let outcome = PolygonRepair.repaired(polygon)
      polygons += outcome.polygons
      let at = multi ? part : nil
      changes += outcome.changes.map {
        error(file: file, source: source, feature: index, part: at, text: "repaired: \($0)")
      }
      remaining += outcome.remaining.map {
        error(file: file, source: source, feature: index, part: at, text: "cannot be repaired: \($0)")
      }
    }
    switch polygons.count {
    case 0: return (nil, changes, remaining)
    case 1: return (.polygon(polygons[0]), changes, remaining)
    default: return (.multiPolygon(MultiPolygon(polygons)), changes, remaining)
    }
  }

  /// `source` with the polygons at `features` checked: returned as they are when valid, refused
  /// when not (unless `repair`), else repaired feature by feature (a feature nothing is left of
  /// loses its geometry) with each change described.
  /// - Throws: `InputError` for the first problem (without `repair`), or the first that the repair
  ///   cannot mend.
  public static func checked(_ source: BoundaryLayer, features: [Int], repair: Bool) throws(InputError) -> (
    source: BoundaryLayer, repairs: [String]
  ) {
    let invalid = problems(in: source, features: features)
    guard !invalid.isEmpty else { return (source, []) }
    guard repair else { throw refusal(invalid) }
    let file = source.files.first ?? "areas"
    var source = source
    var repairs = source.problems.filter { $0.reason == .ringClosed }.map(\.description)
    var remaining: [InputError] = []
    for index in features {
      guard let geometry = source.collection.features[index].geometry,
        !PolygonValidity.problems(of: geometry).isEmpty
      else { continue }
      let outcome = repaired(geometry, feature: index, in: source)
      source.collection.features[index].geometry = outcome.geometry
      repairs += outcome.changes.map(\.description)
      remaining += outcome.remaining
      if outcome.geometry == nil { repairs.append("\(file), feature \(index): nothing is left of it; left out") }
    }
    if let first = remaining.first { throw first }
    return (source, repairs)
  }

  /// The error refusing invalid areas: the first problem, how many more, and the way out.
  static func refusal(_ problems: [InputError]) -> InputError {
    var first = problems[0]
    let more = problems.count - 1
    first.reason = .other(
      first.reason.description
        + (more > 0 ? " (and \(more) more \(more == 1 ? "problem" : "problems"); 'hotspot inspect' lists them)" : "")
        + "; fix the file, or give --repair to repair it by the even-odd rule (README: Invalid areas)")
    return first
  }

  /// An error at a feature: `feature N` (GeoJSON) or `record N` (Shapefile), with `part M`.
  private static func error(
    file: String, source: BoundaryLayer, feature: Int, part: Int?, text: String
  ) -> InputError {
    let partText = part.map { "part \($0 + 1)" }
    if case .shapefile = source.format {
      let field = ["record \(feature + 1)", partText].compactMap { $0 }.joined(separator: ", ")
      return InputError(file: file, field: field, reason: .other(text))
    }
    return InputError(file: file, feature: feature, field: partText, reason: .other(text))
  }
}
