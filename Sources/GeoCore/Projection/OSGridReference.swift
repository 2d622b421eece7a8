/// Ordnance Survey grid references: British National Grid positions written as two letters and
/// the easting and northing within a 100 km square, e.g. `NZ 27411 42533` for E 427 411 m,
/// N 542 533 m (in Durham).
///
/// The first letter names the 500 km square and the second the 100 km square inside it, each on a
/// 5 × 5 grid lettered A–Z without I, A at the top left (north-west). The 500 km squares in use are
/// S and T (northings 0–500 km), N and O (500–1000 km) and H (1000–1500 km), S, N and H at eastings
/// 0–500 km, T and O at 500–1000 km (and J, east of H, for the sea squares north of 1000 km beyond
/// 500 km east). Source: Ordnance Survey, *A guide to the National Grid*; `shared/METHODS.md`,
/// "OS grid references".
///
/// The grid is taken as 0 ≤ E < 700 km, 0 ≤ N < 1300 km (half-open, so each position lies in exactly
/// one 100 km square).
///
/// ## Properties
/// - `parse(format(p, digits: d))` is the south-west corner of the 10^(5 − d/2) m square holding `p`.
/// - `format(parse(r), digits: d)` is `r` in canonical form when `r` has `d` digits.
public enum OSGridReference {
  /// The 25 letters of a 5 × 5 square, row by row from the north-west corner.
  private static let letters = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")

  /// The grid reference of an EPSG:27700 position (metres), with `digits` digits in all (0, 2, 4,
  /// 6, 8 or 10: half for the easting, half for the northing), e.g. `NZ 27411 42533` (10),
  /// `NZ 274 425` (6), `NZ` (0).
  ///
  /// Each coordinate is truncated, not rounded, as the OS convention is: a reference names the
  /// square that holds the point. Nil when `digits` is not one of those, or the position lies
  /// outside the grid.
  public static func format(_ p: Point, digits: Int = 10) -> String? {
    guard digits >= 0, digits <= 10, digits.isMultiple(of: 2) else { return nil }
    guard p.x >= 0, p.x < 700_000, p.y >= 0, p.y < 1_300_000 else { return nil }
    let easting = Int(p.x.rounded(.down))
    let northing = Int(p.y.rounded(.down))
    let e100 = easting / 100_000
    let n100 = northing / 100_000
    let first = letters[(3 - n100 / 5) * 5 + 2 + e100 / 5]
    let second = letters[(4 - n100 % 5) * 5 + e100 % 5]
    let perCoordinate = digits / 2
    guard perCoordinate > 0 else { return "\(first)\(second)" }
    let unit = power10(5 - perCoordinate)
    return "\(first)\(second) "
      + padded((easting % 100_000) / unit, perCoordinate) + " "
      + padded((northing % 100_000) / unit, perCoordinate)
  }

  /// The south-west corner, in EPSG:27700 metres, of the square a grid reference names.
  ///
  /// Accepts two letters followed by an even number of digits up to 10, case-insensitive, with
  /// spaces optional: `NZ 27411 42533`, `nz2741142533`, `NZ 274 425`, `NZ`. When the easting and
  /// northing are written apart they must have the same number of digits. Nil for anything else,
  /// for the letter I, and for squares outside the grid (0…700 km E, 0…1300 km N).
  public static func parse(_ text: String) -> Point? {
    let tokens = text.split(whereSeparator: \.isWhitespace)
    guard let head = tokens.first, head.count >= 2 else { return nil }
    guard let first = letterIndex(head[head.startIndex]),
      let second = letterIndex(head[head.index(after: head.startIndex)])
    else { return nil }

    var groups = Array(tokens.dropFirst())
    let rest = head.dropFirst(2)
    if !rest.isEmpty { groups.insert(rest, at: 0) }
    let eastingText: Substring
    let northingText: Substring
    switch groups.count {
    case 0:
      (eastingText, northingText) = ("", "")
    case 1:
      guard groups[0].count.isMultiple(of: 2) else { return nil }
      let middle = groups[0].index(groups[0].startIndex, offsetBy: groups[0].count / 2)
      (eastingText, northingText) = (groups[0][..<middle], groups[0][middle...])
    case 2:
      guard groups[0].count == groups[1].count else { return nil }
      (eastingText, northingText) = (groups[0], groups[1])
    default:
      return nil
    }
    guard eastingText.count <= 5,
      let eastingInSquare = digitValue(eastingText),
      let northingInSquare = digitValue(northingText)
    else { return nil }

    let e100 = (first % 5 - 2) * 5 + second % 5
    let n100 = (3 - first / 5) * 5 + 4 - second / 5
    guard (0..<7).contains(e100), (0..<13).contains(n100) else { return nil }
    let unit = power10(5 - eastingText.count)
    return Point(
      x: Double(e100 * 100_000 + eastingInSquare * unit),
      y: Double(n100 * 100_000 + northingInSquare * unit))
  }

  /// The position of a letter in the 25-letter alphabet (case-insensitive), nil for I and non-letters.
  private static func letterIndex(_ character: Character) -> Int? {
    guard let ascii = character.asciiValue else { return nil }
    let upper = (97...122).contains(ascii) ? ascii - 32 : ascii
    return letters.firstIndex(of: Character(Unicode.Scalar(upper)))
  }

  /// The value of a run of ASCII digits (0 for an empty run), nil if anything else is in it.
  private static func digitValue(_ text: Substring) -> Int? {
    var value = 0
    for character in text {
      guard let digit = character.asciiValue, digit >= 48, digit <= 57 else { return nil }
      value = value * 10 + Int(digit - 48)
    }
    return value
  }

  private static func power10(_ exponent: Int) -> Int {
    (0..<exponent).reduce(1) { product, _ in product * 10 }
  }

  private static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
