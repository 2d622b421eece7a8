import GeoCore

/// The union of pieces of the county as polygons: a true dissolve, not a multipolygon of parts.
///
/// Pieces that touch walk their common edge in opposite directions (`EdgeGraph`), so a side used
/// both ways is inside the union and cancels; the sides left over are the union's boundary, and
/// chaining them end to start gives its rings. Rings that run counter-clockwise are exteriors,
/// clockwise ones holes, each given to the exterior that contains it.
///
/// ## Properties
/// - Every vertex of the result is a vertex of the pieces, bit for bit.
/// - Nodes have at most three edges (the lattice is hexagonal), so at most one boundary side
///   leaves any node and the chaining has no choice to make.
/// - Complexity: O(V) in the vertices of the pieces, plus O(E) in the edges of the graph.
extension EdgeGraph {
  func dissolve(_ sides: [Side]) -> [Polygon] {
    var forward = Array(repeating: 0, count: vertices.count)
    var backward = Array(repeating: 0, count: vertices.count)
    for side in sides {
      if side.reversed { backward[side.edge] += 1 } else { forward[side.edge] += 1 }
    }
    var boundary: [Side] = []
    for edge in vertices.indices {
      precondition(forward[edge] <= 1 && backward[edge] <= 1, "pieces overlap along edge \(edge)")
      if forward[edge] != backward[edge] {
        boundary.append(Side(edge: edge, reversed: backward[edge] == 1))
      }
    }
    var leaving = Array(repeating: -1, count: nodes.count)
    for (index, side) in boundary.enumerated() {
      precondition(leaving[start(of: side)] == -1, "two boundary sides leave one node")
      leaving[start(of: side)] = index
    }

    var used = Array(repeating: false, count: boundary.count)
    var exteriors: [[GridPoint]] = []
    var holes: [[GridPoint]] = []
    for first in boundary.indices where !used[first] {
      var ring: [GridPoint] = []
      var index = first
      repeat {
        used[index] = true
        ring += points(of: boundary[index]).dropLast()
        index = leaving[end(of: boundary[index])]
        precondition(index >= 0, "an open boundary")
      } while index != first
      ring.append(ring[0])
      if Self.twiceSignedArea(ring) > 0 { exteriors.append(ring) } else { holes.append(ring) }
    }

    let rings = exteriors.map { Ring(uncheckedClosed: $0.map(\.point)) }
    var holesOf = Array(repeating: [Ring](), count: rings.count)
    for hole in holes {
      let probe = hole[0].point
      guard let owner = rings.firstIndex(where: { $0.crossingParity(probe) }) else {
        preconditionFailure("a hole outside every exterior")
      }
      holesOf[owner].append(Ring(uncheckedClosed: hole.map(\.point)))
    }
    return rings.indices.map { Polygon(exterior: rings[$0], holes: holesOf[$0]) }
  }

  /// Twice the signed area of a closed ring, exactly (integers): positive when counter-clockwise.
  static func twiceSignedArea(_ ring: [GridPoint]) -> Int {
    let origin = ring[0]
    var sum = 0
    for i in 1..<(ring.count - 1) {
      let a = ring[i]
      let b = ring[i + 1]
      sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
    }
    return sum
  }
}

extension Geometry {
  /// One polygon as a Polygon, several as a MultiPolygon.
  init(parts: [Polygon]) {
    precondition(!parts.isEmpty, "no parts")
    self = parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(MultiPolygon(parts))
  }
}
