import Foundation

/// Radial kernels for density, each integrating to 1 over the plane (METHODS.md, "Kernel density").
///
/// With bandwidth h and distance d, for d < h (0 beyond):
/// quartic (biweight) 3/(πh²)·(1 − d²/h²)² — the crime-mapping standard (ArcGIS, QGIS, CrimeStat,
/// sfhotspot); Epanechnikov 2/(πh²)·(1 − d²/h²); triangular 3/(πh²)·(1 − d/h); uniform 1/(πh²);
/// Gaussian (σ = h) 1/(2πh²)·exp(−d²/(2h²)), evaluated out to where it falls below 1e-9 of its peak
/// (d = h·√(2 ln 10⁹) ≈ 6.44h) and zero beyond.
public enum Kernel: String, CaseIterable, Sendable {
  case quartic, gaussian, epanechnikov, triangular, uniform

  /// How far the kernel reaches, in multiples of the bandwidth.
  public var supportFactor: Double {
    self == .gaussian ? Kernel.gaussianCutoff : 1
  }

  /// √(2 ln 10⁹): the Gaussian is below 1e-9 of its peak beyond this many bandwidths.
  public static let gaussianCutoff = (2 * log(1e9)).squareRoot()

  /// K at squared distance `d2` for bandwidth `h`, in 1/(CRS unit)² (per m²). Zero outside the support.
  @inlinable
  public func value(squaredDistance d2: Double, bandwidth h: Double) -> Double {
    let h2 = h * h
    let u2 = d2 / h2
    switch self {
    case .quartic:
      guard u2 < 1 else { return 0 }
      let t = 1 - u2
      return 3 / (Double.pi * h2) * t * t
    case .epanechnikov:
      guard u2 < 1 else { return 0 }
      return 2 / (Double.pi * h2) * (1 - u2)
    case .triangular:
      guard u2 < 1 else { return 0 }
      return 3 / (Double.pi * h2) * (1 - u2.squareRoot())
    case .uniform:
      guard u2 < 1 else { return 0 }
      return 1 / (Double.pi * h2)
    case .gaussian:
      guard u2 < Kernel.gaussianCutoff * Kernel.gaussianCutoff else { return 0 }
      return 1 / (2 * Double.pi * h2) * exp(-u2 / 2)
    }
  }
}
