import Foundation
import GeoCore
import SpatialAnalysis
import TestSupport
import Testing

@Suite("Kernel density")
struct KernelDensityTests {
  /// A 40 × 40 grid of 25 m cells from (1000, 2000).
  let grid = SquareGrid(minX: 1000, minY: 2000, cellSize: 25, columns: 40, rows: 40)

  /// The defining sum, by a plain double loop over cells and points.
  func direct(_ x: [Double], _ y: [Double], _ w: [Double]?, kernel: Kernel, h: Double) -> [Double] {
    (0..<grid.cellCount).map { cell in
      let c = grid.centre(of: cell)
      var sum = 0.0
      for k in x.indices {
        let d2 = (x[k] - c.x) * (x[k] - c.x) + (y[k] - c.y) * (y[k] - c.y)
        sum += (w?[k] ?? 1) * kernel.value(squaredDistance: d2, bandwidth: h)
      }
      return sum * 1_000_000
    }
  }

  @Test("values equal a direct double loop over points and cells to 1e-9 relative", arguments: Kernel.allCases)
  func matchesDirectSum(kernel: Kernel) {
    var rng = SplitMix64(seed: 5)
    let n = 300
    // Clustered points, some outside the grid (they still contribute), some stacked.
    var x: [Double] = []
    var y: [Double] = []
    var w: [Double] = []
    for k in 0..<n {
      let stacked = k % 10 == 0 && k > 0
      x.append(stacked ? x[k - 1] : 950 + Double(rng.next() % 110_000) / 100)
      y.append(stacked ? y[k - 1] : 1950 + Double(rng.next() % 110_000) / 100)
      w.append(Double(rng.next() % 4) + 0.5)
    }
    let h = kernel == .gaussian ? 60.0 : 150.0
    let fast = KernelDensity.evaluate(x: x, y: y, weights: w, grid: grid, kernel: kernel, bandwidth: h)
    let slow = direct(x, y, w, kernel: kernel, h: h)
    let peak = slow.max() ?? 1
    for cell in fast.indices {
      #expect(isClose(fast[cell], slow[cell], tolerance: 1e-9 * max(abs(slow[cell]), peak * 1e-6)), "cell \(cell)")
    }
  }

  @Test("a single point: the peak is 3/(πh²) per m², in incidents per km², and the surface is symmetric")
  func singlePoint() {
    let centre = grid.centre(column: 20, row: 20)
    let h = 200.0
    let density = KernelDensity.evaluate(x: [centre.x], y: [centre.y], grid: grid, kernel: .quartic, bandwidth: h)
    #expect(isClose(density[20 * 40 + 20], 3 / (Double.pi * h * h) * 1e6, tolerance: 1e-9))
    for d in 1...7 {
      let east = density[20 * 40 + 20 + d]
      let west = density[20 * 40 + 20 - d]
      let north = density[(20 + d) * 40 + 20]
      let south = density[(20 - d) * 40 + 20]
      #expect(east == west && north == south && isClose(east, north, tolerance: 1e-12 * east))
    }
    #expect(density[20 * 40 + 28] == 0, "8 cells = 200 m away is the edge of the kernel")
  }

  @Test("the surface integrates to the number of incidents far from the edges", arguments: Kernel.allCases)
  func integral(kernel: Kernel) {
    let h = kernel == .gaussian ? 30.0 : 150.0
    let x = [1400.0, 1512.5, 1600, 1433.3]
    let y = [2400.0, 2512.5, 2600, 2555.5]
    let density = KernelDensity.evaluate(x: x, y: y, grid: grid, kernel: kernel, bandwidth: h)
    let total = density.reduce(0, +) * grid.cellArea / 1_000_000
    // The midpoint rule on 25 m cells: within 0.5 %, except for the uniform kernel, whose step at
    // d = h the cell centres sample within a few %.
    #expect(isClose(total, 4, tolerance: kernel == .uniform ? 0.1 : 0.02), "total \(total)")
  }

  @Test("coincident points and weights change nothing but the sum")
  func coincidentAndWeighted() {
    let one = KernelDensity.evaluate(x: [1500], y: [2500], grid: grid, kernel: .quartic, bandwidth: 120)
    let five = KernelDensity.evaluate(
      x: Array(repeating: 1500, count: 5), y: Array(repeating: 2500, count: 5), grid: grid, kernel: .quartic,
      bandwidth: 120)
    let weighted = KernelDensity.evaluate(
      x: [1500], y: [2500], weights: [5], grid: grid, kernel: .quartic, bandwidth: 120)
    for cell in one.indices {
      #expect(isClose(five[cell], 5 * one[cell], tolerance: 1e-12 * max(1, one[cell])))
      #expect(five[cell] == weighted[cell])
    }
  }

