/// One row of the police.uk street-level file.
struct PoliceRow {
  /// 0 = 2023-01 … 23 = 2024-12.
  var month: Int
  /// The snap point; nil for a crime published without a location.
  var snap: Int?
  var crimeType: String
  /// Empty for anti-social behaviour.
  var outcome: String
  /// 64 hexadecimal digits; empty for anti-social behaviour.
  var crimeID: String
}

/// Two years of made-up police.uk street-level incidents, 2023-01 to 2024-12, about 20,000 rows.
///
/// Each month draws a count from each source (`Draw.count`, mean × seasonality × trend):
/// - background anti-social behaviour (320 a month) and crime (345 a month) on the background
///   snap points, so their density follows the towns;
/// - each hot spot's anti-social behaviour and crime (`HotSpot`), on its own snap points;
/// - 8 a month, half of them anti-social behaviour, on the points just outside the county.
/// 2 % of crimes are published without a location (empty coordinates, `No Location`, no LSOA), as
/// police.uk does. Anti-social behaviour peaks in summer (and around Halloween); crime varies
/// less. Rows within a month are shuffled.
enum PoliceIncidents {
  static let firstYear = 2023
  static let months = 24
  static let asb = "Anti-social behaviour"
  static let backgroundASB = 320.0
  static let backgroundCrimes = 345.0
  static let outsidePerMonth = 8.0
  static let withoutLocationShare = 0.02

  /// January … December; each averages 1.
  static let asbSeason = [0.80, 0.80, 0.90, 1.00, 1.10, 1.25, 1.30, 1.25, 1.00, 1.05, 0.85, 0.70]
  static let crimeSeason = [0.95, 0.90, 0.95, 1.00, 1.05, 1.05, 1.05, 1.05, 1.00, 1.00, 1.00, 1.00]

  /// Crime types and their weights, by the kind of place.
  static let backgroundMix: [(String, Int)] = [
    ("Violence and sexual offences", 36), ("Criminal damage and arson", 13), ("Public order", 11),
    ("Shoplifting", 8), ("Other theft", 7), ("Burglary", 6), ("Vehicle crime", 5), ("Drugs", 4),
    ("Other crime", 3), ("Bicycle theft", 2), ("Theft from the person", 1),
    ("Possession of weapons", 1), ("Robbery", 1),
  ]
  static let townCentreMix: [(String, Int)] = [
    ("Violence and sexual offences", 35), ("Shoplifting", 22), ("Public order", 16),
    ("Other theft", 8), ("Criminal damage and arson", 6), ("Theft from the person", 5),
    ("Drugs", 4), ("Bicycle theft", 2), ("Robbery", 1), ("Possession of weapons", 1),
  ]
  static let residentialMix: [(String, Int)] = [
    ("Violence and sexual offences", 30), ("Criminal damage and arson", 28), ("Burglary", 12),
    ("Drugs", 8), ("Public order", 8), ("Vehicle crime", 8), ("Other theft", 4),
    ("Other crime", 2),
  ]
  /// Outcomes of crimes whose investigation has ended.
  static let outcomes: [(String, Int)] = [
    ("Investigation complete; no suspect identified", 30), ("Unable to prosecute suspect", 28),
    ("Status update unavailable", 10), ("Court result unavailable", 8), ("Local resolution", 7),
    ("Offender given a caution", 4), ("Further action is not in the public interest", 3),
    ("Action to be taken by another organisation", 3), ("Awaiting court outcome", 3),
    ("Suspect charged as part of another case", 1),
    ("Formal action is not in the public interest", 1),
  ]

  static func make(snaps: SnapLayer, draw: inout Draw) -> [PoliceRow] {
    let mixes = [backgroundMix, townCentreMix, residentialMix].map { mix in
      (names: mix.map(\.0), choice: WeightedChoice(weights: mix.map(\.1)))
    }
    let outcomeChoice = WeightedChoice(weights: outcomes.map(\.1))
    var rows: [PoliceRow] = []
    rows.reserveCapacity(21_000)

    for month in 0..<months {
      let asbLevel = asbSeason[month % 12]
      let crimeLevel = crimeSeason[month % 12]
      var monthRows: [PoliceRow] = []
      func crime(at snap: Int, mix: Int, draw: inout Draw) -> PoliceRow {
        let type = mixes[mix].names[mixes[mix].choice.pick(&draw)]
        // The last months' crimes are mostly still under investigation.
        let open = month >= months - 3 && draw.chance(0.2 * Double(month - (months - 4)))
        let outcome = open ? "Under investigation" : outcomes[outcomeChoice.pick(&draw)].0
        let located = !draw.chance(withoutLocationShare)
        return PoliceRow(
          month: month, snap: located ? snap : nil, crimeType: type, outcome: outcome,
          crimeID: draw.hex64())
      }
      func antisocial(at snap: Int) -> PoliceRow {
        PoliceRow(month: month, snap: snap, crimeType: asb, outcome: "", crimeID: "")
      }

      for _ in 0..<draw.count(mean: backgroundASB * asbLevel) {
        monthRows.append(antisocial(at: draw.element(of: snaps.background)))
      }
      for _ in 0..<draw.count(mean: backgroundCrimes * crimeLevel) {
        monthRows.append(crime(at: draw.element(of: snaps.background), mix: 0, draw: &draw))
      }
      for (spot, points) in zip(HotSpot.all, snaps.hotSpots) {
        let level = spot.level(month: month)
        let mix = spot.setting == .townCentre ? 1 : 2
        for _ in 0..<draw.count(mean: spot.asbPerMonth * level * asbLevel) {
          monthRows.append(antisocial(at: points.points[points.choice.pick(&draw)]))
        }
        for _ in 0..<draw.count(mean: spot.crimesPerMonth * level * crimeLevel) {
          monthRows.append(
            crime(at: points.points[points.choice.pick(&draw)], mix: mix, draw: &draw))
        }
      }
      for _ in 0..<draw.count(mean: outsidePerMonth) {
        let snap = draw.element(of: snaps.outside)
        monthRows.append(
          draw.chance(0.5) ? antisocial(at: snap) : crime(at: snap, mix: 0, draw: &draw))
      }
      rows += draw.shuffled(monthRows)
    }
    return rows
  }

  /// The rows in police.uk's street-level layout: its header, LF line ends, an empty Context.
  static func render(_ rows: [PoliceRow], snaps: SnapLayer) -> [UInt8] {
    var csv = CSVText()
    csv.row([
      "Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude", "Location",
      "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context",
    ])
    let monthTexts = (0..<months).map { month in
      String(firstYear + month / 12) + "-" + Names.padded(month % 12 + 1, width: 2)
    }
    for row in rows {
      let month = monthTexts[row.month]
      if let index = row.snap {
        let snap = snaps.points[index]
        csv.row([
          row.crimeID, month, Names.force, Names.force, snap.longitude, snap.latitude,
          snap.location, snap.lsoaCode, snap.lsoaName, row.crimeType, row.outcome, "",
        ])
      } else {
        csv.row([
          row.crimeID, month, Names.force, Names.force, "", "", "No Location", "", "",
          row.crimeType, row.outcome, "",
        ])
      }
    }
    return csv.bytes
  }
}
