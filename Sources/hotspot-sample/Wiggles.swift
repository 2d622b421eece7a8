/// Wiggly lines and blobs: the shapes of boundaries, drawn with integer arithmetic and the
/// generator's own draws only, so they are the same on every machine.
enum Wiggles {
  /// Relative sideways displacement at each halving of midpoint displacement. Decreasing
  /// amplitudes keep the line within a cone of about 30° of its chord near each end (slope at
  /// most 2 × Σ amplitudes), so edges meeting at a node at 90° or more never cross.
  static let edgeAmplitudes = [0.15, 0.09, 0.05]

  /// A line from `a` to `b` by midpoint displacement (Fournier, Fussell & Carpenter 1982): each
  /// segment's midpoint is moved sideways by up to `amplitude` × its length, once per amplitude.
  /// - Returns: 2ⁿ + 1 points for n amplitudes, `a` first and `b` last.
  static func line(
    from a: GridPoint, to b: GridPoint, amplitudes: [Double] = edgeAmplitudes, draw: inout Draw
  ) -> [GridPoint] {
    var points = [a, b]
    for amplitude in amplitudes {
      var next = [points[0]]
      next.reserveCapacity(points.count * 2)
      for i in 0..<(points.count - 1) {
        let p = points[i]
        let q = points[i + 1]
        let shift = draw.signed() * amplitude
        // The perpendicular (−dy, dx) scaled by `shift`, rounded to whole decimetres.
        let dx = Int((Double(q.y - p.y) * -shift).rounded())
        let dy = Int((Double(q.x - p.x) * shift).rounded())
        next.append(GridPoint(x: (p.x + q.x) / 2 + dx, y: (p.y + q.y) / 2 + dy))
        next.append(q)
      }
      points = next
    }
    return points
  }

  /// Twelve directions, 30° apart, counter-clockwise from east (cos, sin to 6 places): written
  /// out so that no sine or cosine is computed.
  static let directions: [(Double, Double)] = [
    (1, 0), (0.866025, 0.5), (0.5, 0.866025), (0, 1), (-0.5, 0.866025), (-0.866025, 0.5),
    (-1, 0), (-0.866025, -0.5), (-0.5, -0.866025), (0, -1), (0.5, -0.866025), (0.866025, -0.5),
  ]

  /// A closed, counter-clockwise blob around `centre`: twelve corners at `radius` × (1 ± 0.2),
  /// joined by lines wiggled with half the edge amplitudes.
  /// - Parameter radius: decimetres.
  static func blob(around centre: GridPoint, radius: Int, draw: inout Draw) -> [GridPoint] {
    let corners = directions.map { direction in
      let r = Double(radius) * (1 + 0.2 * draw.signed())
      return GridPoint(
        x: centre.x + Int((direction.0 * r).rounded()),
        y: centre.y + Int((direction.1 * r).rounded()))
    }
    var ring: [GridPoint] = []
    for (i, corner) in corners.enumerated() {
      let next = corners[(i + 1) % corners.count]
      ring += line(from: corner, to: next, amplitudes: [0.1, 0.05], draw: &draw).dropLast()
    }
    ring.append(ring[0])
    return ring
  }
}
