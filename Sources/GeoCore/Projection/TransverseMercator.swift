import Foundation

/// A transverse Mercator projection of an ellipsoid: longitude/latitude in degrees on the
/// ellipsoid's own datum ⇄ easting/northing in metres.
///
/// Krüger's (1912) n-series to sixth order in the third flattening n, in the form of Karney (2011),
/// "Transverse Mercator with an accuracy of a few nanometers", J. Geodesy 85:475–485, eqs. (7)–(11)
/// and (35)–(36): geodetic latitude → conformal latitude exactly (τ′ from τ), then the
/// Gauss–Krüger series in the complex variable ξ′ + iη′, summed by Clenshaw's recurrence. The
/// inverse solves τ′ → τ by Newton's method (Karney's eqs. 19–21). This is the algorithm family
/// of PROJ's default `tmerc` (Poder/Engsager).
///
/// ## Properties
/// - Series error under 5 nm within 3 900 km of the central meridian (Karney 2011, section 4), so
///   data far from the meridian project as exactly as data near it, unlike the shorter series of
///   the Ordnance Survey guide (annex C), which are made for Great Britain's width.
/// - `inverse(forward(c))` returns `c` to within 1e-12° within 4° of the central meridian and
///   1e-11° within 30°; beyond about 35° (3 900 km) the truncated series degrade.
/// - Longitudes are taken relative to the central meridian modulo 360°, and `inverse` returns
///   longitudes in −180…180.
/// - The points at ±90° from the central meridian on the equator are singular (infinite easting).
/// - Complexity: O(1) per point: a fixed count of elementary functions, no allocation.
///
/// ## Parity
/// PROJ 9 `+proj=tmerc` (its default Poder/Engsager algorithm), on the same ellipsoid: within
/// 0.5 µm (the reference's printed digits) at 3° from the central meridian, for Airy 1830 and
/// WGS84. On `shared/conformance/proj_ref20.csv` the inverse is within 1.1e-10° (0.01 mm) of
/// PROJ's OSGB36 longitudes and latitudes; PROJ's `+ellps=airy` is defined by 1/f = 299.3249646,
/// 0.24 mm longer in b than the Ordnance Survey's 6 356 256.909 m used here.
public struct TransverseMercator: Hashable, Sendable {
  /// The ellipsoid (and so datum) whose longitudes and latitudes `forward` takes and `inverse` returns.
  public let ellipsoid: Ellipsoid
  /// λ0, degrees east.
  public let centralMeridian: Double
  /// φ0, degrees north: the latitude whose point on the central meridian has northing `falseNorthing`.
  public let latitudeOfOrigin: Double
  /// k0, the scale factor on the central meridian.
  public let scale: Double
  /// Metres added to every easting.
  public let falseEasting: Double
  /// Metres added to every northing (the northing of the true origin).
  public let falseNorthing: Double

  /// e, the first eccentricity.
  private let eccentricity: Double
  /// 1 − e².
  private let oneMinusE2: Double
  /// Karney's α₁…α₆ (geodetic-conformal → Gauss–Krüger), eq. (35).
  private let alpha: KruegerCoefficients
  /// Karney's β₁…β₆ (Gauss–Krüger → conformal), eq. (36), stored negated so one sum serves both.
  private let minusBeta: KruegerCoefficients
  /// k0 · A, where 2πA is the circumference of a meridian, metres.
  private let scaledRectifyingRadius: Double
  /// The northing of the equator on the central meridian: FN − k0 · A · ξ(φ0).
  private let northingOfEquator: Double
  let sinCentralMeridian: Double
  let cosCentralMeridian: Double

