import GeoIO

/// Harm weights per category from `--harm`: a JSON object of category → weight
/// (`Examples/harm-police.json`), read with `JSONNumberTable`, matched to categories
/// case-insensitively; a category not listed weighs 1.
public enum HarmWeights {
  /// The weight of each of `categories` (1 each without a file). Categories the file does not
  /// list, and names it lists that no incident has, are added to `warnings`.
  /// - Throws: `InputError` for an unreadable file, a non-number, or a negative weight.
  public static func load(file: String?, categories: [String], warnings: inout [String]) throws(InputError) -> [Double]
  {
    guard let file else { return categories.map { _ in 1 } }
    let table = try JSONNumberTable.read(file: file)
    var byName: [String: Double] = [:]
    for (name, value) in table {
      guard value >= 0 else {
        throw InputError(file: file, field: name, reason: .other("a harm weight must be 0 or more"))
      }
      byName[name.lowercased()] = value
    }
    let unlisted = categories.filter { byName[$0.lowercased()] == nil }
    if !unlisted.isEmpty {
      warnings.append("\(file): no harm weight for \(unlisted.joined(separator: ", ")); weight 1 used")
    }
    let unused = table.map(\.name).filter { name in !categories.contains { $0.lowercased() == name.lowercased() } }
    if !unused.isEmpty { warnings.append("\(file): no incident of \(unused.joined(separator: ", "))") }
    return categories.map { byName[$0.lowercased()] ?? 1 }
  }
}