  @Test("the ArcGIS bandwidth rule on a hand-computed example")
  func bandwidthRule() throws {
    // Four points at the corners of a 200 m square: mean centre in the middle, every distance √2·100,
    // SD = √2·100, Dm = √2·100; h = 0.9 · min(141.42, 1.2011 · 141.42) · 4^-0.2.
    let h = try #require(Bandwidth.arcGIS(x: [0, 200, 0, 200], y: [0, 0, 200, 200]))
    #expect(isClose(h, 0.9 * 2.0.squareRoot() * 100 * pow(4, -0.2), tolerance: 1e-9))
    #expect(Bandwidth.arcGIS(x: [5, 5], y: [7, 7]) == nil)
  }

  @Test("a bandwidth smaller than a cell is warned about; too many cells are refused with a size that fits")
  func planChecks() throws {
    let plan = try DensityPlan(
      x: [0, 1000], y: [0, 1000], weights: nil, areas: nil, kernel: .quartic, bandwidth: 40, cell: 50,
      extent: nil, maximumCells: 50_000_000)
    #expect(plan.warnings.first?.contains("smaller than a cell") == true)
    #expect(plan.grid.minX == -50 && plan.grid.maxX == 1050)
    #expect(throws: DensityPlan.PlanError.tooManyCells(cells: 400_000_000, limit: 50_000_000, suggestedCell: 5)) {
      try DensityPlan(
        x: [0], y: [0], weights: nil, areas: nil, kernel: .quartic, bandwidth: 500, cell: 1,
        extent: BoundingBox(minX: 0, minY: 0, maxX: 20_000, maxY: 20_000), maximumCells: 50_000_000)
    }
    let auto = try DensityPlan(
      x: [400_000, 455_000], y: [520_000, 565_000], weights: nil, areas: nil, kernel: .quartic, bandwidth: 500,
      cell: nil, extent: nil, maximumCells: 50_000_000)
    #expect(auto.grid.cellSize == 200, "46 km / 250 = 184 m, rounded to 200 m")
    #expect(
      DensityPlan.niceLength(3.2) == 2.5 && DensityPlan.niceLength(7.6) == 10 && DensityPlan.niceLength(0.012) == 0.01)
  }

  @Test("edge correction: 1 deep inside, about ½ on a straight edge")
  func edgeCorrection() {
    let inside = (0..<grid.cellCount).map { $0 % 40 < 20 }
    let shares = EdgeCorrection.shares(inside: inside, grid: grid, kernel: .quartic, bandwidth: 100)
    #expect(shares[20 * 40 + 5] == 1)
    #expect(shares[20 * 40 + 30] == nil)
    let edge = shares[20 * 40 + 19] ?? 0
    #expect(edge > 0.5 && edge < 0.7, "the cell touching the edge keeps its own column: \(edge)")
  }
}

@Suite("Hot-spot regions")
struct HotSpotRegionTests {
  let grid = SquareGrid(minX: 0, minY: 0, cellSize: 10, columns: 6, rows: 5)

  @Test("top, threshold and volume choose the expected cells")
  func rules() {
    let density: [Double?] = (0..<30).map { $0 == 29 ? nil : Double($0 % 7) }
    #expect(
      HotSpotRegions.select(.threshold(6), density: density).enumerated().filter(\.element).map(\.offset) == [
        6, 13, 20, 27,
      ])
    let top = HotSpotRegions.select(.top(share: 0.1), density: density)
    #expect(top.enumerated().filter(\.element).map(\.offset) == [6, 13, 20])
    let volume = HotSpotRegions.select(.volume(share: 0.25), density: density)
    // The total mass is 84; the four cells of 6 hold 24, over a quarter.
    #expect(volume.enumerated().filter(\.element).map(\.offset) == [6, 13, 20, 27])
  }

  @Test("an L of cells becomes one polygon, a ring of cells one polygon with a hole, diagonal cells two regions")
  func outlines() {
    var selected = [Bool](repeating: false, count: 30)
    for cell in [0, 1, 2, 6] { selected[cell] = true }
    let l = HotSpotRegions.regions(
      selected: selected, density: selected.map { $0 ? 1 : 0 }, grid: grid, x: [5, 25], y: [5, 5])
    #expect(l.count == 1)
    #expect(l[0].area == 400 && l[0].geometry.area == 400 && l[0].incidents == 2)
    #expect(l[0].geometry.polygons.first?.exterior.points.count == 7, "six corners, closed")
    var ring = [Bool](repeating: false, count: 30)
    for cell in [7, 8, 9, 13, 15, 19, 20, 21] { ring[cell] = true }
    let donut = HotSpotRegions.regions(selected: ring, density: ring.map { $0 ? 1 : 0 }, grid: grid, x: [], y: [])
    #expect(donut.count == 1 && donut[0].geometry.polygons.first?.holes.count == 1)
    #expect(donut[0].geometry.area == 800)
    var diagonal = [Bool](repeating: false, count: 30)
    diagonal[0] = true
    diagonal[7] = true
    let two = HotSpotRegions.regions(selected: diagonal, density: diagonal.map { $0 ? 1 : 0 }, grid: grid, x: [], y: [])
    #expect(two.count == 2 && two.allSatisfy { $0.geometry.polygons.first?.exterior.points.count == 5 })
  }
}

