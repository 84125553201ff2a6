/// The PLZ shortcut of the distance endpoint (geocoding.md §2.3): the first 5-digit number
/// standing alone (word boundaries as Python's `\b`) whose value is 1001–99998.
enum PLZExtraction {
    static func plz(in text: String) -> String? {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index].isASCII, characters[index].isNumber else { index += 1; continue }
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            let standsAlone = (index == 0 || !isWord(characters[index - 1])) && (end == characters.count || !isWord(characters[end]))
            if end - index == 5, standsAlone, let value = Int(String(characters[index..<end])), (1001...99998).contains(value) {
                return String(characters[index..<end])
            }
            index = end
        }
        return nil
    }

    /// Python's `\w`: letters, digits and `_` (Unicode-aware).
    static func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber || character == "_" }
}
