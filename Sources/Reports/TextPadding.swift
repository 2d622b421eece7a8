extension String {
  /// The string padded with spaces on the right to `length` characters (unchanged if longer), for
  /// the aligned label columns of summaries.
  func padded(to length: Int) -> String {
    count >= length ? self : self + String(repeating: " ", count: length - count)
  }
}
