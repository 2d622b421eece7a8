/// CSV text as bytes (RFC 4180 quoting, LF line ends as police.uk writes them), built row by row.
///
/// `Rendering.CSVTable` is for tables people open in spreadsheets (CRLF, formula escaping); the
/// sample's files copy the layouts of the sources they stand in for, so they are written here.
/// Every field is text already formatted (numbers through `NumberText`).
struct CSVText {
  private(set) var bytes: [UInt8] = []

  init() {
    bytes.reserveCapacity(1 << 16)
  }

  /// Appends one record; a field holding a comma, a quote or a line break is quoted, quotes doubled.
  mutating func row(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      let needsQuotes = field.utf8.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
      }
      if needsQuotes {
        bytes.append(UInt8(ascii: "\""))
        for byte in field.utf8 {
          if byte == UInt8(ascii: "\"") { bytes.append(byte) }
          bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.append(contentsOf: field.utf8)
      }
    }
    bytes.append(10)
  }
}
