/// The whole risk ranking as one function of the counts: components (`RiskComponents`, declared
/// by `RankComponent`), then the score (`RiskScore`). Fixed inputs (population, harm weights,
/// the hot-spot shares, indicators, weights)
/// are held; the counts are passed in, so resampled counts give a resampled ranking.
///
/// - Parameters:
///   - weights: by component key (`rate`, `harm`, `trend`, `persistence`, `hotspot`) and for
///     indicators by name, else `indicators` shared equally among those not named.
/// - Complexity: that of `RiskComponents` plus `RiskScore`.
///
/// ## Properties
/// - Component order: rate, harm, trend, persistence, hotspot, then the indicators in the order given.
///
/// ## Parity
/// As its parts.
///
/// ## Example
///     let model = RiskModel(population: nil, harmWeights: [1], indicators: [],
///                           weights: ["harm": 1], normalisation: .percentile, groups: nil)
///     model.evaluate(counts).score.ranks
public struct RiskModel: Sendable {
  /// An external measure per area (deprivation, private-rented share…) entered as a component.
  public struct Indicator: Sendable {
    /// The component's key, and the key of its weight in `weights`.
    public var name: String
    /// Whether higher or lower values mean more risk.
    public var direction: RiskScore.Direction
    /// One value per area, nil where missing.
    public var values: [Double?]
    /// An indicator from its parts, stored as given.
    public init(name: String, direction: RiskScore.Direction, values: [Double?]) {
      self.name = name
      self.direction = direction
      self.values = values
    }
  }

  /// The declaration of each component of an evaluation, in its order: `RankComponent.counted`,
  /// then one per indicator.
  public var declarations: [RankComponent] {
    RankComponent.counted + indicators.map { RankComponent.indicator(name: $0.name, direction: $0.direction) }
  }

  /// The components and score of one set of counts.
  public struct Evaluation: Sendable {
    /// Every component, dropped ones included, with its raw values and its unscaled weight.
    public var components: [RiskScore.Component]
    /// Per area, the trend's two-sided p (all nil under 12 months).
    public var trendP: [Double?]
    /// Per area, the months it was in the top fifth by count (all 0 under 2 months).
    public var persistenceMonths: [Int]
    /// Normalised components, scores and ranks.
    public var score: RiskScore.Result
  }

  /// Residents per area (nil where unknown); nil altogether leaves the rate component without values.
  public var population: [Double?]?
  /// Harm weight per category, indexed as `RiskCounts`' categories; must cover every category.
  public var harmWeights: [Double]
  /// External indicators, entered after the count components in this order.
  public var indicators: [Indicator]
  /// Component weights by key (see above); a component with no weight weighs 0 and is dropped.
  public var weights: [String: Double]
  /// How components are scaled before weighting.
  public var normalisation: RiskScore.Normalisation
  /// A group index per area to rank within; nil: one group.
  public var groups: [Int]?
  /// The hot-spot component (`RankComponent.hotspot`): each area's share of the top 5 % of incident
  /// density, from `RiskComponents.densityHotspotShare`, held fixed across resamples; nil leaves the
  /// component without values (dropped).
  public var hotspotShare: [Double?]?

  /// A model from its fixed inputs, stored as given; `hotspotShare` starts nil.
  public init(
    population: [Double?]?, harmWeights: [Double], indicators: [Indicator],
    weights: [String: Double], normalisation: RiskScore.Normalisation, groups: [Int]?
  ) {
    self.population = population
    self.harmWeights = harmWeights
    self.indicators = indicators
    self.weights = weights
    self.normalisation = normalisation
    self.groups = groups
  }

  /// The components of `counts` (rate per 1,000 people), then the score.
  public func evaluate(_ counts: RiskCounts) -> Evaluation {
    let n = counts.areaCount
    let none = [Double?](repeating: nil, count: n)
    let trend = RiskComponents.trend(counts)
    let persistence = RiskComponents.persistence(counts)
    func component(_ declaration: RankComponent, _ values: [Double?]) -> RiskScore.Component {
      RiskScore.Component(
        key: declaration.key, values: values, direction: declaration.direction, weight: weights[declaration.key] ?? 0)
    }
    var components = [
      component(.rate, population.map { RiskComponents.rate(counts, population: $0) } ?? none),
      component(.harm, RiskComponents.harm(counts, weights: harmWeights)),
      component(.trend, trend.ratio),
      component(.persistence, persistence.share),
      component(.hotspot, hotspotShare ?? none),
    ]
    let unnamed = indicators.filter { weights[$0.name] == nil }.count
    for indicator in indicators {
      let weight = weights[indicator.name] ?? (weights["indicators"] ?? 0) / Double(max(1, unnamed))
      components.append(
        RiskScore.Component(
          key: indicator.name, values: indicator.values, direction: indicator.direction, weight: weight))
    }
    precondition(components.prefix(5).map(\.key) == RankComponent.counted.map(\.key))
    let score = RiskScore.compute(components: components, normalisation: normalisation, groups: groups)
    return Evaluation(components: components, trendP: trend.p, persistenceMonths: persistence.months, score: score)
  }
}
