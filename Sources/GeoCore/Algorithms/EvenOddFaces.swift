import Foundation

/// The region a closed walk encloses by the even-odd rule, as simple rings: the walk's pieces are
/// taken as the edges of a planar graph, its faces are traced, and the faces an odd number of
/// crossings away from the outside are kept.
///
/// ## Rule
/// 1. Each piece of the walk is an edge; a piece walked twice (a spike out and back) cancels out.
/// 2. At every vertex the edges are ordered by angle; following each half-edge by the one next
///    clockwise from its twin traces every face once, bounded faces counter-clockwise and the
///    unbounded one clockwise (the most negative area).
/// 3. Crossing an edge changes the parity; faces are given their parity by a search from the
///    unbounded face (parity 0), and those of parity 1 are kept.
/// 4. A kept face whose boundary meets itself at a vertex (two lobes touching, or a lobe around a
///    hole touching it) is cut there into rings that touch without crossing.
///
/// The rings returned never cross each other; read by nesting (even depth: exterior, odd: hole)
/// they are the walk's even-odd region.
enum EvenOddFaces {
  /// The rings (closed) of the even-odd region of the closed `walk` (positions without the
  /// closing repeat, already cut at every crossing); nil when the faces cannot all be reached
  /// from the outside (the cancelled pieces left the graph in several parts).
  static func loops(of walk: [Point]) -> [[Point]]? {
    var vertexID: [Point: Int] = [:]
    var vertices: [Point] = []
    func id(_ point: Point) -> Int {
      if let known = vertexID[point] { return known }
      vertexID[point] = vertices.count
      vertices.append(point)
      return vertices.count - 1
    }
    var parity: [[Int]: Bool] = [:]
    var order: [[Int]] = []
    for k in walk.indices {
      let (a, b) = (id(walk[k]), id(walk[(k + 1) % walk.count]))
      guard a != b else { continue }
      let key = [Swift.min(a, b), Swift.max(a, b)]
      if parity[key] == nil { order.append(key) }
      parity[key, default: false].toggle()
    }
    let edges = order.filter { parity[$0] == true }
    guard edges.count >= 3 else { return [] }
    // Half-edge h runs from `from[h]` to `from[h ^ 1]`.
    var from: [Int] = []
    for edge in edges { from += [edge[0], edge[1]] }
    var outgoing = Array(repeating: [Int](), count: vertices.count)
    for h in from.indices { outgoing[from[h]].append(h) }
    var position = Array(repeating: 0, count: from.count)
    for v in outgoing.indices {
      let origin = vertices[v]
      outgoing[v].sort { a, b in
        let (pa, pb) = (vertices[from[a ^ 1]], vertices[from[b ^ 1]])
        let (angleA, angleB) = (atan2(pa.y - origin.y, pa.x - origin.x), atan2(pb.y - origin.y, pb.x - origin.x))
        return angleA != angleB ? angleA < angleB : a < b
      }
      for (index, h) in outgoing[v].enumerated() { position[h] = index }
    }
    func next(_ h: Int) -> Int {
      let twin = h ^ 1
      let around = outgoing[from[twin]]
      return around[(position[twin] + around.count - 1) % around.count]
    }
    // Faces.
    var face = Array(repeating: -1, count: from.count)
    var cycles: [[Int]] = []
    for start in from.indices where face[start] < 0 {
      var cycle: [Int] = []
      var h = start
      repeat {
        face[h] = cycles.count
        cycle.append(h)
        h = next(h)
      } while h != start && face[h] < 0
      cycles.append(cycle)
    }
    let areas = cycles.map { cycle in
      Ring(uncheckedClosed: cycle.map { vertices[from[$0]] } + [vertices[from[cycle[0]]]]).signedArea
    }
    guard let outside = areas.indices.min(by: { areas[$0] < areas[$1] }) else { return [] }
    // Parity by a search over faces from the outside.
    var faceParity = Array(repeating: -1, count: cycles.count)
    faceParity[outside] = 0
    var queue = [outside]
    var head = 0
    while head < queue.count {
      let f = queue[head]
      head += 1
      for h in cycles[f] where faceParity[face[h ^ 1]] < 0 {
        faceParity[face[h ^ 1]] = 1 - faceParity[f]
        queue.append(face[h ^ 1])
      }
    }
    guard !faceParity.contains(-1) else { return nil }
    var rings: [[Point]] = []
    for f in cycles.indices where faceParity[f] == 1 && areas[f] != 0 {
      rings += cutAtRepeats(cycles[f].map { vertices[from[$0]] })
    }
    return rings
  }

  /// A closed walk (without its closing repeat) cut into closed rings wherever a position comes
  /// round again; rings of fewer than 3 positions are dropped.
  static func cutAtRepeats(_ walk: [Point]) -> [[Point]] {
    var rings: [[Point]] = []
    var stack: [Point] = []
    var index: [Point: Int] = [:]
    for point in walk {
      if let start = index[point] {
        let loop = Array(stack[start...]) + [point]
        if loop.count >= 4 { rings.append(loop) }
        for removed in stack[(start + 1)...] { index[removed] = nil }
        stack.removeSubrange((start + 1)...)
      } else {
        index[point] = stack.count
        stack.append(point)
      }
    }
    if stack.count >= 3 { rings.append(stack + [stack[0]]) }
    return rings
  }
}
