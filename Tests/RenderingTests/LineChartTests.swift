import Foundation
import Rendering
import TestSupport
import Testing

@Suite("Line chart")
struct LineChartTests {
  static let chart = LineChart(
    title: "PAI by method", subtitle: "2024-01..2024-09 against 2024-10..2024-12",
    xTitle: "Share of the study area selected",
    yTitle: "PAI", xTicks: [.init(0.01, "1 %"), .init(0.02, "2 %"), .init(0.05, "5 %"), .init(0.1, "10 %")],
    xScale: .logarithmic,
    series: [
      .init(
        name: "count",
        points: [.init(x: 0.01, y: 12.5), .init(x: 0.02, y: 8), .init(x: 0.05, y: 4), .init(x: 0.1, y: 2.5)]),
      .init(
        name: "Fish & <chips>",
        points: [.init(x: 0.01, y: nil), .init(x: 0.02, y: 6, low: 5, high: 7), .init(x: 0.05, y: 3)]),
      .init(
        name: "gaps",
        points: [.init(x: 0.01, y: 1), .init(x: 0.02, y: nil), .init(x: 0.05, y: 2), .init(x: 0.1, y: 2.2)]),
    ],
    reference: .init(y: 1, label: "PAI = 1: no better than chance"), notes: ["a note"], generator: "test")

  @Test("the chart is valid XML with a title, a description listing every value, and the same bytes every time")
  func validAndDescribed() throws {
    let svg = Self.chart.svg()
    #expect(try xmlProblems(svg) == nil)
    #expect(svg == Self.chart.svg())
    #expect(svg.contains("<title id=\"chart-title\">PAI by method — 2024-01..2024-09 against 2024-10..2024-12</title>"))
    #expect(svg.contains("count: 1 % 12.5, 2 % 8, 5 % 4, 10 % 2.5"))
    #expect(svg.contains("Fish &amp; &lt;chips&gt;: 1 % undefined, 2 % 6 (5–7), 5 % 3"))
    #expect(svg.contains("dashed line: PAI = 1: no better than chance"))
  }

  @Test("one line per series, broken where a value is missing; one marker per defined value")
  func lines() throws {
    let svg = Self.chart.svg()
    let groups = svg.components(separatedBy: "class=\"series\"").dropFirst()
    #expect(groups.count == 3)
    let gaps = try #require(groups.last)
    let path = try #require(gaps.components(separatedBy: "<path d=\"").dropFirst().first?.prefix { $0 != "\"" })
    #expect(path.filter { $0 == "M" }.count == 2)
    #expect(path.filter { $0 == "L" }.count == 1)
    #expect(gaps.components(separatedBy: "data-x=").count - 1 == 3)
    // The marker of the first point sits on the 1 % tick, at the left of the log axis.
    #expect(svg.contains("data-series=\"count\""))
  }

  @Test("y ticks step by 1, 2, 2.5 or 5 × 10^k from 0 to the first at or above the top")
  func ticks() {
    #expect(LineChart.niceTicks(maximum: 59.96) == [0, 10, 20, 30, 40, 50, 60])
    #expect(LineChart.niceTicks(maximum: 12.5) == [0, 2, 4, 6, 8, 10, 12, 14])
    #expect(LineChart.niceTicks(maximum: 3.2) == [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5])
    #expect(LineChart.niceTicks(maximum: 0) == [0, 0.25, 0.5, 0.75, 1])
    #expect(LineChart.tickLabel(2.5, ticks: [0, 2.5, 5]) == "2.5")
    #expect(LineChart.tickLabel(0.75, ticks: [0, 0.25, 0.5, 0.75]) == "0.75")
    #expect(LineChart.tickLabel(40, ticks: [0, 10, 20]) == "40")
  }
}
