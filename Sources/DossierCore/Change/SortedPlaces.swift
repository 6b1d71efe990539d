/// Arithmetic on ascending lists of places in a list (what a change removed or inserted), by binary search.
public enum SortedPlaces {
    /// How many of the ascending `places` are below `place`.
    public static func count(below place: Int, in places: [Int]) -> Int {
        var low = 0, high = places.count
        while low < high {
            let middle = (low + high) / 2
            if places[middle] < place { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The place in a list of the entity that is at `position` once the ascending places `removed` are taken out of
    /// it: the smallest place whose count of kept places before and at it exceeds `position`.
    public static func keptPlace(_ position: Int, amid removed: [Int]) -> Int {
        var low = position, high = position + removed.count
        while low < high {
            let middle = (low + high) / 2
            if middle - count(below: middle + 1, in: removed) >= position { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
