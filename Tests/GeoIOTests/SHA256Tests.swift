import Foundation
import SpatialAnalysis
import TestSupport
import Testing

@testable import GeoIO

/// The implementations this machine can run; both on an x86-64 CPU with the SHA extensions.
private let implementations = SHA256.Implementation.allCases.filter(\.isAvailable)

/// Bytes `(i * 31 + 7) mod 256` for i in 0..<count: the contents of the odd-sized test files.
private func pattern(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) } }

private let sha256sum = "/usr/bin/sha256sum"

@Suite("SHA-256")
struct SHA256Tests {
  @Test("the FIPS 180-4 examples and a million a's", arguments: implementations)
  func knownDigests(implementation: SHA256.Implementation) {
    func hex(_ text: String) -> String { SHA256.hex(Array(text.utf8), implementation: implementation) }
    #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      hex(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
      )
        == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    var hasher = SHA256(implementation: implementation)
    let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
    for _ in 0..<1000 { hasher.update(chunk) }
    #expect(hasher.finalize() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(
      SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000), implementation: implementation)
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("the digest does not depend on how the bytes are split", arguments: [1, 7, 63, 64, 65, 200])
  func pieces(size: Int) {
    let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    for implementation in implementations {
      var hasher = SHA256(implementation: implementation)
      var offset = 0
      while offset < bytes.count {
        hasher.update(Array(bytes[offset..<min(bytes.count, offset + size)]))
        offset += size
      }
      #expect(hasher.finalize() == SHA256.hex(bytes, implementation: implementation))
    }
  }

  @Test("pieces cut at random points give the one-shot digest", arguments: implementations)
  func randomPieces(implementation: SHA256.Implementation) {
    var random = SplitMix64(seed: 23)
    let bytes = (0..<300_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    let whole = SHA256.hex(bytes, implementation: implementation)
    for _ in 0..<20 {
      var hasher = SHA256(implementation: implementation)
      var offset = 0
      bytes.withUnsafeBytes { buffer in
        while offset < buffer.count {
          // Mostly short pieces (inside a block, across one), some long ones (many blocks at once).
          let limit = random.next() % 4 == 0 ? 20_000 : 130
          let end = min(buffer.count, offset + Int(random.next() % UInt64(limit)))
          hasher.update(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
          offset = end
        }
      }
      #expect(hasher.finalize() == whole)
    }
  }

  @Test("the portable and accelerated code agree on every length up to 300 bytes")
  func implementationsAgree() {
    var random = SplitMix64(seed: 5)
    let bytes = (0..<300).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    for count in 0...bytes.count {
      let digests = Set(implementations.map { SHA256.hex(Array(bytes[0..<count]), implementation: $0) })
      #expect(digests.count == 1, "\(count) bytes")
    }
  }

  @Test("the SHA-NI code is what runs on a CPU that lists sha_ni, and portable can be forced")
  func implementationChoice() throws {
    #expect(SHA256(implementation: .portable).implementation == .portable)
    #expect(SHA256().implementation == SHA256.Implementation.fastest)
    #if arch(x86_64) && os(Linux)
      let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
      let hasSHA = cpuinfo.split(separator: "\n").contains { line in
        line.hasPrefix("flags") && line.split(separator: " ").contains("sha_ni")
      }
      #expect(SHA256.Implementation.accelerated.isAvailable == hasSHA)
      #expect(SHA256.Implementation.fastest == (hasSHA ? .accelerated : .portable))
    #endif
    if !SHA256.Implementation.accelerated.isAvailable {
      #expect(SHA256(implementation: .accelerated).implementation == .portable)
    }
  }

  @Test(
    "files: empty, and the sizes around a block's padding boundary",
    arguments: [
      (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      (55, "8aa994584139d128848eeebc4e815639ba5ab6e6e39574195a63ac4f14f7c43b"),
      (56, "ad574708f75c044c9b85de64cb568ee7711ff4f36448c6242f053ba8f6cc2b63"),
      (63, "280ed3e8ff1df845b2e7dfe6ac6cee817bef20e783cc65abc41b818b4d2fe076"),
      (64, "c6ab9724ade5b6a7a1edfffb12f3aa9181351355af8fd08c919952ad211339dd"),
      (65, "788367c73c7ddf4c53f65e68cc0d943e6227ab55b0e78ba63ace822b1c6301c0"),
      (1000, "5097e7d587352f5097062ae679f37bda5802d9f875aba14c8cb4d1a188ada179"),
    ])
  func files(size: Int, expected: String) throws {
    // Expected digests from `sha256sum` over the same bytes.
    let folder = try TemporaryFolder("sha256")
    let path = folder.path("\(size).bin")
    try Data(pattern(size)).write(to: URL(fileURLWithPath: path))
    for implementation in implementations {
      #expect(try SHA256.hex(file: path, implementation: implementation) == expected, "\(implementation)")
    }
  }

  @Test("a small CSV file has sha256sum's digest", arguments: implementations)
  func smallFile(implementation: SHA256.Implementation) throws {
    let folder = try TemporaryFolder("sha256")
    let small = try folder.file("small.csv", "x,y\n1,2\n")
    #expect(
      try SHA256.hex(file: small, implementation: implementation)
        == "81bf9fa83c6f7f151bd491a98cd7d933de3965289e3ebd77c6c425f7eaa16392")
  }

  @Test(
    "a file of several MiB (crossing the 1 MiB reads) has sha256sum's digest",
    .enabled(if: FileManager.default.isExecutableFile(atPath: sha256sum), "\(sha256sum) is absent"))
  func bigFile() throws {
    let folder = try TemporaryFolder("sha256")
    let path = folder.path("big.bin")
    var random = SplitMix64(seed: 1)
    let bytes = (0..<(5 << 20) + 17).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))

    let process = Process()
    process.executableURL = URL(fileURLWithPath: sha256sum)
    process.arguments = [path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let expected = String(decoding: printed.prefix(64), as: UTF8.self)
    #expect(expected.count == 64)

    for implementation in implementations {
      #expect(try SHA256.hex(file: path, implementation: implementation) == expected, "\(implementation)")
      #expect(SHA256.hex(bytes, implementation: implementation) == expected, "\(implementation)")
    }
  }

  @Test("a missing file is fileNotFound, a folder isDirectory")
  func unreadable() throws {
    let folder = try TemporaryFolder("sha256")
    #expect(throws: InputError(file: folder.path("absent.csv"), reason: .fileNotFound)) {
      try SHA256.hex(file: folder.path("absent.csv"))
    }
    #expect(throws: InputError(file: folder.url.path, reason: .isDirectory)) {
      try SHA256.hex(file: folder.url.path)
    }
  }
}
