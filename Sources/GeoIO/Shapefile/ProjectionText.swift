import GeoCore

/// What a Shapefile's `.prj` says: the name of its coordinate system and the CRS Hotspot
/// recognises in it.
///
/// The `.prj` holds one OGC Well-Known Text coordinate system (WKT 1, in ESRI's dialect or OGC's;
/// WKT 2's `PROJCRS`/`GEOGCRS` keywords are read too). It is parsed into its tree of
/// `KEYWORD[…]` nodes and recognised by:
/// - British National Grid (EPSG:27700): a projected system named `OSGB 1936 / British National
///   Grid`, `British_National_Grid` or `OSGB_1936_British_National_Grid` (compared without case,
///   spaces or punctuation), or carrying `AUTHORITY["EPSG","27700"]`, or any Transverse Mercator
///   with central meridian −2°, latitude of origin 49°, scale factor 0.9996012717, false easting
///   400,000 m and false northing −100,000 m, in metres, on OSGB 1936 or the Airy 1830 ellipsoid.
/// - WGS84 (EPSG:4326): a geographic system named `GCS_WGS_1984`, `WGS 84` or `WGS84`, or
///   carrying `AUTHORITY["EPSG","4326"]`.
///
/// Anything else (another projection, Web Mercator, Irish Grid…) has `crs == nil`, and the
/// reader falls back to the coordinates' range.
///
/// ## Properties
/// - Parameters compare within 1e-9° for angles, 1e-10 for the scale factor and 1 mm for false
///   origins.
/// - Text that is not WKT gives `name == nil` and `crs == nil`; nesting deeper than 64 levels is
///   not read.
/// - Complexity: O(n) in the characters of the text.
public struct ProjectionText: Hashable, Sendable {
  /// The root keyword (`PROJCS`, `GEOGCS`, `PROJCRS`…), upper-cased.
  public var keyword: String?
  /// The root name as written (`British_National_Grid`, `GCS_WGS_1984`).
  public var name: String?
  /// The CRS recognised, or nil.
  public var crs: CRS?

  /// Parses the `.prj` text and recognises its CRS; `keyword`, `name` and `crs` stay nil when the text
  /// is not WKT, and `crs` alone when the system is not one Hotspot recognises.
  public init(_ text: String) {
    var parser = WKTParser(text)
    guard let root = parser.node(depth: 0) else { return }
    keyword = root.keyword
    name = root.name
    crs = Self.recognise(root)
  }

  private static let projectedKeywords: Set = ["PROJCS", "PROJCRS", "PROJECTEDCRS"]
  private static let geographicKeywords: Set = ["GEOGCS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS"]
  private static let gridNames: Set = [
    "osgb_1936_british_national_grid", "british_national_grid", "osgb36_british_national_grid",
  ]
  private static let wgs84Names: Set = ["gcs_wgs_1984", "wgs_84", "wgs84", "wgs_1984"]

  private static func recognise(_ root: WKTNode) -> CRS? {
    let name = root.name.map(normalised) ?? ""
    if projectedKeywords.contains(root.keyword) {
      if gridNames.contains(name) || root.epsgCode == "27700" || isGridByParameters(root) {
        return .britishNationalGrid
      }
    } else if geographicKeywords.contains(root.keyword) {
      if wgs84Names.contains(name) || root.epsgCode == "4326" { return .wgs84 }
    }
    return nil
  }

  /// A Transverse Mercator with the British National Grid's parameters, in metres, on OSGB 1936.
  private static func isGridByParameters(_ root: WKTNode) -> Bool {
    let method = root.child("PROJECTION") ?? root.child("CONVERSION")?.child("METHOD")
    guard let method, method.name.map(normalised) == "transverse_mercator" else { return false }
    var parameters: [String: Double] = [:]
    let holder = root.child("CONVERSION") ?? root
    for node in holder.children where node.keyword == "PARAMETER" {
      guard let name = node.name, let value = node.number(at: 1) else { continue }
      parameters[Self.parameterKey(normalised(name))] = value
    }
    func near(_ key: String, _ expected: Double, _ tolerance: Double) -> Bool {
      parameters[key].map { abs($0 - expected) <= tolerance } ?? false
    }
    guard near("central_meridian", -2, 1e-9), near("latitude_of_origin", 49, 1e-9),
      near("scale_factor", 0.9996012717, 1e-10), near("false_easting", 400_000, 1e-3),
      near("false_northing", -100_000, 1e-3)
    else { return false }
    let unit = root.children.last { $0.keyword == "UNIT" || $0.keyword == "LENGTHUNIT" }
    if let factor = unit?.number(at: 1), abs(factor - 1) > 1e-12 { return false }
    let base = root.child("GEOGCS") ?? root.child("BASEGEOGCRS") ?? root.child("BASEGEODCRS")
    let datum = base?.child("DATUM")
    let ellipsoid = datum?.child("SPHEROID") ?? datum?.child("ELLIPSOID")
    let names = [base?.name, datum?.name].compactMap { $0.map(normalised) }
    return names.contains { $0.contains("osgb") }
      || ellipsoid?.name.map(normalised)?.hasPrefix("airy") == true
  }

