/// A geometry with its properties, as one GeoJSON Feature.
public struct Feature: Hashable, Sendable {
  /// Nil for a feature whose geometry is `null` or of a type Hotspot skips.
  public var geometry: Geometry?
  /// The feature's `properties` member, in file order; empty when the file gives none (or null).
  public var properties: Properties
  /// The GeoJSON `id` member, as text, if present.
  public var id: String?

  /// A feature of `geometry` (nil for none), `properties` and the GeoJSON `id` as text (nil if absent).
  public init(geometry: Geometry?, properties: Properties = Properties(), id: String? = nil) {
    self.geometry = geometry
    self.properties = properties
    self.id = id
  }
}

/// Features in file order, with the coordinate reference system they are in.
public struct FeatureCollection: Hashable, Sendable {
  /// The features, in the order they were read.
  public var features: [Feature]
  /// The CRS of every coordinate in `features`.
  public var crs: CRS

  /// A collection of `features` whose coordinates are in `crs` (taken as declared, not checked).
  public init(features: [Feature], crs: CRS) {
    self.features = features
    self.crs = crs
  }

  /// The box of every feature's geometry in `crs` units (polygons by their exterior rings), features
  /// without a geometry skipped; `.empty` when no feature has one. O(n) in positions.
  public var boundingBox: BoundingBox {
    features.reduce(BoundingBox.empty) { box, feature in
      feature.geometry.map { box.union($0.boundingBox) } ?? box
    }
  }

  /// The collection with every coordinate transformed (e.g. projected into another CRS).
  public func mapPoints(to crs: CRS, _ transform: (Point) -> Point) -> FeatureCollection {
    FeatureCollection(
      features: features.map {
        Feature(geometry: $0.geometry?.mapPoints(transform), properties: $0.properties, id: $0.id)
      },
      crs: crs)
  }
}
