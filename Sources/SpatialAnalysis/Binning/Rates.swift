/// Rates per population and per area, never dividing by zero.
public enum Rates {
  /// `count · per / population` (per 1,000 by default); nil when the population is missing,
  /// zero, negative or not finite, or so small that the rate overflows (a population of 1e-320),
  /// so that a missing denominator reads as an empty cell, never as infinity.
  public static func perPopulation(_ count: Int, population: Double?, per: Double = 1000) -> Double? {
    guard let population, population.isFinite, population > 0 else { return nil }
    return finite(Double(count) * per / population)
  }

  /// Incidents per km² for an area in m²; nil for a zero or non-finite area, or one so small
  /// that the density overflows.
  public static func perSquareKilometre(_ count: Int, areaSquareMetres: Double) -> Double? {
    guard areaSquareMetres.isFinite, areaSquareMetres > 0 else { return nil }
    return finite(Double(count) / (areaSquareMetres / 1_000_000))
  }

  private static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

  /// Change from `baseline` to `current` in percent; nil when the baseline is 0.
  public static func percentChange(from baseline: Int, to current: Int) -> Double? {
    baseline == 0 ? nil : 100 * Double(current - baseline) / Double(baseline)
  }
}
