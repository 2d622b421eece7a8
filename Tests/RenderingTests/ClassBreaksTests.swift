import Foundation
import GeoIO
import Rendering
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Class breaks")
struct ClassBreaksTests {
  static let jenks = TestData.conformanceReference("jenks_breaks.json")

  static func wardCounts(_ size: String) throws -> [Double] {
    let url = try #require(TestData.conformanceReference("counts_wards_\(size).csv"))
    let document = try CSVDocument.read(file: url.path)
    let column = try #require(document.column(["count"]))
    return document.rows.map { Double($0.fields[column]) ?? .nan }
  }

  @Test(
    "Fisher-Jenks equals mapclassify's exact optimum: bins, counts, sdcm and gvf",
    .enabled(if: jenks != nil, "shared/conformance/jenks_breaks.json is absent"),
    arguments: ["10k", "100k", "1m"])
  func fisherJenks(size: String) throws {
    let url = try #require(Self.jenks)
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    let reference = try #require(json as? [String: Any])
    let expected = try #require(reference["wards_\(size)"] as? [String: Any])
    let values = try Self.wardCounts(size)
    let bins = ClassBreaks.breaks(values, method: .naturalBreaks(5))
    #expect(bins == (expected["bins"] as? [Double]))
    #expect(ClassBreaks.counts(values, breaks: bins) == (expected["counts"] as? [Int]))
    #expect(
      isClose(
        ClassBreaks.withinClassDeviations(values, breaks: bins), expected["sdcm"] as? Double ?? -1, tolerance: 1e-6))
    #expect(
      isClose(
        ClassBreaks.goodnessOfVarianceFit(values, breaks: bins), expected["gvf"] as? Double ?? -1, tolerance: 1e-12))
  }

  /// References from mapclassify 2.10 on the 10k ward counts (`Quantiles(y, k=5)`,
  /// `EqualInterval(y, k=5)`, `HeadTailBreaks(y)`, `StdMean(y)`).
  @Test(
    "quantiles, equal interval, head/tail and standard deviation equal mapclassify",
    .enabled(if: TestData.conformanceReference("counts_wards_10k.csv") != nil, "shared/conformance is absent"))
  func otherMethods() throws {
    let values = try Self.wardCounts("10k")
    func close(_ a: [Double], _ b: [Double]) -> Bool {
      a.count == b.count && zip(a, b).allSatisfy { isClose($0, $1, tolerance: 1e-9 * max(1, abs($1))) }
    }
    let quantiles = ClassBreaks.breaks(values, method: .quantiles(5))
    #expect(close(quantiles, [33.6, 64.0, 120.6, 221.8, 1772.0]))
    #expect(ClassBreaks.counts(values, breaks: quantiles) == [12, 13, 11, 12, 12])
    let equal = ClassBreaks.breaks(values, method: .equalInterval(5))
    #expect(close(equal, [357.6, 711.2, 1064.8, 1418.4, 1772.0]))
    #expect(ClassBreaks.counts(values, breaks: equal) == [55, 2, 2, 0, 1])
    let headTail = ClassBreaks.breaks(values, method: .headTail)
    #expect(close(headTail, [163.31666666666666, 391.8333333333333, 916.25, 1772.0]))
    #expect(ClassBreaks.counts(values, breaks: headTail) == [42, 14, 3, 1])
    let deviations = ClassBreaks.breaks(values, method: .standardDeviation)
    #expect(close(deviations, [-354.1287522732645, -95.40604280329893, 422.03937613663226, 680.7620856065978, 1772.0]))
    #expect(ClassBreaks.counts(values, breaks: deviations) == [0, 0, 57, 0, 3])
  }

  @Test("edges: no values, one value, fewer distinct values than classes, manual bounds, class of a value")
  func edges() {
    #expect(ClassBreaks.breaks([], method: .naturalBreaks(5)).isEmpty)
    #expect(ClassBreaks.breaks([7, 7, 7], method: .naturalBreaks(5)) == [7])
    #expect(ClassBreaks.breaks([1, 1, 2, 2, 9], method: .naturalBreaks(5)) == [1, 2, 9])
    #expect(ClassBreaks.breaks([1, 5, 20], method: .manual([10, 2])) == [2, 10, 20])
    #expect(ClassBreaks.breaks([1, 5], method: .manual([10])) == [10])
    #expect(ClassBreaks.classIndex(of: 2, breaks: [2, 10, 20]) == 0)
    #expect(ClassBreaks.classIndex(of: 2.0001, breaks: [2, 10, 20]) == 1)
    #expect(ClassBreaks.classIndex(of: 99, breaks: [2, 10, 20]) == 2)
  }

  @Test("natural breaks on many values sample the sorted values and stay within the data", arguments: 0..<1)
  func sampled(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    let values = (0..<20_000).map { _ in Double(rng.next() % 100_000) / 10 }
    let bins = ClassBreaks.breaks(values, method: .naturalBreaks(5))
    #expect(bins.count == 5 && bins.last == values.max())
    #expect(zip(bins, bins.dropFirst()).allSatisfy { $0 < $1 })
  }
}
