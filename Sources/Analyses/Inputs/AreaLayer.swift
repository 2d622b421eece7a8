import GeoCore
import GeoIO

/// A boundary file made ready for analysis: ids and names chosen, geometry in the working CRS.
///
/// Every command that reads `--areas` (or `--zones`) loads it through `AreaLayer.load`, so the
/// id and name detection, the duplicate-id check and the working CRS are the same everywhere.
public struct AreaLayer: Sendable {
  /// The file read (the `.shp` of a Shapefile), as given.
  public let file: String
  /// The layer as read (source CRS, every feature).
  public let source: BoundaryLayer
  /// The features that have polygons, in file order: their index in `source`.
  public let featureIndices: [Int]
  /// Each area's id, unique, from `idField`.
  public let ids: [String]
  /// Each area's name from `nameField` ("" where there is none).
  public let names: [String]
  /// The property the ids come from: given, or detected by `BoundaryFields`.
  public let idField: String
  /// The property the names come from, if any.
  public let nameField: String?
  /// The CRS every distance and area is measured in.
  public let working: CRS
  /// Polygons in the working CRS, one per area.
  public let geometries: [Geometry]
  /// Planar area of each area in the working CRS (m² unless planar).
  public let areas: [Double]
  /// What `repair` changed, one line per change (feature, part and rule); empty when the
  /// polygons were valid or not repaired. Requests report them among their warnings.
  public let repairs: [String]

  /// The number of areas.
  public var count: Int { ids.count }

  /// Reads `file`, chooses the id and name fields (or takes `idField`/`nameField`), and projects
  /// the polygons into the working CRS for the layer. Invalid polygons (`AreaValidity`) are
  /// refused, or with `repair` repaired by the even-odd rule (`PolygonRepair`) and listed in `repairs`.
  /// - Throws: `InputError` for unreadable files, no polygons, invalid polygons (without `repair`,
  ///   or beyond it), a missing field, duplicate ids.
  public static func load(
    file: String, declaredCRS: CRS? = nil, idField: String? = nil, nameField: String? = nil, repair: Bool = false
  ) throws(InputError) -> AreaLayer {
    try prepare(
      try BoundaryReader.read(file: file, declaredCRS: declaredCRS), idField: idField, nameField: nameField,
      repair: repair)
  }

  /// Makes a layer already read (or built in memory) ready for analysis, by the rules of `load`.
  /// - Throws: `InputError` (naming `source.files`) for no polygons, invalid polygons (without
  ///   `repair`, or beyond it), a missing field, duplicate ids.
  public static func prepare(
    _ source: BoundaryLayer, idField: String? = nil, nameField: String? = nil, repair: Bool = false
  ) throws(InputError) -> AreaLayer {
    let file = source.files.first ?? "areas"
    var source = source
    var featureIndices = source.collection.features.indices.filter {
      source.collection.features[$0].geometry?.isAreal == true
    }
    let repairs: [String]
    (source, repairs) = try AreaValidity.checked(source, features: featureIndices, repair: repair)
    featureIndices = featureIndices.filter { source.collection.features[$0].geometry?.isAreal == true }
    let features = source.collection.features
    guard !featureIndices.isEmpty else {
      throw InputError(
        file: file,
        reason: .other(
          "holds no polygons (\(features.count) features); an areas file needs Polygon or MultiPolygon features"))
    }
    let polygonal = featureIndices.map { features[$0] }
    let detected = BoundaryFields(features: polygonal)
    let names = polygonal.first?.properties.names ?? []
    for field in [idField, nameField].compactMap({ $0 })
    where !polygonal.contains(where: { $0.properties[field] != nil }) {
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
          reason: .other(
            "duplicate area id '\(id)' (also feature \(featureIndices[earlier])); choose a unique field with --id-field"
          ))
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
      areas: geometries.map(\.area), repairs: repairs)
  }

  /// The value of a property for each area (nil where missing).
  public func property(_ name: String) -> [PropertyValue?] {
    featureIndices.map { source.collection.features[$0].properties[name] }
  }
}
