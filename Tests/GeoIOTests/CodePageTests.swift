import Testing

@testable import GeoIO

@Suite("Shapefile code pages")
struct CodePageTests {
  @Test("the .cpg names read, in any case and spacing")
  func cpgNames() {
    let names: [(String, CodePage?)] = [
      ("UTF-8", .utf8), ("utf8", .utf8), ("65001", .utf8),
      ("ISO-8859-1", .latin1), ("88591", .latin1), ("latin1", .latin1), ("ISO 8859_1", .latin1),
      ("1252", .windows1252), ("CP1252", .windows1252), ("windows-1252", .windows1252),
      ("ANSI 1252", .windows1252),
      ("ANSI 1251", nil), ("", nil), ("UTF-16", nil),
    ]
    for (name, expected) in names {
      #expect(CodePage(cpg: name) == expected, "\(name)")
    }
  }

  @Test("language driver ids: the Windows ANSI ones are Windows-1252; 0x00 and others name none")
  func languageDrivers() {
    #expect(CodePage(languageDriver: 0x57) == .windows1252)
    #expect(CodePage(languageDriver: 0x03) == .windows1252)
    #expect(CodePage(languageDriver: 0x00) == nil)
    #expect(CodePage(languageDriver: 0x26) == nil)
  }

  @Test("decoding: Latin-1 byte for byte, Windows-1252 with its 0x80–0x9F, UTF-8 strictly")
  func decoding() {
    let bytes: ArraySlice<UInt8> = [0x4D, 0xF4, 0x6E, 0x80, 0x92, 0x81]
    #expect(CodePage.latin1.decode(bytes).text == "Môn\u{80}\u{92}\u{81}")
    #expect(CodePage.windows1252.decode(bytes).text == "Môn€’\u{81}")
    let utf8 = CodePage.utf8.decode(bytes)
    #expect(!utf8.isValid)
    let valid = CodePage.utf8.decode(ArraySlice("Môn".utf8))
    #expect(valid.text == "Môn" && valid.isValid)
    #expect(CodePage.windows1252.decode([]).text == "")
  }

  @Test("the decision: .cpg first, then the language driver, then the bytes")
  func decision() {
    #expect(
      CodePageDecision.decide(cpg: "latin1", languageDriver: 0x57) { true }
        == CodePageDecision(codePage: .latin1, rule: .cpgFile("latin1")))
    #expect(
      CodePageDecision.decide(cpg: "KOI8-R", languageDriver: 0x57) { true }
        == CodePageDecision(codePage: .windows1252, rule: .languageDriver(0x57)))
    #expect(
      CodePageDecision.decide(cpg: nil, languageDriver: 0) { true }
        == CodePageDecision(codePage: .utf8, rule: .assumedUTF8(languageDriver: 0)))
    #expect(
      CodePageDecision.decide(cpg: nil, languageDriver: 0x26) { false }
        == CodePageDecision(codePage: .windows1252, rule: .assumedWindows1252(languageDriver: 0x26))
    )
    #expect(
      CodePageRule.assumedWindows1252(languageDriver: 0).description
        == "assumed: no code page in a .cpg or the .dbf (language driver id 0x00) and the text is not valid UTF-8"
    )
  }
}
