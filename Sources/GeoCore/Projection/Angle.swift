/// Degree ⇄ radian factors and the arcsecond, shared by the projection code.
enum Angle {
  static let radiansPerDegree = Double.pi / 180
  static let degreesPerRadian = 180 / Double.pi
  static let radiansPerArcsecond = Double.pi / (180 * 3600)
}
