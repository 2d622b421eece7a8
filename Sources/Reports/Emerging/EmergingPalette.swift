import SpatialAnalysis

/// The conventional colours of the emerging hot spot categories: hot in reds (intensifying and
/// persistent darkest, new and consecutive lighter, diminishing and historical muted), cold in
/// blues, no pattern light grey. The hot and cold of one kind differ in lightness (CIE L*) by at
/// least 10 as well as in hue, and so do neighbours in the legend order, so they stay apart for
/// readers who cannot tell red from blue and in greyscale print.
public enum EmergingPalette {
  /// The fill of `category` (`#rrggbb`).
  public static func colour(_ category: EmergingHotSpotClass) -> String {
    switch category {
    case .intensifyingHotSpot: "#67000d"
    case .persistentHotSpot: "#a50f15"
    case .consecutiveHotSpot: "#e0452f"
    case .newHotSpot: "#fb8a6a"
    case .oscillatingHotSpot: "#d26456"
    case .sporadicHotSpot: "#fcc5ae"
    case .diminishingHotSpot: "#b07a72"
    case .historicalHotSpot: "#d8b9b3"
    case .intensifyingColdSpot: "#4f8fc9"
    case .persistentColdSpot: "#83b3db"
    case .consecutiveColdSpot: "#0b3c78"
    case .newColdSpot: "#1e62a8"
    case .oscillatingColdSpot: "#a9cde6"
    case .sporadicColdSpot: "#639bc9"
    case .diminishingColdSpot: "#56677d"
    case .historicalColdSpot: "#7d8ea3"
    case .noPattern: "#e6e6e6"
    }
  }

  /// The legend order: hot from the strongest, then cold, then no pattern.
  public static let order: [EmergingHotSpotClass] = [
    .intensifyingHotSpot, .persistentHotSpot, .consecutiveHotSpot, .newHotSpot, .oscillatingHotSpot, .sporadicHotSpot,
    .diminishingHotSpot, .historicalHotSpot, .intensifyingColdSpot, .persistentColdSpot, .consecutiveColdSpot,
    .newColdSpot, .oscillatingColdSpot, .sporadicColdSpot, .diminishingColdSpot, .historicalColdSpot, .noPattern,
  ]
}
