import Foundation
import PolsoServer
import Testing

@Suite("Passwords: bcrypt at cost 12 at least")
struct PasswordHasherTests {
    @Test("The default cost is 12, a lower one is raised to it, and a hash verifies only its own password")
    func cost() throws {
        #expect(PasswordHasher().cost == 12)
        #expect(PasswordHasher(cost: 10).cost == 12)
        let hasher = PasswordHasher()
        let start = Date()
        let hash = try hasher.hash("correct horse battery staple")
        let seconds = Date().timeIntervalSince(start)
        // "$2b$12$" + 22 characters of salt + 31 of hash.
        #expect(hash.hasPrefix("$2b$12$"))
        #expect(hash.count == 60)
        #expect(hasher.verify("correct horse battery staple", hash: hash))
        #expect(!hasher.verify("correct horse battery stapl", hash: hash))
        #expect(try hasher.hash("correct horse battery staple") != hash)  // a fresh salt each time
        // Slow enough to make guessing expensive, fast enough for a sign-in (the debug build is slower than release).
        #expect(seconds > 0.05 && seconds < 10, "cost 12 took \(seconds) s")
        print("bcrypt cost 12: \(String(format: "%.3f", seconds)) s per hash")
    }

    @Test("Passwords under 12 characters or over bcrypt's 72 bytes are refused, not cut")
    func rules() {
        let hasher = PasswordHasher(testingCost: 4)
        #expect(throws: PasswordError.self) { try hasher.hash("short") }
        #expect(throws: PasswordError.self) { try hasher.hash(String(repeating: "è", count: 40)) }  // 80 bytes
        #expect((try? hasher.hash(String(repeating: "a", count: 72))) != nil)
    }
}
