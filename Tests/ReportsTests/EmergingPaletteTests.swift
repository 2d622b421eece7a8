import Rendering
import Reports
import SpatialAnalysis
import Testing

@Suite("Emerging hot spot colours in greyscale")
struct EmergingPaletteTests {
  static func lightness(_ category: EmergingHotSpotClass) -> Double {
    Palette.lightness(EmergingPalette.colour(category))!
  }

  @Test("legend neighbours differ by at least 10 L*, and so do the hot and cold of one kind")
  func greyscale() {
    let order = EmergingPalette.order
    #expect(order.count == 17 && Set(order).count == 17)
    for i in 1..<order.count {
      let difference = abs(Self.lightness(order[i]) - Self.lightness(order[i - 1]))
      #expect(difference >= 10, "\(order[i - 1].rawValue) and \(order[i].rawValue): ΔL* \(difference)")
    }
    for k in 0..<8 {
      let (hot, cold) = (order[k], order[8 + k])
      #expect(hot.rawValue.hasSuffix("hot spot") && cold.rawValue.hasSuffix("cold spot"))
      #expect(
        hot.rawValue.dropLast("hot spot".count) == cold.rawValue.dropLast("cold spot".count), "same kind")
      let difference = abs(Self.lightness(hot) - Self.lightness(cold))
      #expect(difference >= 10, "\(hot.rawValue) and \(cold.rawValue): ΔL* \(difference)")
    }
    // The strongest hot spots are the darkest hot fills.
    #expect(Self.lightness(.intensifyingHotSpot) < Self.lightness(.persistentHotSpot))
    #expect(Self.lightness(.persistentHotSpot) < Self.lightness(.consecutiveHotSpot))
  }
}
