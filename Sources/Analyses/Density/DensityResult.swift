import GeoCore
import GeoIO
import Rendering
import SpatialAnalysis

/// A kernel density surface and its hot-spot regions, with every value chosen.
public struct DensityResult: Sendable {
  /// The bandwidth, grid and study-area mask, each with the rule that chose it.
  public let setup: DensityPlan
  /// The kernel evaluated.
  public let kernel: Kernel
  /// Incidents per km² at each cell centre (row-major from the south-west); nil outside the study area.
  public let density: [Double?]
  /// The hot-spot regions, largest first as `HotSpotRegions` orders them.
  public let regions: [HotSpotRegions.Region]
  /// The rule the regions were drawn by; nil when none were drawn.
  public let rule: HotSpotRegions.Rule?
  /// Incidents kept (after the period and category filter).
  public let incidents: Int
  /// Their total weight (the count when unweighted).
  public let totalWeight: Double
  /// Whether incidents carry weights (else counts are whole numbers).
  public let weighted: Bool
  /// Whether each cell was divided by the share of its kernel inside the study area.
  public let edgeCorrected: Bool
  /// The CRS of the grid (metres).
  public let working: CRS
  /// What the reader read, skipped and decided.
  public let report: IncidentReadReport
  /// How many rows the filter kept and removed.
  public let filtered: IncidentFilter.Outcome
  /// The input files, for provenance: incident files, then the study area's.
  public let inputs: [String]
  /// The change from the baseline period cell by cell (densities per km² on the same grid and
  /// bandwidth), when one was asked for.
  public let change: CellChange?
  /// Incidents of the baseline period (0 without one).
  public let baselineIncidents: Int

  /// The grid of the surface.
  public var grid: SquareGrid { setup.grid }

  /// Warnings, in the order the command line prints them: the reader's problems, then the plan's.
  public var warnings: [String] { report.problems.map(\.description) + setup.warnings }

  /// Every value chosen, for the summary and the provenance file.
  public var choices: [(String, JSONValue)] {
    var choices: [(String, JSONValue)] = [
      ("working_crs", .string(working.identifier)),
      ("incidents_crs", .string(report.crsDecision.crs.identifier)),
      ("incidents_crs_rule", .string(report.crsDecision.rule.description)),
      ("kernel", .string(kernel.rawValue)),
      ("bandwidth_m", .number(setup.bandwidth)),
      ("bandwidth_rule", .string(setup.bandwidthRule)),
      ("cell_m", .number(grid.cellSize)),
      ("cell_rule", .string(setup.cellRule)),
      ("extent", .array([.number(grid.minX), .number(grid.minY), .number(grid.maxX), .number(grid.maxY)])),
      ("extent_rule", .string(setup.extentRule)),
      ("columns", .number(Double(grid.columns))),
      ("rows", .number(Double(grid.rows))),
      ("units", "incidents per km² at cell centres"),
      ("incidents", .number(Double(incidents))),
      (
        "edge_correction",
        .string(
          edgeCorrected
            ? "spatstat's: each cell divided by the share of its kernel inside the study area; the surface no longer integrates to the number of incidents"
            : "none")
      ),
    ]
    if kernel == .gaussian {
      choices.append(("gaussian_cutoff", "exp(-d²/2h²) evaluated out to 1e-9 of its peak (d ≈ 6.44h), zero beyond"))
    }
    if let rule { choices.append(("regions_rule", .string(Self.describe(rule)))) }
    if let change {
      choices.append(("baseline_period", .string(change.baselinePeriod.description)))
      choices.append(("baseline_incidents", .number(Double(baselineIncidents))))
      choices.append(("change", .string("densities per km²: " + change.description)))
    }
    if filtered.outliers > 0 {
      choices.append(("incidents_outliers", .number(Double(filtered.outliers))))
      choices.append(("outlier_rule", .string(LocationalOutliers.rule)))
    }
    return choices
  }

  /// A region rule in words ("the top 5.000% of cells").
  public static func describe(_ rule: HotSpotRegions.Rule) -> String {
    switch rule {
    case .top(let share): "the top \(NumberText.fixed(share * 100, digits: 3))% of cells"
    case .threshold(let value): "cells at or above \(NumberText.shortest(value)) per km²"
    case .volume(let share): "the fewest cells holding \(NumberText.fixed(share * 100, digits: 3))% of the density mass"
    }
  }

  /// The highest density of any cell, per km² (0 when no cell has data).
  public var peak: Double { density.compactMap { $0 }.max() ?? 0 }

  /// The surface's total: density × cell area summed over the cells with data, in incidents. Without
  /// edge correction it equals the incidents' total weight, less the kernel mass falling outside the grid.
  public var mass: Double { density.compactMap { $0 }.reduce(0, +) * grid.cellArea / 1_000_000 }
}
