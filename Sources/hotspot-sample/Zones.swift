import GeoCore

/// Three selective licensing zones (Housing Act 2004 Part 3) drawn over the busiest terraced
/// streets: blobs around three hot spots, off-centre, that cut across division boundaries as real
/// schemes do.
struct LicensingZone {
  var name: String
  /// `YYYY-MM-DD`, the day the scheme came into force.
  var designated: String
  /// The index in `HotSpot.all` of the hot spot it covers.
  var hotSpot: Int
  /// Metres from the hot spot's centre to the zone's.
  var offset: (x: Int, y: Int)
  /// Metres.
  var radius: Int

  static let all: [LicensingZone] = [
    LicensingZone(
      name: "Coldwell West End", designated: "2021-10-01", hotSpot: 2, offset: (-350, -100),
      radius: 1_000),
    LicensingZone(
      name: "Redburn Colliery Rows", designated: "2023-04-01", hotSpot: 6, offset: (250, -150),
      radius: 1_100),
    LicensingZone(
      name: "Haverley Terraces", designated: "2024-04-01", hotSpot: 3, offset: (-300, 200),
      radius: 1_200),
  ]

  static func make(draw: inout Draw) -> [Feature] {
    all.map { zone in
      let spot = HotSpot.all[zone.hotSpot]
      let centre = GridPoint.metres(
        Int(spot.centre.x) + zone.offset.x, Int(spot.centre.y) + zone.offset.y)
      let ring = Wiggles.blob(around: centre, radius: zone.radius * 10, draw: &draw)
      return Feature(
        geometry: .polygon(Polygon(exterior: Ring(uncheckedClosed: ring.map(\.point)))),
        properties: Properties([
          ("name", .string(zone.name)), ("designated", .string(zone.designated)),
        ]))
    }
  }
}