  /// A transverse Mercator on `ellipsoid` with its true origin at (`centralMeridian`,
  /// `latitudeOfOrigin`) in degrees, scale factor `scale` on the central meridian, and false
  /// easting and northing in metres.
  public init(
    ellipsoid: Ellipsoid, centralMeridian: Double, latitudeOfOrigin: Double, scale: Double,
    falseEasting: Double, falseNorthing: Double
  ) {
    self.ellipsoid = ellipsoid
    self.centralMeridian = centralMeridian
    self.latitudeOfOrigin = latitudeOfOrigin
    self.scale = scale
    self.falseEasting = falseEasting
    self.falseNorthing = falseNorthing

    let n = ellipsoid.thirdFlattening
    let n2 = n * n
    let n3 = n2 * n
    let n4 = n3 * n
    let n5 = n4 * n
    let n6 = n5 * n
    eccentricity = ellipsoid.eccentricitySquared.squareRoot()
    oneMinusE2 = 1 - ellipsoid.eccentricitySquared
    alpha = KruegerCoefficients(
      n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
      13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630 - 1_983_433 * n6 / 1_935_360,
      61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167_603 * n6 / 181_440,
      49561 * n4 / 161_280 - 179 * n5 / 168 + 6_601_661 * n6 / 7_257_600,
      34729 * n5 / 80640 - 3_418_889 * n6 / 1_995_840,
      212_378_941 * n6 / 319_334_400)
    minusBeta = KruegerCoefficients(
      -(n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604_800),
      -(n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1_118_711 * n6 / 3_870_720),
      -(17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720),
      -(4397 * n4 / 161_280 - 11 * n5 / 504 - 830_251 * n6 / 7_257_600),
      -(4583 * n5 / 161_280 - 108_847 * n6 / 3_991_680),
      -(20_648_693 * n6 / 638_668_800))
    let rectifyingRadius = ellipsoid.a / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256)
    scaledRectifyingRadius = scale * rectifyingRadius

    let phi0 = latitudeOfOrigin * Angle.radiansPerDegree
    let lambda0 = centralMeridian * Angle.radiansPerDegree
    sinCentralMeridian = sin(lambda0)
    cosCentralMeridian = cos(lambda0)

