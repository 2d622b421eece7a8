import GeoCore
import GeoIO

/// A boundary file made ready for analysis: ids and names chosen, geometry in the working CRS.
struct AreaLayer {
  let file: String
  /// The layer as read (source CRS, every feature).
  let source: BoundaryLayer
  /// The features that have polygons, in file order: their index in `source`.
  let featureIndices: [Int]
  let ids: [String]
  let names: [String]
  let idField: String
  let nameField: String?
  /// The CRS every distance and area is measured in.
  let working: CRS
  /// Polygons in the working CRS, one per area.
  let geometries: [Geometry]
  /// Planar area of each area in the working CRS (m² unless planar).
  let areas: [Double]

  var count: Int { ids.count }

  /// Reads `file`, chooses the id and name fields (or takes `idField`/`nameField`), and projects
  /// the polygons into the working CRS for the layer.
  /// - Throws: `InputError` for unreadable files, no polygons, a missing field, duplicate ids.
  static func load(file: String, declaredCRS: CRS?, idField: String?, nameField: String?) throws(InputError)
    -> AreaLayer
  {
    let source = try BoundaryReader.read(file: file, declaredCRS: declaredCRS)
    let features = source.collection.features
    let featureIndices = features.indices.filter { features[$0].geometry?.isAreal == true }
    guard !featureIndices.isEmpty else {
      throw InputError(
        file: file,
        reason: .other("holds no polygons (\(features.count) features); an areas file needs Polygon or MultiPolygon features"))
    }
    let polygonal = featureIndices.map { features[$0] }
    let detected = BoundaryFields(features: polygonal)
    let names = polygonal.first?.properties.names ?? []
    for field in [idField, nameField].compactMap({ $0 }) where !polygonal.contains(where: { $0.properties[field] != nil }) {
      throw InputError(
        file: file, field: field,
        reason: .other("no such property (properties: \(names.joined(separator: ", ")))"))
    }
    guard let chosenID = idField ?? detected.id else {
      throw InputError(
        file: file,
        reason: .other("no id field found; name one with --id-field (properties: \(names.joined(separator: ", ")))"))
    }
    let chosenName = nameField ?? detected.name
    let ids = zip(featureIndices, polygonal).map { index, feature in
      feature.properties[chosenID]?.text ?? "feature \(index)"
    }
    var firstFeature: [String: Int] = [:]
    for (position, id) in ids.enumerated() {
      if let earlier = firstFeature[id] {
        throw InputError(
          file: file, feature: featureIndices[position], field: chosenID,
          reason: .other("duplicate area id '\(id)' (also feature \(featureIndices[earlier])); choose a unique field with --id-field"))
      }
      firstFeature[id] = position
    }
    let working = WorkingCRS.forData(in: source.collection.crs, bounds: source.collection.boundingBox)
    guard let transform = CoordinateTransform(from: source.collection.crs, to: working) else {
      throw InputError(file: file, reason: .other("cannot be projected from \(source.collection.crs)"))
    }
    let geometries = polygonal.compactMap { $0.geometry?.mapPoints(transform.apply) }
    return AreaLayer(
      file: file, source: source, featureIndices: featureIndices, ids: ids,
      names: polygonal.map { feature in chosenName.flatMap { feature.properties[$0]?.text } ?? "" },
      idField: chosenID, nameField: chosenName, working: working, geometries: geometries,
      areas: geometries.map(\.area))
  }

  /// The value of a property for each area (nil where missing).
  func property(_ name: String) -> [PropertyValue?] {
    featureIndices.map { source.collection.features[$0].properties[name] }
  }
}
