import PolsoYAML

/// The faces accepted as answers on emoticon scales, lowest point first; the first face of each
/// point is its default label.
package enum EmoticonFaces {
    /// The faces of each point of an `n`-face scale (3 or 5), or `nil` for another count.
    package static func faces(count: Int) -> [[String]]? {
        switch count {
        case 3: return [sad + angry, neutral, happy + veryHappy]
        case 5: return [angry, sad, neutral, happy, veryHappy]
        default: return nil
        }
    }

    private static let angry = ["😠", "😡", ">:("]
    private static let sad = ["☹️", "☹", "🙁", "😞", "😟", ":(", ":-("]
    private static let neutral = ["😐", "😶", ":|", ":-|"]
    private static let happy = ["🙂", "😊", ":)", ":-)"]
    private static let veryHappy = ["😀", "😃", "😄", ":D", ":-D"]
}
