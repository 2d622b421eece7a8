import GeoCore
import GeoIO
import Rendering

/// A target or comparison file: its polygons (all, or those selected by id or name) in the
/// working CRS.
public struct EvaluationLayer: Sendable {
  /// The file named.
  public let file: String
  /// The files read (a Shapefile's parts).
  public let files: [String]
  /// The polygons, in `working`.
  public let geometries: [Geometry]
  /// The working CRS (metres).
  public let working: CRS
  /// `3 areas of licensing-zones.geojson` or `Haverley Terraces (licensing-zones.geojson)`.
  public let description: String
  /// What the repair of invalid polygons changed (`AreaValidity`), one line each.
  public let repairs: [String]

  /// The polygons of `file` (those whose id or name is in `select`, all when empty) in `working`
  /// (nil: the layer's own); `role` (`target`, `comparison`) names the option in messages.
  /// - Throws: `InputError` for unreadable files, unknown selections, or a CRS that cannot be
  ///   related to `working`.
  /// Invalid polygons are refused, or with `repair` repaired (`AreaValidity`) and listed in `repairs`.
  public static func load(
    file: String, role: String, select: [String], declaredCRS: CRS?, working: CRS?, repair: Bool = false
  ) throws(InputError) -> EvaluationLayer {
    let option = role + "-id"
    let name = file.split(separator: "/").last.map(String.init) ?? file
    guard !select.isEmpty else {
      // Every polygon, whatever its properties: a hand-drawn target needs no id.
      let read = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
      let areal = read.collection.features.indices.filter { read.collection.features[$0].geometry?.isAreal == true }
      let (source, repairs) = try AreaValidity.checked(read, features: areal, repair: repair)
      let polygons = source.collection.features.compactMap { $0.geometry?.isAreal == true ? $0.geometry : nil }
      guard !polygons.isEmpty else {
        throw InputError(
          file: file, reason: .other("holds no polygons; --\(role) needs Polygon or MultiPolygon features"))
      }
      let target = working ?? WorkingCRS.forData(in: source.collection.crs, bounds: source.collection.boundingBox)
      guard let transform = CoordinateTransform(from: source.collection.crs, to: target) else {
        throw InputError(
          file: file, reason: .other("polygons in \(source.collection.crs) cannot be related to \(target)"))
      }
      return EvaluationLayer(
        file: file, files: source.files, geometries: polygons.map { $0.mapPoints(transform.apply) }, working: target,
        description: "\(Format.plural(polygons.count, "area")) of \(name)", repairs: repairs)
    }
    let layer = try AreaLayer.load(file: file, declaredCRS: declaredCRS, idField: nil, nameField: nil, repair: repair)
    for value in select where !layer.ids.contains(value) && !layer.names.contains(value) {
      throw InputError(
        file: file, field: layer.idField,
        reason: .other(
          "--\(option) '\(value)' matches no feature's id or name (ids: \(layer.ids.prefix(8).joined(separator: ", "))\(layer.count > 8 ? ", …" : ""))"
        ))
    }
    let chosen = (0..<layer.count).filter { select.contains(layer.ids[$0]) || select.contains(layer.names[$0]) }
    var geometries = chosen.map { layer.geometries[$0] }
    let target = working ?? layer.working
    if layer.working != target {
      guard let transform = CoordinateTransform(from: layer.working, to: target) else {
        throw InputError(
          file: file, reason: .other("polygons in \(layer.working) cannot be related to the target's \(target)"))
      }
      geometries = geometries.map { $0.mapPoints(transform.apply) }
    }
    let description =
      chosen.map { layer.names[$0].isEmpty ? layer.ids[$0] : layer.names[$0] }.joined(separator: ", ") + " (\(name))"
    return EvaluationLayer(
      file: file, files: layer.source.files, geometries: geometries, working: target, description: description,
      repairs: layer.repairs)
  }
}
