import GeoCore

/// A larger area (like an Area Action Partnership): whole, contiguous divisions dissolved into one.
struct Area {
  /// `AAP01`…: not an ONS code.
  var code: String
  var name: String
  /// The sum of its divisions' populations.
  var population: Int
  /// Its divisions, ascending.
  var divisions: [Int]
  var geometry: Geometry
}

/// Twelve areas grown over the divisions' neighbour graph.
///
/// Seeds are spread out by farthest-point sampling (the first is Wyncaster Central; each next
/// one is the division whose box centre is farthest from every seed so far). Then the area with
/// the fewest people so far takes a random unclaimed neighbouring division, until none is left:
/// areas come out contiguous and of similar population. The enclave, whose only neighbour is its
/// host, is never a seed, so it always joins its host's area and its hole dissolves away.
///
/// An area holding a town centre is named "<town> & District"; the others after their most
/// populous division.
enum Areas {
  static let count = 12

  static func make(divisions: inout [Division], graph: EdgeGraph, draw: inout Draw) -> [Area] {
    let neighbours = graph.neighbours(of: divisions.map(\.sides))
    let centres = divisions.map { $0.geometry.boundingBox.center }
    let enclave = divisions.count - 1
    guard let first = divisions.firstIndex(where: { $0.name == Town.all[0].name + " Central" })
    else { preconditionFailure("no Wyncaster Central") }

    var seeds = [first]
    while seeds.count < count {
      var best = -1
      var bestDistance = -1.0
      for division in divisions.indices where division != enclave && !seeds.contains(division) {
        let nearest =
          seeds.map { seed in
            let dx = centres[division].x - centres[seed].x
            let dy = centres[division].y - centres[seed].y
            return dx * dx + dy * dy
          }.min() ?? 0
        if nearest > bestDistance {
          best = division
          bestDistance = nearest
        }
      }
      seeds.append(best)
    }

    var owner = Array(repeating: -1, count: divisions.count)
    for (area, seed) in seeds.enumerated() { owner[seed] = area }
    var members = seeds.map { [$0] }
    var population = seeds.map { divisions[$0].population }
    while owner.contains(-1) {
      let candidates = members.map { list in
        Set(list.flatMap { neighbours[$0] }.filter { owner[$0] < 0 }).sorted()
      }
      guard
        let area = members.indices.filter({ !candidates[$0].isEmpty })
          .min(by: { (population[$0], $0) < (population[$1], $1) })
      else { preconditionFailure("a division no area can reach") }
      let division = draw.element(of: candidates[area])
      owner[division] = area
      members[area].append(division)
      population[area] += divisions[division].population
    }

    var areas: [Area] = []
    for area in members.indices {
      let list = members[area].sorted()
      for division in list { divisions[division].area = area }
      let parts = graph.dissolve(list.flatMap { divisions[$0].sides })
      let hasIsland = list.contains { divisions[$0].geometry.polygons.count > 1 }
      precondition(
        parts.count == (hasIsland ? 2 : 1) && parts.allSatisfy { $0.holes.isEmpty },
        "area \(area) is not one piece without holes: change the seed")
      let town = Town.all.first { town in
        list.contains { divisions[$0].name.hasPrefix(town.name) }
      }
      let largest = list.max { divisions[$0].population < divisions[$1].population } ?? list[0]
      let name = town.map { $0.name + " & District" } ?? (divisions[largest].name + " Area")
      areas.append(
        Area(
          code: "AAP" + Names.padded(area + 1, width: 2), name: name, population: population[area],
          divisions: list, geometry: Geometry(parts: parts)))
    }
    return areas
  }
}
