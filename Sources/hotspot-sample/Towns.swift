import GeoCore

/// The made-up towns of the sample county, and the density of people and incidents around them.
struct Town {
  var name: String
  /// The town centre, British National Grid metres.
  var centre: Point
  /// Extra density at the centre, in multiples of the rural density.
  var weight: Double
  /// Metres at which the extra density falls to a quarter.
  var spread: Double

  /// Largest first, all inside the county's outline.
  static let all: [Town] = [
    Town(name: "Wyncaster", centre: Point(x: 437_550, y: 542_250), weight: 30, spread: 2_500),
    Town(name: "Ashburn", centre: Point(x: 454_950, y: 547_250), weight: 14, spread: 1_600),
    Town(name: "Coldwell", centre: Point(x: 444_800, y: 554_750), weight: 12, spread: 1_500),
    Town(name: "Haverley", centre: Point(x: 444_800, y: 529_750), weight: 12, spread: 1_500),
    Town(name: "Brancote", centre: Point(x: 430_300, y: 534_750), weight: 10, spread: 1_500),
    Town(name: "Wexcombe", centre: Point(x: 452_050, y: 537_250), weight: 10, spread: 1_400),
    Town(name: "Redburn", centre: Point(x: 428_850, y: 552_250), weight: 9, spread: 1_400),
    Town(name: "Stanwick Moor", centre: Point(x: 417_250, y: 542_250), weight: 4, spread: 1_200),
  ]

  /// People (and background incidents) per unit area at `point`, relative to open country:
  /// 1 + Σ weight / (1 + d²/spread²)², a bump around each town whose integral is finite
  /// (π · weight · spread²). Only `+ − × ÷`, so the value is the same on every machine.
  static func density(at point: Point) -> Double {
    var density = 1.0
    for town in all {
      let dx = point.x - town.centre.x
      let dy = point.y - town.centre.y
      let u = 1 + (dx * dx + dy * dy) / (town.spread * town.spread)
      density += town.weight / (u * u)
    }
    return density
  }
}
