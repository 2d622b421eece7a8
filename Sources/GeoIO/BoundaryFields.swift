import GeoCore

/// Finds the property that identifies each area and the one that names it, as ONS and council
/// files spell them: `WD13CD`/`WD13NM`, `wd19cd`, `LSOA11CD`/`LSOA11NM`, `code`/`name`, `id`.
///
/// Rules, first match wins:
/// 1. ONS style: a name of letters, two digits and `CD` (id) or `NM` (name), any case
///    (`WD13CD`, `lsoa11nm`); the Welsh-name twin `…NMW` is never chosen.
/// 2. Common names: id `code`, `id`, `gss_code`, `area_code`, `*_code`, `*_id`, `*id`;
///    name `name`, `area_name`, `*_name`, `label`.
/// 3. Fallback for the id: the first text property whose values are all present and distinct.
/// Among candidates, a field whose values are present in every feature and distinct (for ids)
/// is preferred.
public struct BoundaryFields: Hashable, Sendable {
  /// The identifying property, if any was found.
  public var id: String?
  /// The naming property, if any was found.
  public var name: String?
  /// Id values that appear in more than one feature (as text), sorted.
  public var duplicateIDs: [String]

  /// Chooses the id and name properties of `features` by the rules above (each nil when no property
  /// fits) and lists the id values that repeat. O(properties × features).
  public init(features: [Feature]) {
    var names: [String] = []
    for feature in features {
      for name in feature.properties.names where !names.contains(name) { names.append(name) }
    }
    func texts(_ field: String) -> [String?] { features.map { $0.properties[field]?.text } }
    func isComplete(_ field: String) -> Bool { texts(field).allSatisfy { $0 != nil && $0 != "" } }
    func isUnique(_ field: String) -> Bool {
      let values = texts(field).compactMap { $0 }
      return values.count == features.count && Set(values).count == values.count
    }
    func pick(_ candidates: [String], preferUnique: Bool) -> String? {
      let complete = candidates.filter(isComplete)
      if preferUnique, let unique = complete.first(where: isUnique) { return unique }
      return complete.first ?? candidates.first
    }

    let onsIDs = names.filter { BoundaryFields.isONS($0, suffix: "cd") }
    let onsNames = names.filter { BoundaryFields.isONS($0, suffix: "nm") }
    let commonIDs = names.filter { BoundaryFields.isCommonID($0) }
    let commonNames = names.filter { BoundaryFields.isCommonName($0) }
    id =
      pick(onsIDs, preferUnique: true) ?? pick(commonIDs, preferUnique: true)
      ?? names.first { field in
        features.allSatisfy { if case .string = $0.properties[field] { true } else { false } }
          && isUnique(field)
      }
    name = pick(onsNames, preferUnique: false) ?? pick(commonNames, preferUnique: false)

    var seen: [String: Int] = [:]
    if let id {
      for value in texts(id).compactMap({ $0 }) { seen[value, default: 0] += 1 }
    }
    duplicateIDs = seen.filter { $0.value > 1 }.map(\.key).sorted()
  }

  /// Letters, two digits, then `suffix` (`WD13CD`, `lsoa11cd`).
  public static func isONS(_ field: String, suffix: String) -> Bool {
    let lower = Array(field.lowercased())
    guard lower.count >= 5, String(lower.suffix(2)) == suffix else { return false }
    let digits = lower[lower.count - 4..<lower.count - 2]
    let letters = lower[..<(lower.count - 4)]
    return digits.allSatisfy(\.isNumber) && !letters.isEmpty
      && letters.allSatisfy { $0.isLetter && $0.isASCII }
  }

  static func isCommonID(_ field: String) -> Bool {
    let lower = field.lowercased()
    return ["code", "id", "gss_code", "area_code", "fid", "objectid"].contains(lower)
      || lower.hasSuffix("_code") || lower.hasSuffix("_id") || (lower.hasSuffix("id") && lower.count <= 8)
  }

  static func isCommonName(_ field: String) -> Bool {
    let lower = field.lowercased()
    return ["name", "area_name", "label", "nom", "naam"].contains(lower) || lower.hasSuffix("_name")
  }
}
