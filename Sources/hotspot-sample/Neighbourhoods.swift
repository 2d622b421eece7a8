import GeoCore

/// A small area like an LSOA, given as its population-weighted centroid.
struct Neighbourhood {
  /// `E01990001`…: shaped like an ONS LSOA code, in a range ONS does not use.
  var code: String
  /// `Sampleshire 014C`: the county, the division's number, a letter (as ONS names LSOAs).
  var name: String
  /// Whole metres, inside `division`.
  var position: GridPoint
  var population: Int
  var division: Int
}

/// About 300 neighbourhoods: each division gets one per 1,250 people or so (at least two), their
/// populations summing exactly to the division's, their centroids inside it and drawn towards the
/// towns (the densest of four random points inside the division).
enum Neighbourhoods {
  static func make(divisions: [Division], draw: inout Draw) -> [Neighbourhood] {
    var result: [Neighbourhood] = []
    for (index, division) in divisions.enumerated() {
      let count = max(2, (division.population + 625) / 1_250)
      let shares = (0..<count).map { _ in 800 + draw.below(400) }
      let total = shares.reduce(0, +)
      var populations = shares.map { division.population * $0 / total }
      populations[count - 1] += division.population - populations.reduce(0, +)
      for k in 0..<count {
        let candidates = (0..<4).map { _ in randomPoint(in: division.geometry, draw: &draw) }
        guard
          let position = candidates.max(by: {
            Town.density(at: $0.point) < Town.density(at: $1.point)
          })
        else { preconditionFailure("no candidates") }
        let letter = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(k)))
        result.append(
          Neighbourhood(
            code: "E0199" + Names.padded(result.count + 1, width: 4),
            name: Names.county + " " + Names.padded(index + 1, width: 3) + letter,
            position: position, population: populations[k], division: index))
      }
    }
    return result
  }

  /// A uniformly random whole-metre point inside `geometry` (by the half-open rule), by rejection
  /// from its bounding box.
  static func randomPoint(in geometry: Geometry, draw: inout Draw) -> GridPoint {
    let box = geometry.boundingBox
    let x0 = Int(box.minX.rounded(.up))
    let x1 = Int(box.maxX.rounded(.down))
    let y0 = Int(box.minY.rounded(.up))
    let y1 = Int(box.maxY.rounded(.down))
    while true {
      let candidate = GridPoint.metres(draw.integer(in: x0...x1), draw.integer(in: y0...y1))
      if geometry.containsByHalfOpenRule(candidate.point) { return candidate }
    }
  }
}
