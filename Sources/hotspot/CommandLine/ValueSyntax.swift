import Analyses
import GeoCore
import SpatialAnalysis

/// The value syntax shared by every command, parsed in one place.
///
/// - Distances: `400m`, `1.5km`; a bare number is metres (map units under `--crs planar`).
/// - Areas: `2km2`, `50ha`, `5000m2`; a bare number is square metres.
/// - Shares: `5%`, or a fraction `0.05`.
/// - Periods: `2024-01..2024-12` (whole months), `2024-01-01..2024-03-31` (days), a single month
///   `2024-03`, or a single year `2024`; both ends included.
enum ValueSyntax {
  /// A positive, finite distance in metres.
  static func distance(_ text: String, option: String) throws(UsageError) -> Double {
    let units: [(String, Double)] = [("km", 1000), ("m", 1)]
    return try measure(text, option: option, units: units, what: "a distance (like 400m or 1.5km)")
  }

  /// A positive, finite area in square metres.
  static func area(_ text: String, option: String) throws(UsageError) -> Double {
    let units: [(String, Double)] = [("km2", 1_000_000), ("ha", 10_000), ("m2", 1)]
    return try measure(text, option: option, units: units, what: "an area (like 2km2, 50ha or 5000m2)")
  }

  /// A share between 0 and 1 inclusive: `5%` is 0.05.
  static func share(_ text: String, option: String) throws(UsageError) -> Double {
    let trimmed = text.trimmingSpaces()
    let isPercent = trimmed.hasSuffix("%")
    let number = Double(isPercent ? String(trimmed.dropLast()) : trimmed)
    guard let number, number.isFinite else {
      throw UsageError("The value '\(text)' for '--\(option)' is not a share (like 5% or 0.05).")
    }
    let value = isPercent ? number / 100 : number
    guard value >= 0 && value <= 1 else {
      throw UsageError("The value '\(text)' for '--\(option)' must lie between 0% and 100%.")
    }
    return value
  }

  /// A distance as `distance` parses it, or nil for `auto` (or no value): the run chooses it.
  static func distanceOrAuto(_ text: String?, option: String) throws(UsageError) -> Double? {
    guard let text, text.lowercased() != "auto" else { return nil }
    return try distance(text, option: option)
  }

  /// `xmin,ymin,xmax,ymax` in metres of the working CRS, with xmax > xmin and ymax > ymin (`--extent`).
  static func extent(_ text: String) throws(UsageError) -> BoundingBox {
    let numbers: [Double?] = text.split(separator: ",").map { Double(String($0).trimmingSpaces()) }
    guard numbers.count == 4, let a = numbers[0], let b = numbers[1], let c = numbers[2], let d = numbers[3],
      a.isFinite, b.isFinite, c.isFinite, d.isFinite, c > a, d > b
    else {
      throw UsageError(
        "The value '\(text)' for '--extent' must be xmin,ymin,xmax,ymax in metres, with xmax > xmin and ymax > ymin.")
    }
    return BoundingBox(minX: a, minY: b, maxX: c, maxY: d)
  }

  /// A period, inclusive at both ends (`Period(text:)`).
  static func period(_ text: String, option: String) throws(UsageError) -> Period {
    do {
      return try Period(text: text)
    } catch {
      switch error {
      case .notAPeriod:
        throw UsageError(
          "The value '\(text)' for '--\(option)' is not a period (like 2024-01..2024-12 or 2024-01-01..2024-03-31).")
      case .mixedUnits:
        throw UsageError("The period '\(text)' for '--\(option)' mixes years, months and days; write both ends alike.")
      case .endsBeforeStart:
        throw UsageError("The period '\(text)' for '--\(option)' ends before it starts.")
      }
    }
  }

  /// A number followed by one of `units` (longest suffix first), or a bare number in base units.
  private static func measure(
    _ text: String, option: String, units: [(String, Double)], what: String
  ) throws(UsageError) -> Double {
    let trimmed = text.trimmingSpaces().lowercased()
    var number = trimmed
    var scale = 1.0
    for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
      number = String(trimmed.dropLast(suffix.count))
      scale = factor
      break
    }
    guard let value = Double(number.trimmingSpaces()), value.isFinite else {
      throw UsageError("The value '\(text)' for '--\(option)' is not \(what).")
    }
    guard value > 0 else {
      throw UsageError("The value '\(text)' for '--\(option)' must be greater than zero.")
    }
    return value * scale
  }
}
