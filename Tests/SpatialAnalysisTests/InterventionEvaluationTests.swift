import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Intervention evaluation")
struct InterventionEvaluationTests {
  @Test("ratio of ratios, interval and p by hand: target 100 → 80, comparison 200 → 220")
  func relativeChange() throws {
    let change = try #require(
      RelativeChange(targetBefore: 100, targetAfter: 80, comparisonBefore: 200, comparisonAfter: 220))
    // (80/100)/(220/200) = 0.727273; SE = √(1/100 + 1/80 + 1/200 + 1/220) = 0.179012;
    // exp(ln 0.727273 ± 1.959964 · 0.179012) = 0.512061 … 1.032935; z = −1.77895, p = 0.075248.
    #expect(isClose(change.ratio, 0.7272727, tolerance: 1e-6))
    #expect(isClose(change.standardError, 0.1790124, tolerance: 1e-6))
    #expect(isClose(change.lower, 0.5120609, tolerance: 1e-6))
    #expect(isClose(change.upper, 1.0329349, tolerance: 1e-6))
    #expect(isClose(change.p, 0.0752484, tolerance: 1e-6))
    #expect(isClose(change.netChangePercent, -27.27273, tolerance: 1e-4))
    #expect(isClose(change.relativeEffectSize, 1.375, tolerance: 1e-9))
    #expect(change.continuityCorrection == 0)
  }

  @Test("a zero count adds 0.5 to all four; no incident in either period is undefined")
  func zeroCounts() throws {
    let change = try #require(
      RelativeChange(targetBefore: 0, targetAfter: 5, comparisonBefore: 10, comparisonAfter: 10))
    // (5.5/0.5)/(10.5/10.5) = 11; SE = √(2 + 1/5.5 + 2/10.5) = 1.540225.
    #expect(change.continuityCorrection == 0.5)
    #expect(isClose(change.ratio, 11, tolerance: 1e-9))
    #expect(isClose(change.lower, 0.5374653, tolerance: 1e-6))
    #expect(isClose(change.upper, 225.13082, tolerance: 1e-4))
    #expect(RelativeChange(targetBefore: 0, targetAfter: 0, comparisonBefore: 10, comparisonAfter: 10) == nil)
    #expect(RelativeChange(targetBefore: 3, targetAfter: 1, comparisonBefore: 0, comparisonAfter: 0) == nil)
  }

  @Test("p < 0.05 exactly when the 95 % interval excludes 1")
  func pMatchesInterval() throws {
    for (tb, ta, cb, ca) in [(100, 70, 200, 200), (100, 75, 200, 200), (100, 76, 200, 200), (50, 80, 60, 60)] {
      let change = try #require(
        RelativeChange(targetBefore: tb, targetAfter: ta, comparisonBefore: cb, comparisonAfter: ca))
      #expect((change.p < 0.05) == (change.upper < 1 || change.lower > 1))
    }
  }

  @Test("WDQ by hand in each band (Bowers & Johnson 2003; Guerette 2009)")
  func displacementQuotient() throws {
    // Target 100 → 60, comparison 200 → 200: success = 60/200 − 100/200 = −0.2.
    // Buffer 50 → 40: buffer measure −0.05, WDQ 0.25; TNE = (100 − 60) + (50 − 40) = 50.
    let diffusion = DisplacementQuotient(
      targetBefore: 100, targetAfter: 60, bufferBefore: 50, bufferAfter: 40, comparisonBefore: 200, comparisonAfter: 200
    )
    #expect(isClose(try #require(diffusion.successMeasure), -0.2, tolerance: 1e-12))
    #expect(isClose(try #require(diffusion.bufferMeasure), -0.05, tolerance: 1e-12))
    #expect(isClose(try #require(diffusion.quotient), 0.25, tolerance: 1e-12))
    #expect(diffusion.reading == .diffusion)
    #expect(isClose(try #require(diffusion.totalNetEffect), 50, tolerance: 1e-9))
    // Buffer 50 → 70: +0.1 / −0.2 = −0.5, displacement smaller than the effect.
    let displacement = DisplacementQuotient(
      targetBefore: 100, targetAfter: 60, bufferBefore: 50, bufferAfter: 70, comparisonBefore: 200, comparisonAfter: 200
    )
    #expect(isClose(try #require(displacement.quotient), -0.5, tolerance: 1e-12))
    #expect(displacement.reading == .displacement)
    // Buffer 50 → 100: +0.25 / −0.2 = −1.25, the effect eclipsed; TNE = 40 − 50 = −10.
    let eclipsed = DisplacementQuotient(
      targetBefore: 100, targetAfter: 60, bufferBefore: 50, bufferAfter: 100, comparisonBefore: 200,
      comparisonAfter: 200)
    #expect(isClose(try #require(eclipsed.quotient), -1.25, tolerance: 1e-12))
    #expect(eclipsed.reading == .displacementExceedingEffect)
    #expect(isClose(try #require(eclipsed.totalNetEffect), -10, tolerance: 1e-9))
    // Buffer 50 → 0: −0.25 / −0.2 = 1.25.
    let wide = DisplacementQuotient(
      targetBefore: 100, targetAfter: 60, bufferBefore: 50, bufferAfter: 0, comparisonBefore: 200, comparisonAfter: 200)
    #expect(wide.reading == .diffusionExceedingEffect)
    // The target rose relative to the comparison: not read.
    let noEffect = DisplacementQuotient(
      targetBefore: 100, targetAfter: 110, bufferBefore: 50, bufferAfter: 40, comparisonBefore: 200,
      comparisonAfter: 200)
    #expect(noEffect.quotient == nil && noEffect.reading == .noDirectEffect)
    let undefined = DisplacementQuotient(
      targetBefore: 100, targetAfter: 60, bufferBefore: 50, bufferAfter: 40, comparisonBefore: 200, comparisonAfter: 0)
    #expect(undefined.quotient == nil && undefined.reading == .undefined)
  }

  @Test("months of a period: whole months count 1, part months their share of days")
  func periodMonths() throws {
    func period(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) throws -> Period {
      Period(
        start: try #require(IncidentDate(year: a.0, month: a.1, day: a.2)),
        end: try #require(IncidentDate(year: b.0, month: b.1, day: b.2)))
    }
    #expect(try period((2024, 4, 1), (2024, 12, 31)).months == 9)
    #expect(try period((2023, 1, 1), (2023, 12, 31)).months == 12)
    #expect(isClose(try period((2024, 2, 1), (2024, 2, 15)).months, 15.0 / 29, tolerance: 1e-12))
    #expect(isClose(try period((2023, 1, 15), (2023, 2, 14)).months, 17.0 / 31 + 14.0 / 28, tolerance: 1e-12))
  }

  /// Target: the square [0, 100]². Comparison: [300, 400] × [0, 100], and [120, 200] × [0, 100],
  /// which the 50 m buffer ring partly covers.
  static func areas(buffer: Double? = 50) -> InterventionAreas {
    func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Geometry {
      .polygon(
        Polygon(
          exterior: Ring(uncheckedClosed: [
            Point(x: x0, y: y0), Point(x: x1, y: y0), Point(x: x1, y: y1), Point(x: x0, y: y1), Point(x: x0, y: y0),
          ])))
    }
    return InterventionAreas(
      target: [square(0, 0, 100, 100)], comparison: [square(300, 0, 400, 100), square(120, 0, 200, 100)], buffer: buffer
    )
  }

  @Test("each point in one group: target, then buffer (distance ≤ width), then comparison")
  func classify() {
    let areas = Self.areas()
    #expect(areas.classify(Point(x: 50, y: 50)).group == .target)
    #expect(areas.classify(Point(x: 120, y: 50)).group == .buffer)
    #expect(areas.classify(Point(x: 120, y: 50)).inComparisonPolygon)
    #expect(areas.classify(Point(x: 150, y: 50)).group == .buffer)  // exactly 50 m from the edge
    #expect(areas.classify(Point(x: 150.001, y: 50)).group == .comparison)
    #expect(areas.classify(Point(x: 130, y: 130)).group == .buffer)  // 42.4 m from the corner
    #expect(areas.classify(Point(x: 140, y: 140)).group == .outside)  // 56.6 m from the corner
    #expect(areas.classify(Point(x: 350, y: 50)).group == .comparison)
    #expect(areas.classify(Point(x: 350, y: 500)).group == .outside)
    #expect(Self.areas(buffer: nil).classify(Point(x: 120, y: 50)).group == .comparison)
    #expect(areas.comparisonOverlapsTargetOrBuffer)
    var tally = InterventionAreas.Tally()
    for p in [Point(x: 50, y: 50), Point(x: 120, y: 50), Point(x: 350, y: 50)] { tally.add(p, period: 1, areas: areas) }
    #expect(tally.count(.target, period: 1) == 1 && tally.count(.buffer, period: 1) == 1)
    #expect(tally.count(.comparison, period: 1) == 1 && tally.count(.target, period: 0) == 0)
    #expect(tally.comparisonOverlap == [0, 1])
  }

  @Test("lattice areas: the target square, the rounded ring, the comparison less the ring")
  func estimatedAreas() {
    let areas = Self.areas().estimatedAreas(spacing: 1)
    // Ring: 200² − 100² less four corners of 50² − π·50²/4 = 27,853.98 m².
    let ring = 200.0 * 200 - 100 * 100 - 4 * (2500 - Double.pi * 2500 / 4)
    #expect(isClose(areas[0], 10_000, tolerance: 50))
    #expect(isClose(areas[1], ring, tolerance: 0.01 * ring))
    // Comparison: [300, 400] × [0, 100] (10,000) plus the part of [120, 200] × [0, 100] beyond
    // the ring, x > 150 (50 × 100 = 5,000): the strip 120 ≤ x ≤ 150 lies within 50 m of x = 100.
    #expect(isClose(areas[2], 15_000, tolerance: 150))
  }
}
