import GeoCore

/// Number formats for people.
public enum Format {
  /// `1,234,567`.
  public static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result += "," }
      result.append(character)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// `minx, miny .. maxx, maxy`, degrees to 6 decimals, metres to 1.
  public static func box(_ box: BoundingBox, crs: CRS) -> String {
    guard !box.isEmpty else { return "empty" }
    let digits = crs.isGeographic ? 6 : (crs == .planar ? 4 : 1)
    func f(_ v: Double) -> String { NumberText.fixed(v, digits: digits) }
    return "\(f(box.minX)), \(f(box.minY)) .. \(f(box.maxX)), \(f(box.maxY))"
  }

  /// `[minx, miny, maxx, maxy]` as JSON numbers in the box's CRS units; null for an empty box.
  public static func boxJSON(_ box: BoundingBox) -> JSONValue {
    box.isEmpty ? .null : .array([.number(box.minX), .number(box.minY), .number(box.maxX), .number(box.maxY)])
  }

  /// `text` when it has at most `length` characters, else its first `length − 1` and `…`.
  /// - Precondition: `length ≥ 1` when `text` is longer.
  public static func truncated(_ text: String, to length: Int) -> String {
    text.count <= length ? text : String(text.prefix(length - 1)) + "…"
  }

  /// "1 cell", "2 cells", with thousands separators.
  public static func plural(_ count: Int, _ noun: String) -> String {
    "\(Format.count(count)) \(noun)\(count == 1 ? "" : "s")"
  }

  /// Square kilometres for people: whole ones with thousands separators from 100, else 2 decimals.
  public static func squareKilometres(_ value: Double) -> String {
    value >= 100 ? Format.count(Int(value.rounded())) : NumberText.fixed(value, digits: 2)
  }
}
