import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// What `gistar` and `moran` analyse: areas (with a value property or counted incidents), cells
/// of a grid (counted incidents) or points (a value column or the incidents nearest each), and
/// which of them are neighbours. Each option has the command line's default.
public struct FeatureSource: Sendable {
  /// A boundary file: the areas analysed, or the study area of the cells.
  public var areasFile: String?
  /// Points to analyse (CSV with coordinate columns, or GeoJSON/Shapefile of Points).
  public var pointsFile: String?
  /// With `pointsFile`: the column (or property) holding each point's value.
  public var valueColumn: String?
  /// The incidents counted per area, cell or nearest point (no files: none). Its declared CRS is
  /// also that of the areas and points.
  public var incidents: IncidentSource
  /// Repair invalid area polygons by the even-odd rule (`--repair`) instead of refusing them
  /// (`AreaValidity`); each change is reported among the warnings.
  public var repairAreas = false
  /// The area property holding the value (instead of counting incidents).
  public var valueField: String?
  /// The area property holding the id (detected when nil).
  public var idField: String?
  /// The area property holding the name (detected when nil).
  public var nameField: String?
  /// Analyse square cells of this size in metres (hexagons with `hex`) instead of areas.
  public var cell: Double?
  /// With `cell`: pointy-top hexagons, the size being the distance between neighbouring centres.
  public var hex: Bool
  /// The cell grid's extent in metres of the working CRS, used exactly.
  public var extent: BoundingBox?
  /// The neighbour rule; nil: queen for areas, cell × √2 for square cells, the 6 around for
  /// hexagons, the smallest band giving every point a neighbour for points.
  public var neighbours: NeighbourRule?
  /// Boundaries this close (metres) count as touching; nil: 1 m, under planar 1e-7 of the extent.
  public var snapTolerance: Double?

  /// A source with the command line's defaults for everything not given.
  public init(
    areasFile: String? = nil, pointsFile: String? = nil, valueColumn: String? = nil,
    incidents: IncidentSource = IncidentSource(files: []), valueField: String? = nil, idField: String? = nil,
    nameField: String? = nil, cell: Double? = nil, hex: Bool = false, extent: BoundingBox? = nil,
    neighbours: NeighbourRule? = nil, snapTolerance: Double? = nil
  ) {
    self.areasFile = areasFile
    self.pointsFile = pointsFile
    self.valueColumn = valueColumn
    self.incidents = incidents
    self.valueField = valueField
    self.idField = idField
    self.nameField = nameField
    self.cell = cell
    self.hex = hex
    self.extent = extent
    self.neighbours = neighbours
    self.snapTolerance = snapTolerance
  }

  /// True when the cell size is chosen automatically (`--neighbours auto` on incidents alone).
  public var automaticCell: Bool { cell == nil && neighbours == .auto && areasFile == nil && pointsFile == nil }

  /// The neighbour rule, defaulted.
  public var neighbourRule: NeighbourRule { neighbours ?? .queen }

  /// Checks that the options name one kind of feature and one way to value them, without reading anything.
  /// - Throws: `RequestError` saying which options to give or leave out.
  public func validate() throws(RequestError) {
    let hasIncidents = !incidents.isEmpty
    if let pointsFile {
      if areasFile != nil || cell != nil || extent != nil || hex {
        throw RequestError(
          "'--points' analyses the points themselves: leave out '--areas', '--cell', '--hex' and '--extent'.")
      }
      if valueField != nil {
        throw RequestError("With '--points' the value is '--value-column <name>' (or counted '--incidents').")
      }
      if (valueColumn == nil) == !hasIncidents {
        throw RequestError(
          "Give the value of '--points \(pointsFile)' by '--value-column <name>' or by nearest '--incidents <file>', one of them."
        )
      }
      if neighbours == .queen || neighbours == .rook {
        throw RequestError(
          "Points have no boundaries: use '--neighbours distance:<d>' or 'knn:<k>' (default: the smallest band giving every point a neighbour)."
        )
      }
    } else if valueColumn != nil {
      throw RequestError("'--value-column' is for '--points'; for areas use '--value-field'.")
    }
    if cell == nil && neighbours == .auto && areasFile == nil && pointsFile == nil && !hasIncidents {
      throw RequestError(
        "'--neighbours auto' needs '--incidents' (cells of an automatic size), '--areas' or '--points'.")
    }
    if hex && cell == nil && !(neighbours == .auto && areasFile == nil && pointsFile == nil) {
      throw RequestError("'--hex' needs '--cell <size>': the distance between neighbouring hexagon centres.")
    }
    if let cell {
      guard hasIncidents else { throw RequestError("'--cell' needs '--incidents': the value of a cell is its count.") }
      if valueField != nil {
        throw RequestError("'--value-field' is for areas; with '--cell' the value is the incident count.")
      }
      if case .distance(let limit) = neighbours, limit < cell {
        throw RequestError(
          "The band '--neighbours distance:\(NumberText.shortest(limit))m' is shorter than a cell: no cell would have a neighbour."
        )
      }
    } else if pointsFile == nil && !(neighbours == .auto && areasFile == nil) {
      if extent != nil { throw RequestError("'--extent' needs '--cell': it is the extent of the cell grid.") }
      guard areasFile != nil else {
        throw RequestError("Missing '--areas <file>' (or '--cell <size>' with '--incidents').")
      }
      if valueField == nil && !hasIncidents {
        throw RequestError("Give the value by '--value-field <name>' or count '--incidents <file>'.")
      }
      if valueField != nil && hasIncidents {
        throw RequestError("Give the value by '--value-field' or '--incidents', not both.")
      }
    }
  }
}