    // On the central meridian η′ = 0 and ξ′ is the conformal latitude, so ξ(φ0) is the
    // rectifying latitude of φ0: the meridian arc to φ0 divided by A.
    let e = eccentricity
    let sinPhi0 = sin(phi0)
    let cosPhi0 = cos(phi0)
    let sigma0 = sinh(e * atanh(e * sinPhi0))
    let xiPrime0 = atan2(sinPhi0 * (1 + sigma0 * sigma0).squareRoot() - sigma0, cosPhi0)
    let sum = alpha.sumOfSines(
      sin2x: sin(2 * xiPrime0), cos2x: cos(2 * xiPrime0), sinh2y: 0, cosh2y: 1)
    northingOfEquator = falseNorthing - scaledRectifyingRadius * (xiPrime0 + sum.real)
  }

  /// Equal when the ellipsoid and the five origin and scale parameters are equal (the series
  /// coefficients derive from them).
  public static func == (lhs: TransverseMercator, rhs: TransverseMercator) -> Bool {
    lhs.ellipsoid == rhs.ellipsoid && lhs.centralMeridian == rhs.centralMeridian
      && lhs.latitudeOfOrigin == rhs.latitudeOfOrigin && lhs.scale == rhs.scale
      && lhs.falseEasting == rhs.falseEasting && lhs.falseNorthing == rhs.falseNorthing
  }

  /// Hashes the ellipsoid and the five origin and scale parameters, consistently with `==`.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ellipsoid)
    hasher.combine(centralMeridian)
    hasher.combine(latitudeOfOrigin)
    hasher.combine(scale)
    hasher.combine(falseEasting)
    hasher.combine(falseNorthing)
  }

  /// Easting (x) and northing (y) in metres of a longitude/latitude in degrees on this projection's
  /// ellipsoid. Non-finite input gives non-finite output.
  public func forward(_ c: GeographicCoordinate) -> Point {
    let phi = c.latitude * Angle.radiansPerDegree
    var dLambda = c.longitude - centralMeridian
    if abs(dLambda) > 180 { dLambda = dLambda.remainder(dividingBy: 360) }
    let lambda = dLambda * Angle.radiansPerDegree
    let (x, y) = forward(
      sinPhi: sin(phi), cosPhi: cos(phi), sinLambda: sin(lambda), cosLambda: cos(lambda))
    return Point(x: x, y: y)
  }

  /// The longitude/latitude in degrees, on this projection's ellipsoid, of an easting (x) and
  /// northing (y) in metres. Longitudes are in −180…180.
  public func inverse(_ p: Point) -> GeographicCoordinate {
    let (xiPrime, etaPrime) = conformalSphere(x: p.x, y: p.y)
    let sinhEta = sinh(etaPrime)
    let cosXi = cos(xiPrime)
    let tauPrime = sin(xiPrime) / (sinhEta * sinhEta + cosXi * cosXi).squareRoot()
    var longitude = centralMeridian + atan2(sinhEta, cosXi) * Angle.degreesPerRadian
    if abs(longitude) > 180 { longitude = longitude.remainder(dividingBy: 360) }
    return GeographicCoordinate(
      longitude: longitude, latitude: atan(tau(fromConformal: tauPrime)) * Angle.degreesPerRadian)
  }

  /// `forward(_:)` from the sines and cosines of the latitude and of the longitude relative to the
  /// central meridian, for `CoordinateTransform`'s fused paths.
  @inline(__always)
  func forward(
    sinPhi: Double, cosPhi: Double, sinLambda: Double, cosLambda: Double
  ) -> (x: Double, y: Double) {
    // Karney eq. (7)–(9), multiplied through by cos φ ≥ 0 so the poles need no special case:
    // t = τ′ cos φ = sin φ √(1 + σ²) − σ, with σ = sinh(e atanh(e sin φ)).
    let e = eccentricity
    let sigma = sinh(e * atanh(e * sinPhi))
    let t = sinPhi * (1 + sigma * sigma).squareRoot() - sigma
    let cosPhiCosLambda = cosPhi * cosLambda
    let xiPrime = atan2(t, cosPhiCosLambda)
    let etaPrime = asinh(
      cosPhi * sinLambda / (t * t + cosPhiCosLambda * cosPhiCosLambda).squareRoot())
    let (s, c) = (sin(2 * xiPrime), cos(2 * xiPrime))
    let (sh, ch) = Self.sinhCosh(2 * etaPrime)
    let sum = alpha.sumOfSines(sin2x: s, cos2x: c, sinh2y: sh, cosh2y: ch)
    return (
      falseEasting + scaledRectifyingRadius * (etaPrime + sum.imaginary),
      northingOfEquator + scaledRectifyingRadius * (xiPrime + sum.real)
    )
  }

  /// `inverse(_:)` as the sines and cosines of the latitude and of the longitude relative to the
  /// central meridian, for `CoordinateTransform`'s fused paths.
  @inline(__always)
  func inverseSinCos(
    x: Double, y: Double
  ) -> (sinPhi: Double, cosPhi: Double, sinLambda: Double, cosLambda: Double) {
    let (xiPrime, etaPrime) = conformalSphere(x: x, y: y)
    let sinhEta = sinh(etaPrime)
    let cosXi = cos(xiPrime)
    let r = (sinhEta * sinhEta + cosXi * cosXi).squareRoot()
    let tau = tau(fromConformal: sin(xiPrime) / r)
    guard tau.isFinite else {
      // A pole (r = 0, τ = ±∞): any longitude will do; NaN in, NaN out.
      return tau.isNaN ? (.nan, .nan, .nan, .nan) : (tau < 0 ? -1 : 1, 0, 0, 1)
    }
    let cosPhi = 1 / (1 + tau * tau).squareRoot()
    return (tau * cosPhi, cosPhi, sinhEta / r, cosXi / r)
  }

  /// ξ′ and η′ of Karney's eq. (11) inverted: the Gauss–Krüger coordinates of (x, y) with the
  /// β-series (eq. 36) applied.
  @inline(__always)
  private func conformalSphere(x: Double, y: Double) -> (xi: Double, eta: Double) {
    let xi = (y - northingOfEquator) / scaledRectifyingRadius
    let eta = (x - falseEasting) / scaledRectifyingRadius
    let (sh, ch) = Self.sinhCosh(2 * eta)
    let sum = minusBeta.sumOfSines(sin2x: sin(2 * xi), cos2x: cos(2 * xi), sinh2y: sh, cosh2y: ch)
    return (xi + sum.real, eta + sum.imaginary)
  }

  /// τ = tan φ from τ′ = tan χ (χ the conformal latitude), by Newton's method from τ′/(1 − e²)
  /// (Karney 2011, eqs. 19–21; GeographicLib's `Math::tauf`). Converges to rounding in at most
  /// three steps for the Earth's eccentricity.
  @inline(__always)
  private func tau(fromConformal tauPrime: Double) -> Double {
    let e = eccentricity
    var tau = tauPrime / oneMinusE2
    guard abs(tau) < 1e8 else { return tau }
    let tolerance = 1.5e-9 * max(1, abs(tauPrime))
    for _ in 0..<5 {
      let secant = (1 + tau * tau).squareRoot()
      let sigma = sinh(e * atanh(e * tau / secant))
      let tauPrimeOfTau = tau * (1 + sigma * sigma).squareRoot() - sigma * secant
      let step =
        (tauPrime - tauPrimeOfTau) * (1 + oneMinusE2 * tau * tau)
        / (oneMinusE2 * secant * (1 + tauPrimeOfTau * tauPrimeOfTau).squareRoot())
      tau += step
      if !(abs(step) >= tolerance) { break }
    }
    return tau
  }

  /// sinh x and cosh x from one `expm1`, accurate near 0.
  @inline(__always)
  private static func sinhCosh(_ x: Double) -> (sinh: Double, cosh: Double) {
    let u = expm1(x)
    let ex = 1 + u
    return (u * (2 + u) / (2 * ex), (ex + 1 / ex) / 2)
  }
}

