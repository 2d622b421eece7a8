import GeoCore

/// Reads incident dates straight from bytes, without building a `String`.
///
/// Accepted forms (surrounding spaces and tabs are ignored):
/// - `YYYY-MM`: known to the month (police.uk's `Month`);
/// - `YYYY-MM-DD`: known to the day;
/// - ISO 8601 date-times: `YYYY-MM-DDTHH:MM`, with optional `:SS` and fraction, `T`, `t` or a space
///   between date and time, and an optional `Z` or offset (`+01:00`, `+0100`, `+01`). The date is
///   taken as written: no time-zone shifting, so `2024-03-05T23:30:00-02:00` is 5 March (the day
///   the local clock showed where the incident happened);
/// - `DD/MM/YYYY` and `D/M/YYYY`: UK day-first order, optionally followed by a space and a time
///   `HH:MM` or `HH:MM:SS` (as spreadsheets export it);
/// - months as spreadsheets save them, known to the month: `MM/YYYY` or `M/YYYY` (`11/2020`), and
///   a month name, full or of three letters (`Sept` too, any case), then `-`, a space or nothing,
///   then the year: `Nov-20`, `Nov 2020`, `November 2020`. A two-digit year follows the
///   spreadsheet rule: 00–29 are 2000–2029, 30–99 are 1930–1999. (`20-Nov`, a day and month
///   without a year, is not a date.)
///
/// Anything else is not a date, nor is an impossible one (`2024-02-30`, `2023-13`, hour 25).
/// Years run 1000–9999 (`IncidentDate`'s range).
enum DateParsing {
  /// The date written in `bytes`, or nil. O(length).
  static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> IncidentDate? {
    if bytes.count == 7, let p = bytes.baseAddress, p[4] == UInt8(ascii: "-") {
      // `YYYY-MM` (police.uk's Month), the most common form, without the general walk.
      let d0 = Int(p[0] &- 48)
      let d1 = Int(p[1] &- 48)
      let d2 = Int(p[2] &- 48)
      let d3 = Int(p[3] &- 48)
      let m0 = Int(p[5] &- 48)
      let m1 = Int(p[6] &- 48)
      if d0 < 10 && d1 < 10 && d2 < 10 && d3 < 10 && m0 < 10 && m1 < 10 {
        return IncidentDate(year: d0 * 1000 + d1 * 100 + d2 * 10 + d3, month: m0 * 10 + m1)
      }
    }
    var from = 0
    var to = bytes.count
    while from < to && isSpace(bytes[from]) { from += 1 }
    while to > from && isSpace(bytes[to - 1]) { to -= 1 }
    let n = to - from
    guard n >= 5 else { return nil }
    let text = UnsafeBufferPointer(rebasing: bytes[from..<to])
    if isLetter(text[0]) { return namedMonth(text) }
    if n >= 7 && text[4] == UInt8(ascii: "-") { return iso(text) }
    if let month = monthSlashYear(text) { return month }
    return n >= 7 ? dayFirst(text) : nil
  }

