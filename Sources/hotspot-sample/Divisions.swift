import GeoCore

/// An electoral division of the sample county.
struct Division {
  /// `E05990001`…: shaped like an ONS ward code, in a range ONS does not use.
  var code: String
  var name: String
  var population: Int
  /// Its boundary pieces: the sides of its cells, plus the enclave or island loops it owns.
  var sides: [Side]
  var geometry: Geometry
  /// The index of its area, set by `Areas.make`.
  var area = -1
}

/// About 60 divisions grown from seed cells over the lattice.
///
/// 59 seed cells are drawn with probability proportional to density (`Town.density`), so towns
/// get many small divisions and the open country a few large ones. Then, round after round, each
/// division takes a random unclaimed neighbouring cell, rural ones at every round and urban ones
/// rarely, until every cell is taken. The seeds are numbered from the south-west, row by row.
/// A division's population is 4,500 + 6,000 u + a uniform 0…1,499, u = min(1, (density at its
/// seed − 1) / 6); the enclave's is 3,000 + a uniform 0…599.
///
/// Two planted features on top of that:
/// - the enclave "Old Market", a blob in the middle of Wyncaster's centre cell, which is a hole in
///   the division around it ("Wyncaster Central");
/// - an island about 1.5 km off the coast, east of the easternmost cell, which makes its coastal
///   division a MultiPolygon.
enum Divisions {
  static let seedCount = 59

  static func make(lattice: inout Lattice, draw: inout Draw) -> [Division] {
    let cells = lattice.cells
    let neighbours = lattice.graph.neighbours(of: cells.map(\.sides))
    let density = cells.map { Town.density(at: $0.centre.point) }

    var weights = density.map { Int(($0 * 100).rounded()) }
    var seeds: [Int] = []
    for _ in 0..<seedCount {
      let cell = WeightedChoice(weights: weights).pick(&draw)
      seeds.append(cell)
      weights[cell] = 0
    }
    seeds.sort()

    var owner = Array(repeating: -1, count: cells.count)
    for (division, cell) in seeds.enumerated() { owner[cell] = division }
    var members = seeds.map { [$0] }
    let speed = seeds.map { min(1, 2 / density[$0]) }
    var unclaimed = cells.count - seeds.count
    while unclaimed > 0 {
      for division in members.indices where draw.chance(speed[division]) {
        let candidates = Set(members[division].flatMap { neighbours[$0] }.filter { owner[$0] < 0 })
        guard !candidates.isEmpty else { continue }
        let cell = draw.element(of: candidates.sorted())
        owner[cell] = division
        members[division].append(cell)
        unclaimed -= 1
      }
    }
    var sides = members.map { $0.flatMap { cells[$0].sides } }

    // The enclave: a loop around the middle of Wyncaster's centre cell, a hole in its host.
    let townCells = Town.all.map { lattice.cell(nearest: $0.centre) }
    let host = owner[townCells[0]]
    let enclave = lattice.graph.addLoop(
      Wiggles.blob(around: cells[townCells[0]].centre, radius: 3_800, draw: &draw))
    sides[host].append(Side(edge: enclave.edge, reversed: true))

    // The island: a loop of radius 700 m centred 2.7 km east of the easternmost cell's east side.
    guard let coastal = cells.indices.max(by: { cells[$0].centre.x < cells[$1].centre.x }) else {
      preconditionFailure("no cells")
    }
    let islandCentre = GridPoint(
      x: cells[coastal].centre.x + Lattice.halfWidth + 27_000, y: cells[coastal].centre.y)
    let island = lattice.graph.addLoop(
      Wiggles.blob(around: islandCentre, radius: 7_000, draw: &draw))
    sides[owner[coastal]].append(island)

    // Names: a division holding a town centre is named after the town, the others after villages.
    var names: [String] = []
    var village = 0
    for division in members.indices {
      let towns = Town.all.indices.filter { members[division].contains(townCells[$0]) }.map {
        Town.all[$0]
      }
      precondition(towns.count <= 1, "two towns in one division")
      if let town = towns.first {
        names.append(division == host ? town.name + " Central" : town.name)
      } else {
        names.append(Names.villages[village])
        village += 1
      }
    }

    var populations = members.indices.map { division in
      let urban = min(1, (density[seeds[division]] - 1) / 6)
      return 4_500 + Int(6_000 * urban) + draw.below(1_500)
    }
    names.append(Names.enclave)
    populations.append(3_000 + draw.below(600))
    sides.append([enclave])

    var divisions: [Division] = []
    for index in sides.indices {
      let parts = lattice.graph.dissolve(sides[index])
      let expectedParts = index == owner[coastal] ? 2 : 1
      let expectedHoles = index == host ? 1 : 0
      precondition(
        parts.count == expectedParts && parts.reduce(0, { $0 + $1.holes.count }) == expectedHoles,
        "division \(index) has \(parts.count) parts; a seed was enclosed: change the seed")
      divisions.append(
        Division(
          code: "E0599" + Names.padded(index + 1, width: 4), name: names[index],
          population: populations[index], sides: sides[index],
          geometry: Geometry(parts: parts)))
    }
    return divisions
  }
}
