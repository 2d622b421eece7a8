import GeoCore
import GeoIO
import Rendering

extension FileDescription {
  /// A population table keyed by area or zone id (`area_id,population`, `zone_id,population`):
  /// rows, distinct ids, the total population, duplicate ids (summed when joined) and ids whose
  /// population is 0 (their rate is left empty).
  public init(population rows: [(id: String, population: Double)], file: String) {
    self.init(file: file)
    fact("kind", "kind", "population table (CSV keyed by area or zone id)", "population")
    fact("rows", "rows", Format.count(rows.count), .number(Double(rows.count)))
    var byID: [String: Double] = [:]
    var seen: [String: Int] = [:]
    for row in rows {
      byID[row.id, default: 0] += row.population
      seen[row.id, default: 0] += 1
    }
    fact("ids", "ids", Format.count(byID.count), .number(Double(byID.count)))
    let total = rows.reduce(0) { $0 + $1.population }
    fact("total population", "total_population", NumberText.shortest(total), .number(total))
    let duplicates = seen.filter { $0.value > 1 }.keys.sorted()
    fact(
      "duplicate ids", "duplicate_ids",
      duplicates.isEmpty ? "none" : duplicates.joined(separator: ", ") + " (their rows are summed)",
      .array(duplicates.map(JSONValue.string)))
    let zero = byID.filter { $0.value == 0 }.keys.sorted()
    fact(
      "zero population", "zero_population",
      zero.isEmpty ? "none" : zero.joined(separator: ", ") + " (no rate can be given)",
      .array(zero.map(JSONValue.string)))
  }
}
