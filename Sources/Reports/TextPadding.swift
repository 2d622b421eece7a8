extension String {
  /// The string padded with spaces on the right to `length` characters (unchanged if longer).
  func padding(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
