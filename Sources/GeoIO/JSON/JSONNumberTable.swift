/// A flat JSON object of names to numbers, `{"Anti-social behaviour": 1, "Violence": 3}`, read in
/// file order: the small configuration files of `rank` (harm weights, component weights).
///
/// ## Properties
/// - Members come back in file order; a repeated name is an error naming it.
/// - Any value other than a finite number is an error naming the member.
public enum JSONNumberTable {
  /// Reads the object in the file at `path`.
  public static func read(file path: String) throws(InputError) -> [(name: String, value: Double)] {
    let bytes = try readWholeFile(path)
    return try read(bytes: bytes, name: path)
  }

  /// Reads the object held in `bytes`; `name` is the file name errors give.
  public static func read(bytes: [UInt8], name: String) throws(InputError) -> [(name: String, value: Double)] {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(InputError) -> [(name: String, value: Double)] in
        var scanner = JSONScanner(bytes: buffer, file: name)
        guard !scanner.isAtEnd() else { throw InputError(file: name, reason: .emptyFile) }
        let kind = try scanner.peekValue()
        guard kind == .object else {
          throw InputError(
            file: name, reason: .wrongType(expected: "an object of names to numbers", found: kind.description))
        }
        var members: [(name: String, value: Double)] = []
        var seen: Set<String> = []
        if try scanner.beginObject() {
          repeat {
            let key = scanner.string(try scanner.readKey())
            let valueKind = try scanner.peekValue()
            guard valueKind == .number else {
              throw InputError(
                file: name, field: key, reason: .wrongType(expected: "a number", found: valueKind.description))
            }
            let value = try scanner.readNumber()
            guard value.isFinite else { throw InputError(file: name, field: key, reason: .notANumber(String(value))) }
            guard seen.insert(key).inserted else {
              throw InputError(file: name, field: key, reason: .other("the name appears twice"))
            }
            members.append((key, value))
          } while try scanner.nextMember()
        }
        try scanner.expectEnd()
        return members
      }
    }
    return try result.get()
  }
}