@Suite("Kernel density at points")
struct KernelDensityAtPointsTests {
  @Test(
    "at square cell centres it equals the grid evaluation, and a direct sum at other points",
    arguments: [Kernel.quartic, .gaussian])
  func agreesWithGrid(kernel: Kernel) {
    let grid = SquareGrid(minX: 1000, minY: 2000, cellSize: 25, columns: 30, rows: 20)
    var rng = SplitMix64(seed: 9)
    var x: [Double] = []
    var y: [Double] = []
    for k in 0..<400 {
      let stacked = k % 7 == 0 && k > 0
      x.append(stacked ? x[k - 1] : 950 + Double(rng.next() % 85_000) / 100)
      y.append(stacked ? y[k - 1] : 1950 + Double(rng.next() % 60_000) / 100)
    }
    let h = kernel == .gaussian ? 40.0 : 120.0
    let onGrid = KernelDensity.evaluate(x: x, y: y, grid: grid, kernel: kernel, bandwidth: h)
    let centres = (0..<grid.cellCount).map(grid.centre(of:))
    let atPoints = KernelDensity.evaluate(x: x, y: y, at: centres, kernel: kernel, bandwidth: h)
    let peak = onGrid.max() ?? 1
    #expect(zip(onGrid, atPoints).allSatisfy { isClose($0, $1, tolerance: 1e-9 * peak) })
    // Off-lattice points (hexagon centres, say) against the defining sum.
    let probes = (0..<50).map { _ in
      Point(x: 1000 + Double(rng.next() % 75_000) / 100, y: 2000 + Double(rng.next() % 50_000) / 100)
    }
    let values = KernelDensity.evaluate(x: x, y: y, at: probes, kernel: kernel, bandwidth: h)
    for (p, value) in zip(probes, values) {
      var sum = 0.0
      for k in x.indices {
        sum += kernel.value(squaredDistance: (x[k] - p.x) * (x[k] - p.x) + (y[k] - p.y) * (y[k] - p.y), bandwidth: h)
      }
      #expect(isClose(value, sum * 1_000_000, tolerance: 1e-9 * peak))
    }
  }

  @Test("one incident: 3/(πh²) per m² at its own position, nothing beyond the bandwidth")
  func single() {
    let values = KernelDensity.evaluate(
      x: [10], y: [10], at: [Point(x: 10, y: 10), Point(x: 110, y: 10), Point(x: 60, y: 10)], kernel: .quartic,
      bandwidth: 100)
    #expect(isClose(values[0], 3 / (Double.pi * 10_000) * 1_000_000, tolerance: 1e-9))
    #expect(values[1] == 0)
    // At d = h/2: 3/(πh²) · (1 − ¼)² = 3/(πh²) · 0.5625.
    #expect(isClose(values[2], 0.5625 * 3 / (Double.pi * 10_000) * 1_000_000, tolerance: 1e-9))
  }

  @Test("no incidents, or points far from every incident, give 0")
  func empty() {
    #expect(KernelDensity.evaluate(x: [], y: [], at: [Point(x: 0, y: 0)], kernel: .quartic, bandwidth: 100) == [0])
    #expect(KernelDensity.evaluate(x: [0], y: [0], at: [Point(x: 0, y: 5000)], kernel: .quartic, bandwidth: 100) == [0])
  }
}
