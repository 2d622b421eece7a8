/// The character encodings a Shapefile's `.dbf` text is read in.
///
/// The `.cpg` file names the encoding (ESRI's convention, read by GDAL and QGIS); without one,
/// byte 29 of the `.dbf` header, the dBASE language driver id, may; without either, the text is
/// read as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise, which is what files written
/// by GDAL (UTF-8) and by older ArcGIS and MapInfo exports (Windows-1252) hold.
public enum CodePage: String, Hashable, Sendable, CustomStringConvertible {
  case utf8 = "UTF-8"
  case latin1 = "ISO-8859-1"
  case windows1252 = "Windows-1252"

  /// The code page a `.cpg` names: `UTF-8`, `UTF8`, `65001`; `ISO-8859-1`, `88591`, `latin1`;
  /// `1252`, `CP1252`, `windows-1252`, `ANSI 1252`. Case, spaces, `-` and `_` are ignored; nil for
  /// any other.
  public init?(cpg text: String) {
    let key = String(
      text.uppercased().unicodeScalars.filter { !" \t\r\n-_".unicodeScalars.contains($0) })
    switch key {
    case "UTF8", "65001": self = .utf8
    case "ISO88591", "88591", "LATIN1", "CP28591", "28591": self = .latin1
    case "1252", "CP1252", "WINDOWS1252", "ANSI1252": self = .windows1252
    default: return nil
    }
  }

  /// The code page a dBASE language driver id names, for the ids that name one Hotspot reads:
  /// 0x03, 0x57, 0x58 and 0x59 (Windows ANSI variants) are Windows-1252. Nil for 0x00 (none) and
  /// for the DOS and other code pages.
  public init?(languageDriver: UInt8) {
    switch languageDriver {
    case 0x03, 0x57, 0x58, 0x59: self = .windows1252
    default: return nil
    }
  }

  /// The code page's name (the raw value): `UTF-8`, `ISO-8859-1` or `Windows-1252`.
  public var description: String { rawValue }

  /// The text of `bytes` in this code page. Invalid UTF-8 is replaced by U+FFFD and makes
  /// `isValid` false; every byte is valid in the two single-byte code pages.
  public func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, isValid: Bool) {
    if bytes.allSatisfy({ $0 < 0x80 }) { return (String(decoding: bytes, as: UTF8.self), true) }
    switch self {
    case .utf8:
      if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
      return (String(decoding: bytes, as: UTF8.self), false)
    case .latin1:
      var scalars = String.UnicodeScalarView()
      for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
      return (String(scalars), true)
    case .windows1252:
      var scalars = String.UnicodeScalarView()
      for byte in bytes {
        if byte >= 0x80 && byte < 0xA0,
          let scalar = Unicode.Scalar(Self.windows1252High[Int(byte) - 0x80])
        {
          scalars.append(scalar)
        } else {
          scalars.append(Unicode.Scalar(byte))
        }
      }
      return (String(scalars), true)
    }
  }

  /// Windows-1252 bytes 0x80–0x9F (WHATWG Encoding Standard, index-windows-1252); the five
  /// bytes Windows leaves undefined map to the C1 controls of the same value, as WHATWG does.
  private static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]
}

/// How the code page of a `.dbf` was decided, so that `inspect` can say it.
public enum CodePageRule: Hashable, Sendable, CustomStringConvertible {
  /// The `.cpg` file names it (its text, trimmed).
  case cpgFile(String)
  /// The `.dbf` header's language driver id names it.
  case languageDriver(UInt8)
  /// No `.cpg` names a code page and the language driver id (given) names none Hotspot reads;
  /// the text is valid UTF-8.
  case assumedUTF8(languageDriver: UInt8)
  /// As `assumedUTF8`, but the text is not valid UTF-8.
  case assumedWindows1252(languageDriver: UInt8)

  /// The rule in words, for `inspect`: e.g. `the .cpg file says UTF-8`, or the language driver id in
  /// hex (`0x57`) and why it was or was not used.
  public var description: String {
    switch self {
    case .cpgFile(let text): "the .cpg file says \(text)"
    case .languageDriver(let id): "the .dbf's language driver id \(Self.hex(id)) (Windows ANSI)"
    case .assumedUTF8(let id):
      "assumed: no code page in a .cpg or the .dbf (language driver id \(Self.hex(id))) and the text is valid UTF-8"
    case .assumedWindows1252(let id):
      "assumed: no code page in a .cpg or the .dbf (language driver id \(Self.hex(id))) and the text is not valid UTF-8"
    }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" : "") + digits
  }
}

/// A code page and the rule that chose it.
public struct CodePageDecision: Hashable, Sendable {
  /// The code page the `.dbf` text (names and values) is decoded in.
  public var codePage: CodePage
  /// The rule that chose `codePage`.
  public var rule: CodePageRule

  /// A decision of `codePage` by `rule`, stored as given.
  public init(codePage: CodePage, rule: CodePageRule) {
    self.codePage = codePage
    self.rule = rule
  }

  /// The code page from, in order: the `.cpg` text (when it names one `CodePage` knows), the
  /// language driver id, and whether the text is valid UTF-8 (asked only when needed).
  public static func decide(
    cpg: String?, languageDriver: UInt8, textIsValidUTF8: () -> Bool
  ) -> CodePageDecision {
    if let cpg, let codePage = CodePage(cpg: cpg) {
      return CodePageDecision(codePage: codePage, rule: .cpgFile(cpg))
    }
    if let codePage = CodePage(languageDriver: languageDriver) {
      return CodePageDecision(codePage: codePage, rule: .languageDriver(languageDriver))
    }
    return textIsValidUTF8()
      ? CodePageDecision(codePage: .utf8, rule: .assumedUTF8(languageDriver: languageDriver))
      : CodePageDecision(
        codePage: .windows1252, rule: .assumedWindows1252(languageDriver: languageDriver))
  }
}
