import PolsoYAML

/// Header patterns of mapping files: `*` any run of characters, `?` one character, every other
/// character itself, ignoring case; the whole text must match.
package enum Glob {
    package static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.lowercased()), t = Array(text.lowercased())
        var pi = 0, ti = 0
        var star: Int? = nil, resume = 0
        while ti < t.count {
            if pi < p.count, p[pi] == "?" || p[pi] == t[ti] {
                pi += 1; ti += 1
            } else if pi < p.count, p[pi] == "*" {
                star = pi; resume = ti; pi += 1
            } else if let s = star {
                pi = s + 1; resume += 1; ti = resume
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == "*" { pi += 1 }
        return pi == p.count
    }
}