  /// The English month names, lowercased, January first.
  private static let monthNames = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  ]

  /// A month as spreadsheets write it: a month name (`Nov`, `Sept` or `November`, any case), then
  /// `-`, a space or nothing, then a four-digit year or a two-digit one (`Nov-20`: 00–29 are
  /// 2000–2029 and 30–99 are 1930–1999, the spreadsheet rule). Known to the month.
  private static func namedMonth(_ t: UnsafeBufferPointer<UInt8>) -> IncidentDate? {
    var i = 0
    var name = ""
    while i < t.count && isLetter(t[i]) {
      name.unicodeScalars.append(Unicode.Scalar(t[i] | 0x20))
      i += 1
    }
    guard name.count >= 3,
      let month = monthNames.firstIndex(where: {
        $0 == name || ($0.hasPrefix(name) && (name.count == 3 || name == "sept"))
      })
    else { return nil }
    if i < t.count && (t[i] == UInt8(ascii: "-") || t[i] == UInt8(ascii: " ")) { i += 1 }
    let rest = t.count - i
    guard rest == 2 || rest == 4, let year = digits(t, i, rest) else { return nil }
    let fullYear = rest == 4 ? year : (year < 30 ? 2000 + year : 1900 + year)
    return IncidentDate(year: fullYear, month: month + 1)
  }

  /// `M/YYYY` or `MM/YYYY`: a month and year (the day-first order without a day). Known to the month.
  private static func monthSlashYear(_ t: UnsafeBufferPointer<UInt8>) -> IncidentDate? {
    var i = 0
    guard let month = shortNumber(t, &i), i < t.count, t[i] == UInt8(ascii: "/"), t.count - i - 1 == 4,
      let year = digits(t, i + 1, 4)
    else { return nil }
    return IncidentDate(year: year, month: month)
  }

  @inline(__always)
  private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- UInt8(ascii: "a") < 26 }

  /// Convenience for tests and small inputs.
  static func date(_ text: String) -> IncidentDate? {
    var text = text
    return text.withUTF8 { date($0) }
  }

  /// `YYYY-MM`, `YYYY-MM-DD` or an ISO 8601 date-time.
  private static func iso(_ t: UnsafeBufferPointer<UInt8>) -> IncidentDate? {
    guard let year = digits(t, 0, 4), let month = digits(t, 5, 2) else { return nil }
    if t.count == 7 { return IncidentDate(year: year, month: month) }
    guard t.count >= 10, t[7] == UInt8(ascii: "-"), let day = digits(t, 8, 2) else { return nil }
    if t.count > 10 {
      let separator = t[10]
      guard
        separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
          || separator == UInt8(ascii: " "),
        isTime(t, from: 11, allowZone: true)
      else { return nil }
    }
    return IncidentDate(year: year, month: month, day: day)
  }

  /// `D/M/YYYY` with one or two digits for day and month, and an optional ` HH:MM[:SS]`.
  private static func dayFirst(_ t: UnsafeBufferPointer<UInt8>) -> IncidentDate? {
    var i = 0
    guard let day = shortNumber(t, &i), i < t.count, t[i] == UInt8(ascii: "/") else { return nil }
    i += 1
    guard let month = shortNumber(t, &i), i < t.count, t[i] == UInt8(ascii: "/") else { return nil }
    i += 1
    guard let year = digits(t, i, 4) else { return nil }
    i += 4
    if i < t.count {
      guard t[i] == UInt8(ascii: " "), isTime(t, from: i + 1, allowZone: false) else { return nil }
    }
    return IncidentDate(year: year, month: month, day: day)
  }

  /// True when `t[from...]` is exactly `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`, followed, when
  /// `allowZone`, by nothing, `Z` or an offset `±HH`, `±HHMM` or `±HH:MM`.
  private static func isTime(_ t: UnsafeBufferPointer<UInt8>, from: Int, allowZone: Bool) -> Bool {
    var i = from
    guard let hour = digits(t, i, 2), hour < 24, i + 2 < t.count, t[i + 2] == UInt8(ascii: ":"),
      let minute = digits(t, i + 3, 2), minute < 60
    else { return false }
    i += 5
    if i < t.count && t[i] == UInt8(ascii: ":") {
      guard let second = digits(t, i + 1, 2), second <= 60 else { return false }
      i += 3
      if i < t.count && (t[i] == UInt8(ascii: ".") || t[i] == UInt8(ascii: ",")) {
        i += 1
        let fractionStart = i
        while i < t.count && isDigit(t[i]) { i += 1 }
        guard i > fractionStart else { return false }
      }
    }
    if i == t.count { return true }
    guard allowZone else { return false }
    if t[i] | 0x20 == UInt8(ascii: "z") { return i + 1 == t.count }
    guard t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-"),
      let offsetHours = digits(t, i + 1, 2), offsetHours < 24
    else { return false }
    i += 3
    if i == t.count { return true }
    if t[i] == UInt8(ascii: ":") { i += 1 }
    guard let offsetMinutes = digits(t, i, 2), offsetMinutes < 60 else { return false }
    return i + 2 == t.count
  }

  /// The value of exactly `count` decimal digits at `t[at...]`, or nil.
  @inline(__always)
  private static func digits(_ t: UnsafeBufferPointer<UInt8>, _ at: Int, _ count: Int) -> Int? {
    guard at >= 0, at + count <= t.count else { return nil }
    var value = 0
    for i in at..<(at + count) {
      guard isDigit(t[i]) else { return nil }
      value = value * 10 + Int(t[i] &- 48)
    }
    return value
  }

  /// One or two digits at `t[i...]`, advancing `i` past them.
  private static func shortNumber(_ t: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Int? {
    let start = i
    var value = 0
    while i < t.count && i - start < 2 && isDigit(t[i]) {
      value = value * 10 + Int(t[i] &- 48)
      i += 1
    }
    return i > start ? value : nil
  }

  @inline(__always)
  private static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

  @inline(__always)
  private static func isSpace(_ c: UInt8) -> Bool {
    c == UInt8(ascii: " ") || c == UInt8(ascii: "\t")
  }
}
