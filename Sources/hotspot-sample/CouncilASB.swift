import GeoCore

/// A council's own anti-social behaviour records in a plain layout: about 3,000 rows,
/// `id,date,category,easting,northing`.
///
/// The same places and trends as the police file's anti-social behaviour at 30 % of its rate,
/// drawn afresh: background on the background snap points, hot spots on theirs (none outside the
/// county). Councils record addresses, not snap points, so each location is the snap point moved
/// by up to 60 m each way, in whole metres. Dates fall on a random day of the month; categories are
/// the three national ones, Personal, Nuisance and Environmental. Rows are in date order, then in
/// the order drawn, and numbered `ASB00001`… in that order.
enum CouncilASB {
  static let share = 0.3
  static let categories = ["Personal", "Nuisance", "Environmental"]
  static let backgroundCategoryWeights = [15, 65, 20]
  static let hotSpotCategoryWeights = [25, 60, 15]

  struct Record {
    var date: String
    var category: String
    var position: GridPoint
  }

  static func make(snaps: SnapLayer, draw: inout Draw) -> [Record] {
    let backgroundCategory = WeightedChoice(weights: backgroundCategoryWeights)
    let hotSpotCategory = WeightedChoice(weights: hotSpotCategoryWeights)
    var records: [Record] = []
    for month in 0..<PoliceIncidents.months {
      let year = PoliceIncidents.firstYear + month / 12
      let monthOfYear = month % 12 + 1
      let days = IncidentDate.daysIn(year: year, month: monthOfYear)
      let season = PoliceIncidents.asbSeason[month % 12]
      var drawn: [(day: Int, record: Record)] = []
      func add(snap: Int, category: WeightedChoice, draw: inout Draw) {
        let at = snaps.points[snap].position
        let position = GridPoint.metres(
          at.x / 10 + draw.integer(in: -60...60), at.y / 10 + draw.integer(in: -60...60))
        let day = draw.integer(in: 1...days)
        let date =
          String(year) + "-" + Names.padded(monthOfYear, width: 2) + "-"
          + Names.padded(day, width: 2)
        drawn.append(
          (day, Record(date: date, category: categories[category.pick(&draw)], position: position)))
      }
      for _ in 0..<draw.count(mean: PoliceIncidents.backgroundASB * season * share) {
        add(snap: draw.element(of: snaps.background), category: backgroundCategory, draw: &draw)
      }
      for (spot, points) in zip(HotSpot.all, snaps.hotSpots) {
        let mean = spot.asbPerMonth * spot.level(month: month) * season * share
        for _ in 0..<draw.count(mean: mean) {
          add(
            snap: points.points[points.choice.pick(&draw)], category: hotSpotCategory, draw: &draw)
        }
      }
      // Sorting (day, order drawn) pairs, which are all distinct, gives one order whatever the sort.
      let order = drawn.indices.sorted { (drawn[$0].day, $0) < (drawn[$1].day, $1) }
      records += order.map { drawn[$0].record }
    }
    return records
  }

  static func render(_ records: [Record]) -> [UInt8] {
    var csv = CSVText()
    csv.row(["id", "date", "category", "easting", "northing"])
    for (index, record) in records.enumerated() {
      csv.row([
        "ASB" + Names.padded(index + 1, width: 5), record.date, record.category,
        String(record.position.x / 10), String(record.position.y / 10),
      ])
    }
    return csv.bytes
  }
}
