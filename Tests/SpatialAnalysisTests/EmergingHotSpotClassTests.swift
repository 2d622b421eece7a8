import Foundation
import SpatialAnalysis
import Testing

/// Hand-made series for every category and the edges between neighbouring ones. A pattern has one
/// character per step, oldest first: H hot (p = 0.001, z > 0), C cold (p = 0.001, z < 0),
/// . not significant (p = 0.5). z is given where the trend matters; otherwise it is ±3 for H/C
/// and 0.2 for ., with no trend to speak of.
@Suite("Emerging hot spot categories")
struct EmergingHotSpotClassTests {
  static func p(_ pattern: String) -> [Double] { pattern.map { $0 == "." ? 0.5 : 0.001 } }
  static func z(_ pattern: String) -> [Double] { pattern.map { $0 == "H" ? 3 : $0 == "C" ? -3 : 0.2 } }

  static func classify(_ pattern: String, z: [Double]? = nil, threshold: Double = 0.01) -> EmergingHotSpotClass {
    EmergingHotSpotClass.classify(z: z ?? Self.z(pattern), p: Self.p(pattern), threshold: threshold)
  }

  /// Strictly rising z (S = 45 over 10 steps: MK p ≈ 8e-5), falling, and flat-ish (MK p > 0.01).
  static let rising: [Double] = (0..<10).map { 2.7 + 0.25 * Double($0) }
  static let falling: [Double] = rising.reversed()
  static let level: [Double] = [3.1, 2.9, 3.3, 2.8, 3.0, 3.2, 2.7, 3.4, 2.95, 3.05]

  @Test("The reference trends are what the cases need")
  func trends() {
    #expect(MannKendall(Self.rising).p < 0.001 && MannKendall(Self.rising).tau == 1)
    #expect(MannKendall(Self.falling).tau == -1)
    #expect(MannKendall(Self.level).p > 0.1)
  }

  @Test("new hot and cold spots: only the final step significant")
  func new() {
    #expect(Self.classify(".........H") == .newHotSpot)
    #expect(Self.classify(".........C") == .newColdSpot)
    #expect(Self.classify("H") == .newHotSpot)
    // An earlier significant step of either sign makes it something else.
    #expect(Self.classify("..C......H") == .oscillatingHotSpot)
    #expect(Self.classify("..H......H") == .sporadicHotSpot)
  }

  @Test("consecutive: a final run of at least 2, nothing significant before, under 90 %")
  func consecutive() {
    #expect(Self.classify("........HH") == .consecutiveHotSpot)
    #expect(Self.classify("..CCCCCCCC") == .consecutiveColdSpot)  // 80 %
    #expect(Self.classify(".HHHHHHHHH", z: [0.2] + Array(Self.level.dropFirst())) != .consecutiveHotSpot)  // 90 %
    // Run of 1 is new; a gap before the run, or a cold step, is not consecutive.
    #expect(Self.classify(".........H") == .newHotSpot)
    #expect(Self.classify(".H......HH") == .sporadicHotSpot)
    #expect(Self.classify("C.......HH") == .oscillatingHotSpot)
    // sfdep would count C in the run (significant steps of either sign); the run is of hot steps here.
    #expect(Self.classify(".......CHH") == .oscillatingHotSpot)
  }

  @Test("intensifying, persistent and diminishing: at least 90 % and the trend of z")
  func trendCategories() {
    let all = "HHHHHHHHHH"
    let allCold = "CCCCCCCCCC"
    #expect(Self.classify(all, z: Self.rising) == .intensifyingHotSpot)
    #expect(Self.classify(all, z: Self.level) == .persistentHotSpot)
    #expect(Self.classify(all, z: Self.falling) == .diminishingHotSpot)
    // Cold intensifies as z falls further below 0.
    #expect(Self.classify(allCold, z: Self.rising.map { -$0 }) == .intensifyingColdSpot)
    #expect(Self.classify(allCold, z: Self.level.map { -$0 }) == .persistentColdSpot)
    #expect(Self.classify(allCold, z: Self.falling.map { -$0 }) == .diminishingColdSpot)
  }

