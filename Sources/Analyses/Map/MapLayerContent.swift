import GeoCore
import Rendering
import SpatialAnalysis

/// The numbers of one drawn layer of a map, before any colour: what `MapLayers` computes and
/// `MapDrawing` (Reports) draws, one drawn layer each.
public enum MapLayerContent: Sendable {
  /// A value per area (nil: no data), classed by `breaks` (upper bounds). Values under
  /// `suppressBelow` are shown as `<n` and left unshaded.
  case choropleth(values: [Double?], breaks: [Double], heading: String, digits: Int, suppressBelow: Double?)
  /// A kernel density surface (quartic, per km²) in classes: each class's cells dissolved into one
  /// shape. `bands` holds the classes that have cells, in class order.
  case density(bands: [(classIndex: Int, geometry: Geometry)], breaks: [Double], bandwidth: Double, cellSize: Double)
  /// The change of kernel density between two periods, cell by cell, in `2k − 1` classes symmetric
  /// about 0 from the k `bounds` of the size of the change (class k − 1: |change| ≤ `bounds[0]`;
  /// lower classes decreases, higher increases); `bands` holds the classes that have cells.
  case change(bands: [(classIndex: Int, geometry: Geometry)], bounds: [Double], heading: String, note: String)
  /// Getis-Ord Gi* of the counts per area: z and the class (−3…3) of each area.
  case gistar(z: [Double], classes: [Int])
  /// Emerging hot spot categories per area, with the steps analysed in words.
  case emerging(categories: [EmergingHotSpotClass], steps: String)
  /// Distinct incident positions in first-seen order, with how many incidents stack at each.
  case points(positions: [(Point, Int)])
  /// Outlines of the areal features of a file (zones), named after the file.
  case outlines(name: String, geometries: [Geometry])
  /// The outlines of the map's areas.
  case boundaries
}
