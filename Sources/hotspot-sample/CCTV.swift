import GeoCore

/// 25 existing CCTV cameras: three at each persistent hot spot, two at the fading one (which has
/// faded since), and eight elsewhere in the town centres, but none at the emerging hot spot, where
/// a camera-placement analysis should propose one.
enum CCTVSites {
  struct Site {
    var id: String
    var position: GridPoint
    var name: String
  }

  /// Name and anchor (a hot spot's centre, or a town's plus an offset in metres).
  static let plan: [(name: String, anchor: Point)] = {
    let spots = HotSpot.all
    let towns = Town.all
    func town(_ index: Int, _ dx: Double, _ dy: Double) -> Point {
      Point(x: towns[index].centre.x + dx, y: towns[index].centre.y + dy)
    }
    return [
      ("Wyncaster Market Place", spots[0].centre), ("Wyncaster Silver Street", spots[0].centre),
      ("Wyncaster Fleshergate", spots[0].centre), ("Ashburn Front Street North", spots[1].centre),
      ("Ashburn Front Street South", spots[1].centre), ("Ashburn Seaview Terrace", spots[1].centre),
      ("Coldwell Station Road", spots[2].centre), ("Coldwell Colliery Row", spots[2].centre),
      ("Coldwell Tenth Street", spots[2].centre), ("Haverley Gladstone Terrace", spots[3].centre),
      ("Haverley Bright Street", spots[3].centre), ("Haverley Subway", spots[3].centre),
      ("Brancote Bus Station", spots[4].centre), ("Brancote Newgate Street", spots[4].centre),
      ("Brancote Shopping Centre", spots[4].centre), ("Redburn First Row", spots[6].centre),
      ("Redburn Pit Lane", spots[6].centre), ("Wyncaster Railway Station", town(0, -900, 600)),
      ("Wyncaster Riverside Car Park", town(0, 700, -800)),
      ("Ashburn Seafront", town(1, 1_000, 300)),
      ("Coldwell Leisure Centre", town(2, 900, 700)),
      ("Haverley Retail Park", town(3, -1_200, -400)),
      ("Redburn Market Square", town(6, 0, 0)), ("Wexcombe High Street", town(5, 0, 0)),
      ("Stanwick Moor Square", town(7, 0, 0)),
    ]
  }()

  /// Each camera up to 150 m east or west and north or south of its anchor, in whole metres.
  static func make(draw: inout Draw) -> [Site] {
    plan.enumerated().map { index, entry in
      Site(
        id: "CAM" + Names.padded(index + 1, width: 2),
        position: GridPoint.metres(
          Int(entry.anchor.x) + draw.integer(in: -150...150),
          Int(entry.anchor.y) + draw.integer(in: -150...150)),
        name: entry.name)
    }
  }

  static func render(_ sites: [Site]) -> [UInt8] {
    var csv = CSVText()
    csv.row(["site_id", "easting", "northing", "name"])
    for site in sites {
      csv.row([site.id, String(site.position.x / 10), String(site.position.y / 10), site.name])
    }
    return csv.bytes
  }
}
