import GeoCore

/// A British National Grid position in whole decimetres: the generator's coordinates are integers,
/// so that the same county comes out on every machine and a vertex shared by two boundaries is
/// the same value in both.
struct GridPoint: Hashable, Sendable {
  var x: Int
  var y: Int

  /// Metres as a `Point` (the nearest `Double` to a whole number of decimetres).
  var point: Point { Point(x: Double(x) / 10, y: Double(y) / 10) }

  /// The nearest grid point to `point` (metres).
  init(_ point: Point) {
    x = Int((point.x * 10).rounded())
    y = Int((point.y * 10).rounded())
  }

  init(x: Int, y: Int) {
    self.x = x
    self.y = y
  }

  /// Whole metres, for metres given as integers.
  static func metres(_ x: Int, _ y: Int) -> GridPoint { GridPoint(x: x * 10, y: y * 10) }
}

/// One use of an edge by a piece of boundary: the edge as stored, or walked backwards.
struct Side: Hashable, Sendable {
  var edge: Int
  var reversed: Bool
}

/// The boundaries of the county as a planar graph: nodes where three pieces meet, and edges
/// between them whose wiggly vertices are generated once and shared.
///
/// Every piece of land (a lattice cell, the enclave, the island) is a list of `Side`s. Two pieces
/// that touch use the same edge in opposite directions, so their common vertices are identical
/// by construction, and dissolving pieces into larger areas only has to cancel the sides that
/// appear both ways (`Dissolve.swift`).
struct EdgeGraph: Sendable {
  private(set) var nodes: [GridPoint] = []
  /// Each edge's vertices, from its start node to its end node (both included). A loop (start =
  /// end) is a closed ring.
  private(set) var vertices: [[GridPoint]] = []
  private(set) var ends: [(start: Int, end: Int)] = []

  mutating func addNode(_ position: GridPoint) -> Int {
    nodes.append(position)
    return nodes.count - 1
  }

  /// Adds an edge whose vertices run from node `start` to node `end`.
  mutating func addEdge(_ points: [GridPoint], from start: Int, to end: Int) -> Int {
    precondition(points.first == nodes[start] && points.last == nodes[end], "edge off its nodes")
    vertices.append(points)
    ends.append((start, end))
    return vertices.count - 1
  }

  /// Adds a closed ring as a loop edge on a node of its own; returns the side that walks it as
  /// stored (counter-clockwise when `ring` is).
  mutating func addLoop(_ ring: [GridPoint]) -> Side {
    precondition(ring.count >= 4 && ring.first == ring.last, "a loop must be a closed ring")
    let node = addNode(ring[0])
    return Side(edge: addEdge(ring, from: node, to: node), reversed: false)
  }

  func start(of side: Side) -> Int { side.reversed ? ends[side.edge].end : ends[side.edge].start }
  func end(of side: Side) -> Int { side.reversed ? ends[side.edge].start : ends[side.edge].end }

  /// The side's vertices in the direction it is walked.
  func points(of side: Side) -> [GridPoint] {
    side.reversed ? vertices[side.edge].reversed() : vertices[side.edge]
  }

  /// For each group of sides (a cell, a division), the other groups it shares an edge with,
  /// ascending.
  func neighbours(of groups: [[Side]]) -> [[Int]] {
    var owners = Array(repeating: [Int](), count: vertices.count)
    for (group, sides) in groups.enumerated() {
      for side in sides where owners[side.edge].last != group { owners[side.edge].append(group) }
    }
    return groups.enumerated().map { group, sides in
      var found: [Int] = []
      for side in sides {
        for other in owners[side.edge] where other != group && !found.contains(other) {
          found.append(other)
        }
      }
      return found.sorted()
    }
  }
}
