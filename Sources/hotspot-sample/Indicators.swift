import GeoCore

/// Made-up neighbourhood indicators per division, correlated with anti-social behaviour as the
/// Community Action Team and selective licensing criteria expect: deprivation, the private rented
/// share and empty homes rise with the division's rank by police-recorded anti-social behaviour
/// per 1,000 residents, with noise.
///
/// With s the rank of that rate scaled to 0…1 (ties by division order) and e uniform in −1…1,
/// drawn afresh for each value:
/// - `deprivation_score` = 8 + 38 s + 5 e (an IMD-like average score), one decimal, at least 3;
/// - `private_rented_pct` = 10 + 26 s + 4 e, one decimal;
/// - `empty_homes` = population / 1,000 × (5 + 20 s + 3 e), whole homes.
enum Indicators {
  static func render(divisions: [Division], rows: [PoliceRow], snaps: SnapLayer, draw: inout Draw)
    -> [UInt8]
  {
    var counts = Array(repeating: 0, count: divisions.count)
    for row in rows where row.crimeType == PoliceIncidents.asb {
      if let snap = row.snap, let division = snaps.points[snap].division { counts[division] += 1 }
    }
    let rates = divisions.indices.map {
      Double(counts[$0]) * 1_000 / Double(divisions[$0].population)
    }
    let order = divisions.indices.sorted { (rates[$0], $0) < (rates[$1], $1) }
    var score = Array(repeating: 0.0, count: divisions.count)
    for (rank, division) in order.enumerated() {
      score[division] = Double(rank) / Double(divisions.count - 1)
    }

    var csv = CSVText()
    csv.row(["division_code", "deprivation_score", "private_rented_pct", "empty_homes"])
    for (index, division) in divisions.enumerated() {
      let s = score[index]
      let deprivation = max(3, 8 + 38 * s + 5 * draw.signed())
      let rented = 10 + 26 * s + 4 * draw.signed()
      let empty = Double(division.population) / 1_000 * (5 + 20 * s + 3 * draw.signed())
      csv.row([
        division.code, NumberText.fixed(deprivation, digits: 1),
        NumberText.fixed(rented, digits: 1),
        NumberText.fixed(empty.rounded(), digits: 0),
      ])
    }
    return csv.bytes
  }
}