/// Six coefficients c₁…c₆ of a series Σ cⱼ sin(2j ζ) in a complex angle ζ = x + iy.
private struct KruegerCoefficients: Sendable {
  let c1, c2, c3, c4, c5, c6: Double

  init(_ c1: Double, _ c2: Double, _ c3: Double, _ c4: Double, _ c5: Double, _ c6: Double) {
    (self.c1, self.c2, self.c3, self.c4, self.c5, self.c6) = (c1, c2, c3, c4, c5, c6)
  }

  /// Σⱼ cⱼ sin(2j ζ) for ζ = x + iy, given sin 2x, cos 2x, sinh 2y and cosh 2y, by Clenshaw's
  /// recurrence bₖ = cₖ + 2 cos(2ζ) bₖ₊₁ − bₖ₊₂, sum = b₁ sin(2ζ) (Karney 2011, section 6).
  @inline(__always)
  func sumOfSines(
    sin2x: Double, cos2x: Double, sinh2y: Double, cosh2y: Double
  ) -> (real: Double, imaginary: Double) {
    // 2 cos 2ζ = 2 (cos 2x cosh 2y − i sin 2x sinh 2y); sin 2ζ = sin 2x cosh 2y + i cos 2x sinh 2y.
    let ar = 2 * cos2x * cosh2y
    let ai = -2 * sin2x * sinh2y
    var (b1r, b1i, b2r, b2i) = (0.0, 0.0, 0.0, 0.0)
    @inline(__always) func step(_ c: Double) {
      let r = c + ar * b1r - ai * b1i - b2r
      let i = ar * b1i + ai * b1r - b2i
      (b2r, b2i) = (b1r, b1i)
      (b1r, b1i) = (r, i)
    }
    step(c6)
    step(c5)
    step(c4)
    step(c3)
    step(c2)
    step(c1)
    let sr = sin2x * cosh2y
    let si = cos2x * sinh2y
    return (b1r * sr - b1i * si, b1r * si + b1i * sr)
  }
}
