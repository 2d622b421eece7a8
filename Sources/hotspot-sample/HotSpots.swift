import GeoCore

/// The places where incidents are planted on top of the background: what analyses of the sample
/// should find. The README of `GeoData/` lists them.
struct HotSpot {
  enum Trend {
    /// The same level both years.
    case persistent
    /// Almost nothing in 2023, rising month by month through 2024.
    case emerging
    /// High in early 2023, falling steadily to a tenth by late 2024.
    case fading
  }

  /// The kind of place, which sets the mix of crime types.
  enum Setting {
    case townCentre
    case residential
  }

  var name: String
  /// British National Grid metres.
  var centre: Point
  /// Metres: every snap point of the hot spot lies within it.
  var radius: Double
  var trend: Trend
  var setting: Setting
  /// Anti-social behaviour incidents per month at level 1 (before seasonality).
  var asbPerMonth: Double
  /// Crimes per month at level 1.
  var crimesPerMonth: Double
  /// The streets and places its snap points are named after.
  var streets: [String]

  /// The multiplier of the hot spot's rates in month `month` (0 = 2023-01 … 23 = 2024-12).
  func level(month: Int) -> Double {
    switch trend {
    case .persistent: 1
    case .emerging: month < 12 ? 0.08 : 0.25 + 0.1 * Double(month - 11)
    case .fading: 1.15 - 0.045 * Double(month)
    }
  }

  static let all: [HotSpot] = [
    HotSpot(
      name: "Wyncaster Market Place", centre: Point(x: 437_650, y: 542_300), radius: 300,
      trend: .persistent, setting: .townCentre, asbPerMonth: 16, crimesPerMonth: 16,
      streets: ["Market Place", "Silver Street", "Shopping Area", "Nightclub", "Fleshergate"]),
    HotSpot(
      name: "Ashburn Front Street", centre: Point(x: 455_300, y: 547_000), radius: 300,
      trend: .persistent, setting: .townCentre, asbPerMonth: 14, crimesPerMonth: 12,
      streets: ["Front Street", "Seaview Terrace", "Supermarket", "Parking Area"]),
    HotSpot(
      name: "Coldwell Station Road", centre: Point(x: 444_400, y: 554_500), radius: 350,
      trend: .persistent, setting: .residential, asbPerMonth: 14, crimesPerMonth: 10,
      streets: ["Station Road", "Tenth Street", "Eleventh Street", "Colliery Row"]),
    HotSpot(
      name: "Haverley Terraces", centre: Point(x: 445_300, y: 529_300), radius: 350,
      trend: .persistent, setting: .residential, asbPerMonth: 14, crimesPerMonth: 10,
      streets: ["Gladstone Terrace", "Cobden Terrace", "Bright Street", "Pedestrian Subway"]),
    HotSpot(
      name: "Brancote Bus Station", centre: Point(x: 430_100, y: 535_100), radius: 250,
      trend: .persistent, setting: .townCentre, asbPerMonth: 12, crimesPerMonth: 10,
      streets: ["Bus/Coach Station", "Newgate Street", "Shopping Area"]),
    HotSpot(
      name: "Wexcombe Riverside", centre: Point(x: 452_500, y: 537_600), radius: 300,
      trend: .emerging, setting: .residential, asbPerMonth: 20, crimesPerMonth: 10,
      streets: ["Riverside Walk", "Wharf Street", "Sports/Recreation Area", "Ferry Lane"]),
    HotSpot(
      name: "Redburn Colliery Rows", centre: Point(x: 428_500, y: 552_000), radius: 350,
      trend: .fading, setting: .residential, asbPerMonth: 20, crimesPerMonth: 14,
      streets: ["First Row", "Second Row", "Third Row", "Pit Lane"]),
  ]
}