  @Test("The 90 % edge: 18 of 20 steps counts, 17 does not")
  func ninetyPercent() {
    let z20 = (0..<20).map { 2.7 + 0.1 * Double($0) }  // rising
    let p18 = "..HHHHHHHHHHHHHHHHHH"
    let p17 = "...HHHHHHHHHHHHHHHHH"
    #expect(Self.classify(p18, z: z20) == .intensifyingHotSpot)
    #expect(Self.classify(p17, z: z20) == .consecutiveHotSpot)
    // 9 of 10 with the first step not significant and a rising trend.
    #expect(Self.classify(".HHHHHHHHH", z: Self.rising) == .intensifyingHotSpot)
    // 9 of 10 with a quiet step in the middle: no longer a run, no trend: persistent.
    #expect(Self.classify("HHHH.HHHHH", z: Self.level) == .persistentHotSpot)
  }

  @Test("Final step not significant: persistent without a trend, historical with one")
  func finalNotSignificant() {
    // 9 of 10 hot, the last quiet (z still positive), no trend: persistent (needs no final step).
    #expect(Self.classify("HHHHHHHHH.", z: Self.level) == .persistentHotSpot)
    // The same with a falling trend: historical (sfdep: no pattern, as the final z is not < 0).
    let fading = Array(Self.falling.dropLast()) + [0.5]
    #expect(MannKendall(fading).p < 0.01)
    #expect(Self.classify("HHHHHHHHH.", z: fading) == .historicalHotSpot)
    #expect(Self.classify("CCCCCCCCC.", z: fading.map { -$0 }) == .historicalColdSpot)
    // A falling trend but the final step hot: diminishing.
    #expect(Self.classify("HHHHHHHHHH", z: Self.falling) == .diminishingHotSpot)
  }

  @Test("oscillating: final hot (cold) after some cold (hot) step")
  func oscillating() {
    #expect(Self.classify("C..H..C..H") == .oscillatingHotSpot)
    #expect(Self.classify("H..C..H..C") == .oscillatingColdSpot)
    // Final step not significant: no longer oscillating, and both signs: no pattern.
    #expect(Self.classify("C..H..C..H.") == .noPattern)
  }

  @Test("sporadic: on and off, never the other sign, the final step anything")
  func sporadic() {
    #expect(Self.classify("H..H...H..") == .sporadicHotSpot)
    #expect(Self.classify("H..H...H.H") == .sporadicHotSpot)
    #expect(Self.classify(".C...C.C..") == .sporadicColdSpot)
  }

  @Test("no pattern; the threshold decides significance")
  func noPatternAndThreshold() {
    #expect(Self.classify("..........") == .noPattern)
    #expect(Self.classify("H.C.......") == .noPattern)
    // p = 0.03 at the last step: significant at 0.05 only.
    let p: [Double] = Array(repeating: 0.5, count: 9) + [0.03]
    let z: [Double] = Array(repeating: 0.2, count: 9) + [2.2]
    #expect(EmergingHotSpotClass.classify(z: z, p: p) == .noPattern)
    #expect(EmergingHotSpotClass.classify(z: z, p: p, threshold: 0.05) == .newHotSpot)
    // p equal to the threshold is significant (sfdep: p_sim <= threshold).
    #expect(EmergingHotSpotClass.classify(z: z, p: p, threshold: 0.03) == .newHotSpot)
  }

  @Test("17 categories with sfdep's names; sign")
  func names() {
    #expect(EmergingHotSpotClass.allCases.count == 17)
    #expect(EmergingHotSpotClass.noPattern.rawValue == "no pattern detected")
    #expect(EmergingHotSpotClass.allCases.filter { $0.sign > 0 }.count == 8)
    #expect(EmergingHotSpotClass.allCases.filter { $0.sign < 0 }.count == 8)
  }

  @Test("Every location of a space-time Gi* result: a hot corner rising over the steps")
  func fromCube() {
    let (cube, weights) = SpaceTimeGiStarTests.gridCube()
    let gi = SpaceTimeGetisOrdGiStar.compute(cube: cube, weights: weights)
    let result = EmergingHotSpot.classify(gi, threshold: 0.05)
    #expect(result.count == 60)
    #expect(result[0].category.sign == 1)
    #expect(result[0].trend == MannKendall(Array(gi.zSeries(of: 0))))
    let flat = SpaceTimeCube(stepLabels: ["a", "b", "c"], values: Array(repeating: 1, count: 180))
    let none = EmergingHotSpot.classify(SpaceTimeGetisOrdGiStar.compute(cube: flat, weights: weights))
    #expect(none.allSatisfy { $0.category == .noPattern })
  }
}
