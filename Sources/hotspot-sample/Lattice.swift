import GeoCore

/// The county's land as 429 hexagonal cells with jittered corners and wiggly, shared edges:
/// the building blocks that divisions and areas are made of.
///
/// Cells sit in rows like bricks (odd rows shifted half a cell east), and each row's boundary
/// zigzags, so every cell is a hexagon (pointy top, 2 km across, 3.5 km²) and three cells meet at
/// every node: no two cells touch at a corner only. The cells whose centres lie inside a
/// hand-drawn outline are land. Each node is jittered by up to 220 m each way and each edge is
/// wiggled (`Wiggles.line`) once, when the first cell that uses it is built.
struct Lattice {
  /// Decimetres, like every generator coordinate.
  static let halfWidth = 10_000
  static let rowHeight = 17_500
  static let zigzag = 3_000
  static let jitter = 2_200
  static let columns = 29
  static let rows = 26
  /// The south-west corner of the lattice: E 408,000 m, N 519,000 m.
  static let origin = GridPoint.metres(408_000, 519_000)

  /// The county's outline, metres, drawn by hand: cells whose centres fall inside it are land.
  static let outline = Ring(
    uncheckedClosed: [
      (412_000, 538_000), (414_000, 546_000), (419_000, 552_000), (425_000, 558_000),
      (432_000, 562_000), (440_000, 563_500), (447_000, 561_000), (452_000, 557_500),
      (457_000, 553_000), (461_500, 548_000), (463_500, 542_000), (461_000, 536_000),
      (457_500, 530_000), (452_000, 524_500), (445_000, 521_500), (437_000, 522_500),
      (430_000, 525_000), (423_000, 528_500), (416_500, 532_500), (412_000, 538_000),
    ].map { Point(x: $0.0, y: $0.1) })

  struct Cell {
    /// The six sides, counter-clockwise from the south-west corner.
    var sides: [Side]
    /// The centre of the cell before jitter.
    var centre: GridPoint
  }

  var graph = EdgeGraph()
  private(set) var cells: [Cell] = []

  init(draw: inout Draw) {
    struct Corner: Hashable {
      var k: Int
      var line: Int
    }
    struct Pair: Hashable {
      var low: Int
      var high: Int
    }
    var nodeAt: [Corner: Int] = [:]
    var edgeBetween: [Pair: Int] = [:]
    for row in 0..<Self.rows {
      for column in 0..<Self.columns {
        let k0 = 2 * column + row % 2
        let centre = GridPoint(
          x: Self.origin.x + (k0 + 1) * Self.halfWidth,
          y: Self.origin.y + row * Self.rowHeight + Self.rowHeight / 2)
        guard Self.outline.crossingParity(centre.point) else { continue }
        let corners = [
          Corner(k: k0, line: row), Corner(k: k0 + 1, line: row), Corner(k: k0 + 2, line: row),
          Corner(k: k0 + 2, line: row + 1), Corner(k: k0 + 1, line: row + 1),
          Corner(k: k0, line: row + 1),
        ]
        let ids = corners.map { corner in
          if let id = nodeAt[corner] { return id }
          let id = graph.addNode(Self.position(k: corner.k, line: corner.line, draw: &draw))
          nodeAt[corner] = id
          return id
        }
        var sides: [Side] = []
        for i in 0..<6 {
          let a = ids[i]
          let b = ids[(i + 1) % 6]
          let pair = Pair(low: min(a, b), high: max(a, b))
          let edge: Int
          if let existing = edgeBetween[pair] {
            edge = existing
          } else {
            let line = Wiggles.line(
              from: graph.nodes[pair.low], to: graph.nodes[pair.high], draw: &draw)
            edge = graph.addEdge(line, from: pair.low, to: pair.high)
            edgeBetween[pair] = edge
          }
          sides.append(Side(edge: edge, reversed: a > b))
        }
        cells.append(Cell(sides: sides, centre: centre))
      }
    }
  }

  /// The cell whose centre is nearest `point` (the first such, on a tie).
  func cell(nearest point: Point) -> Int {
    let target = GridPoint(point)
    func distance(_ cell: Cell) -> Int {
      let dx = cell.centre.x - target.x
      let dy = cell.centre.y - target.y
      return dx * dx + dy * dy
    }
    guard let nearest = cells.indices.min(by: { distance(cells[$0]) < distance(cells[$1]) }) else {
      preconditionFailure("no cells")
    }
    return nearest
  }

  /// A node's jittered position. Corner `k` of boundary line `line` is raised by `zigzag` where
  /// it ends a side of the row above, lowered where it is the bottom point of that row's cell.
  private static func position(k: Int, line: Int, draw: inout Draw) -> GridPoint {
    let raised = k % 2 == line % 2
    return GridPoint(
      x: origin.x + k * halfWidth + draw.integer(in: -jitter...jitter),
      y: origin.y + line * rowHeight + (raised ? zigzag : -zigzag)
        + draw.integer(in: -jitter...jitter))
  }
}
