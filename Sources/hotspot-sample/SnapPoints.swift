import GeoCore

/// A made-up police.uk "snap point": the anonymous map point incidents are moved to, with the
/// street it is named after. Many incidents share one, so points stack as in the real files.
struct SnapPoint {
  /// Whole metres.
  var position: GridPoint
  /// WGS84 degrees as police.uk writes them: six decimals, trailing zeros kept.
  var longitude: String
  var latitude: String
  /// `On or near …`.
  var location: String
  /// The division it lies in; nil for the points just outside the county.
  var division: Int?
  var lsoaCode: String
  var lsoaName: String
}

/// The snap points: what `PoliceIncidents` and `CouncilASB` place incidents on.
struct SnapLayer {
  var points: [SnapPoint]
  /// Points spread over the county for the background incidents.
  var background: [Int]
  /// Per hot spot (in `HotSpot.all` order), its points and their weights: nearer the centre,
  /// heavier. The background points inside its radius are included at weight 1.
  var hotSpots: [(points: [Int], choice: WeightedChoice)]
  /// Points within 2 km outside the county's western, northern and southern edges.
  var outside: [Int]
}

/// About 1,500 snap points:
/// - 1,370 over the county, drawn with probability proportional to min(density, 16)
///   (`Town.density`), named after random streets (8 % after police.uk's places: "Supermarket"…);
/// - 14 within each hot spot's radius, named after its streets;
/// - 30 within 2 km outside the county, west of E 452,000 (not in the sea), each with an LSOA of
///   the neighbouring district.
/// Inside the county each point takes the LSOA of the nearest neighbourhood centroid in its
/// division. Longitude and latitude come from `BritishNationalGrid.unproject`, rounded to six
/// decimals as police.uk does, which hides any last-bit difference in the trigonometry.
enum SnapPoints {
  static let backgroundCount = 1_370
  static let perHotSpot = 14
  static let outsideCount = 30
  static let densityCap = 16.0

  static func make(divisions: [Division], neighbourhoods: [Neighbourhood], draw: inout Draw)
    -> SnapLayer
  {
    let index = DivisionLocator(divisions)
    let box = index.boundingBox
    var points: [SnapPoint] = []

    func add(_ position: GridPoint, location: String, division: Int?, lsoa: (String, String)) {
      let coordinate = BritishNationalGrid.unproject(position.point)
      points.append(
        SnapPoint(
          position: position, longitude: sixDecimals(coordinate.longitude),
          latitude: sixDecimals(coordinate.latitude), location: "On or near " + location,
          division: division, lsoaCode: lsoa.0, lsoaName: lsoa.1))
    }
    func nearestNeighbourhood(_ position: GridPoint, division: Int) -> (String, String) {
      var best = -1
      var bestDistance = Int.max
      for (k, neighbourhood) in neighbourhoods.enumerated() where neighbourhood.division == division {
        let dx = neighbourhood.position.x - position.x
        let dy = neighbourhood.position.y - position.y
        if dx * dx + dy * dy < bestDistance {
          best = k
          bestDistance = dx * dx + dy * dy
        }
      }
      return (neighbourhoods[best].code, neighbourhoods[best].name)
    }
    func streetName() -> String {
      if draw.chance(0.08) { return draw.element(of: Names.places) }
      return draw.element(of: Names.streetBases) + " " + draw.element(of: Names.streetSuffixes)
    }

    var background: [Int] = []
    while background.count < backgroundCount {
      let position = GridPoint.metres(
        draw.integer(in: Int(box.minX)...Int(box.maxX)),
        draw.integer(in: Int(box.minY)...Int(box.maxY)))
      guard draw.uniform() * densityCap < Town.density(at: position.point),
        let division = index.firstContaining(position.point)
      else { continue }
      background.append(points.count)
      add(
        position, location: streetName(), division: division,
        lsoa: nearestNeighbourhood(position, division: division))
    }

    var hotSpots: [(points: [Int], choice: WeightedChoice)] = []
    for spot in HotSpot.all {
      var members: [Int] = []
      var weights: [Int] = []
      let r = Int(spot.radius)
      while members.count < perHotSpot {
        let dx = draw.integer(in: -r...r)
        let dy = draw.integer(in: -r...r)
        guard dx * dx + dy * dy <= r * r else { continue }
        let position = GridPoint.metres(Int(spot.centre.x) + dx, Int(spot.centre.y) + dy)
        guard let division = index.firstContaining(position.point) else { continue }
        members.append(points.count)
        weights.append(1 + 8 * (r * r - dx * dx - dy * dy) / (r * r))
        add(
          position, location: draw.element(of: spot.streets), division: division,
          lsoa: nearestNeighbourhood(position, division: division))
      }
      for point in background {
        let dx = Double(points[point].position.x) / 10 - spot.centre.x
        let dy = Double(points[point].position.y) / 10 - spot.centre.y
        if dx * dx + dy * dy <= spot.radius * spot.radius {
          members.append(point)
          weights.append(1)
        }
      }
      hotSpots.append((members, WeightedChoice(weights: weights)))
    }

    var outside: [Int] = []
    let reach = 2_000
    while outside.count < outsideCount {
      let position = GridPoint.metres(
        draw.integer(in: Int(box.minX) - reach...452_000),
        draw.integer(in: Int(box.minY) - reach...Int(box.maxY) + reach))
      guard index.firstContaining(position.point) == nil else { continue }
      let nearby = [(reach, 0), (-reach, 0), (0, reach), (0, -reach)].contains { dx, dy in
        index.firstContaining(
          Point(x: position.point.x + Double(dx), y: position.point.y + Double(dy))) != nil
      }
      guard nearby else { continue }
      outside.append(points.count)
      let number = Names.padded(outside.count, width: 3)
      add(
        position, location: streetName(), division: nil,
        lsoa: ("E01998" + number, Names.neighbour + " " + number + "A"))
    }
    return SnapLayer(points: points, background: background, hotSpots: hotSpots, outside: outside)
  }

  /// Degrees with exactly six decimals, as police.uk writes them (`-1.553440`).
  static func sixDecimals(_ degrees: Double) -> String {
    var text = NumberText.fixed(degrees, digits: 6)
    guard let dot = text.firstIndex(of: ".") else { return text + ".000000" }
    let decimals = text.distance(from: dot, to: text.endIndex) - 1
    text += String(repeating: "0", count: 6 - decimals)
    return text
  }
}

/// Which division holds a point: the divisions whose bounding box holds it, tested by the
/// half-open rule. (A few thousand queries: simpler here than building a `PolygonIndex`.)
struct DivisionLocator {
  private let geometries: [Geometry]
  private let boxes: [BoundingBox]
  let boundingBox: BoundingBox

  init(_ divisions: [Division]) {
    geometries = divisions.map(\.geometry)
    boxes = geometries.map(\.boundingBox)
    boundingBox = boxes.reduce(BoundingBox.empty) { $0.union($1) }
  }

  /// The first division containing `point`, or nil outside the county.
  func firstContaining(_ point: Point) -> Int? {
    geometries.indices.first {
      boxes[$0].contains(point) && geometries[$0].containsByHalfOpenRule(point)
    }
  }
}
