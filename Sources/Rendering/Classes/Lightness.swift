import Foundation

extension Palette {
  /// The CIE 1976 lightness L* (0 black … 100 white) of an sRGB colour `#rrggbb`, or nil for
  /// anything else: each channel linearised by the sRGB transfer function (IEC 61966-2-1), the
  /// relative luminance Y = 0.2126 R + 0.7152 G + 0.0722 B (D65 white), then
  /// L* = 116 f(Y) − 16 with f(Y) = ∛Y above (6/29)³ and Y·(29/6)²/3 + 4/29 below.
  /// Greyscale printing keeps roughly this lightness, so two fills whose L* differ by less than
  /// about 10 print as the same grey.
  public static func lightness(_ colour: String) -> Double? {
    let digits = Array(colour.utf8)
    guard digits.count == 7, digits[0] == UInt8(ascii: "#") else { return nil }
    var channels: [Double] = []
    for start in stride(from: 1, to: 7, by: 2) {
      guard let value = UInt8(String(decoding: digits[start..<start + 2], as: UTF8.self), radix: 16) else {
        return nil
      }
      let c = Double(value) / 255
      channels.append(c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4))
    }
    let y = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    let epsilon = 216.0 / 24389
    let f = y > epsilon ? cbrt(y) : (24389.0 / 27 * y + 16) / 116
    return 116 * f - 16
  }
}
