/// Whether an intervention pushed incidents into the surrounding area (displacement) or reduced
/// them there too (diffusion of benefit): the Weighted Displacement Quotient of Bowers & Johnson
/// (2003, "Measuring the geographical displacement and diffusion of benefit effects of crime
/// prevention activity", J. Quant. Criminol. 19: 275–301), with the total net effect of Guerette
/// (2009, *Analyzing Crime Displacement and Diffusion*, POP Center Tool Guide 10, appendices B–C).
///
/// With R the target (response) area, D the buffer around it, C the comparison (control) area,
/// b before and a after:
/// - success measure   S = Ra/Ca − Rb/Cb (negative: the target fell relative to the comparison);
/// - buffer measure    B = Da/Ca − Db/Cb (positive: the buffer rose relative to the comparison);
/// - WDQ = B / S;
/// - total net effect  TNE = [Rb·(Ca/Cb) − Ra] + [Db·(Ca/Cb) − Da], incidents prevented in target
///   and buffer together beyond the comparison's trend (negative: more incidents).
///
/// Reading the WDQ (Guerette 2009, appendix C): above 1, diffusion of benefit larger than the
/// direct effect; 0 to 1, diffusion of benefit; 0, neither; −1 to 0, displacement smaller than the
/// direct effect (a net benefit remains); below −1, displacement larger than the direct effect.
/// Displacement can only be attributed to an intervention that worked, so the WDQ is not read
/// when S ≥ 0 (Bowers & Johnson 2003).
///
/// The periods' lengths cancel in every term, since each divides counts of the same period.
/// The quotient has no sampling distribution of its own; read it with the buffer's own change
/// against the comparison (`RelativeChange`).
public struct DisplacementQuotient: Hashable, Sendable {
  /// What the quotient says, in the bands of Guerette (2009, appendix C).
  public enum Reading: String, Hashable, Sendable {
    case diffusionExceedingEffect = "diffusion of benefit larger than the direct effect"
    case diffusion = "diffusion of benefit: the buffer improved too"
    case neither = "neither displacement nor diffusion of benefit"
    case displacement = "displacement smaller than the direct effect: a net benefit remains"
    case displacementExceedingEffect = "displacement larger than the direct effect: no net benefit"
    case noDirectEffect = "the target did not fall relative to the comparison, so the WDQ does not apply"
    case undefined = "the comparison area has no incident in a period: the WDQ is undefined"
  }

  /// Ra/Ca − Rb/Cb; nil when the comparison has no incident in a period.
  public let successMeasure: Double?
  /// Da/Ca − Db/Cb; nil when the comparison has no incident in a period.
  public let bufferMeasure: Double?
  /// B/S when S < 0, else nil.
  public let quotient: Double?
  /// Incidents prevented in target and buffer beyond the comparison's trend; nil when Cb = 0.
  public let totalNetEffect: Double?
  /// The band the quotient falls in (`.noDirectEffect` when S ≥ 0, `.undefined` when Cb or Ca is 0).
  public let reading: Reading

  /// - Parameters: counts ≥ 0 of the target (R), buffer (D) and comparison (C) before and after.
  public init(
    targetBefore rb: Int, targetAfter ra: Int, bufferBefore db: Int, bufferAfter da: Int,
    comparisonBefore cb: Int, comparisonAfter ca: Int
  ) {
    precondition([rb, ra, db, da, cb, ca].allSatisfy { $0 >= 0 })
    if cb > 0 {
      let trend = Double(ca) / Double(cb)
      totalNetEffect = (Double(rb) * trend - Double(ra)) + (Double(db) * trend - Double(da))
    } else {
      totalNetEffect = nil
    }
    guard cb > 0, ca > 0 else {
      successMeasure = nil
      bufferMeasure = nil
      quotient = nil
      reading = .undefined
      return
    }
    let success = Double(ra) / Double(ca) - Double(rb) / Double(cb)
    let buffer = Double(da) / Double(ca) - Double(db) / Double(cb)
    successMeasure = success
    bufferMeasure = buffer
    guard success < 0 else {
      quotient = nil
      reading = .noDirectEffect
      return
    }
    let wdq = buffer / success
    quotient = wdq
    reading =
      if wdq > 1 { .diffusionExceedingEffect } else if wdq > 0 { .diffusion } else if wdq == 0 {
        .neither
      } else if wdq >= -1 { .displacement } else { .displacementExceedingEffect }
  }
}