  /// The WKT 1 name of a Transverse Mercator parameter, for its WKT 1 or WKT 2 spelling.
  private static func parameterKey(_ name: String) -> String {
    switch name {
    case "longitude_of_natural_origin": "central_meridian"
    case "latitude_of_natural_origin": "latitude_of_origin"
    case "scale_factor_at_natural_origin": "scale_factor"
    default: name
    }
  }

  /// Lower case, every run of other characters than letters and digits one `_`, none at the ends.
  static func normalised(_ text: String) -> String {
    var result = ""
    var pendingSeparator = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber {
        if pendingSeparator && !result.isEmpty { result.append("_") }
        pendingSeparator = false
        result.append(character)
      } else {
        pendingSeparator = true
      }
    }
    return result
  }
}

/// One `KEYWORD[value, …]` of a WKT text.
private struct WKTNode {
  enum Value {
    case text(String)
    case token(String)
    case node(WKTNode)
  }

  var keyword: String
  var values: [Value]

  /// The first quoted value: the node's name.
  var name: String? {
    guard case .text(let text)? = values.first else { return nil }
    return text
  }

  var children: [WKTNode] {
    values.compactMap { if case .node(let node) = $0 { node } else { nil } }
  }

  func child(_ keyword: String) -> WKTNode? { children.first { $0.keyword == keyword } }

  /// The value at `index` as a number (a bare token or a quoted one).
  func number(at index: Int) -> Double? {
    guard index < values.count else { return nil }
    switch values[index] {
    case .token(let text), .text(let text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
    case .node: return nil
    }
  }

  /// The code of a direct `AUTHORITY["EPSG", "…"]` (WKT 1) or `ID["EPSG", …]` (WKT 2) child.
  var epsgCode: String? {
    for node in children where node.keyword == "AUTHORITY" || node.keyword == "ID" {
      guard node.name?.uppercased() == "EPSG", node.values.count > 1 else { continue }
      switch node.values[1] {
      case .text(let code), .token(let code): return code
      case .node: continue
      }
    }
    return nil
  }
}

/// A small recursive-descent reader of WKT: keywords, `[`/`(` brackets, quoted strings with `""`
/// escapes, and bare tokens (numbers, enumerations).
private struct WKTParser {
  private let characters: [Character]
  private var position = 0

  /// Deeper nesting is not read (real coordinate systems nest about six levels).
  static let maximumDepth = 64

  init(_ text: String) {
    characters = Array(text)
  }

  /// The node at the current position, or nil when the text there is not one.
  mutating func node(depth: Int) -> WKTNode? {
    guard depth < Self.maximumDepth else { return nil }
    skipSpace()
    let keyword = token()
    guard !keyword.isEmpty, keyword.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
      return nil
    }
    skipSpace()
    guard position < characters.count, characters[position] == "[" || characters[position] == "("
    else { return nil }
    let close: Character = characters[position] == "[" ? "]" : ")"
    position += 1
    var values: [WKTNode.Value] = []
    while true {
      skipSpace()
      guard position < characters.count else { return nil }
      if characters[position] == close {
        position += 1
        return WKTNode(keyword: keyword.uppercased(), values: values)
      }
      if !values.isEmpty {
        guard characters[position] == "," else { return nil }
        position += 1
        skipSpace()
        guard position < characters.count else { return nil }
      }
      if characters[position] == "\"" {
        guard let text = quoted() else { return nil }
        values.append(.text(text))
      } else {
        let start = position
        let bare = token()
        skipSpace()
        if position < characters.count, characters[position] == "[" || characters[position] == "(" {
          position = start
          guard let child = node(depth: depth + 1) else { return nil }
          values.append(.node(child))
        } else {
          guard !bare.isEmpty else { return nil }
          values.append(.token(bare))
        }
      }
    }
  }

  private mutating func skipSpace() {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
  }

  /// The characters up to the next bracket, comma, quote or space.
  private mutating func token() -> String {
    let start = position
    while position < characters.count,
      !"[](),\"".contains(characters[position]), !characters[position].isWhitespace
    {
      position += 1
    }
    return String(characters[start..<position])
  }

  /// A quoted string; `""` inside stands for one `"`.
  private mutating func quoted() -> String? {
    position += 1
    var text = ""
    while position < characters.count {
      let character = characters[position]
      position += 1
      if character == "\"" {
        if position < characters.count, characters[position] == "\"" {
          text.append("\"")
          position += 1
        } else {
          return text
        }
      } else {
        text.append(character)
      }
    }
    return nil
  }
}
