extension JSONReader {
    /// A slug of a closed list; an unknown one names the allowed values.
    public mutating func readVocabulary<V: Vocabulary>(_ type: V.Type) throws(JSONError) -> V {
        let start = valueOffset()
        let raw = try readString()
        guard let value = V(rawValue: raw) else {
            throw error(at: start, "\(V.unknownName) '\(raw)' (toegestaan: \(V.allowedList))")
        }
        return value
    }

    public mutating func readVocabularies<V: Vocabulary>(_ type: V.Type) throws(JSONError) -> [V] {
        try readArray { (reader: inout JSONReader) throws(JSONError) in try reader.readVocabulary(type) }
    }

    public mutating func readDate() throws(JSONError) -> CalendarDate {
        let start = valueOffset()
        let text = try readString()
        do {
            return try CalendarDate.read(iso: text)
        } catch {
            throw self.error(at: start, error.message)
        }
    }

    /// A date, or nil for `null`.
    public mutating func readOptionalDate() throws(JSONError) -> CalendarDate? {
        if readNull() { return nil }
        return try readDate()
    }

    public mutating func readTimestamp() throws(JSONError) -> Timestamp {
        let start = valueOffset()
        let text = try readString()
        guard let timestamp = Timestamp(iso: text) else {
            throw error(at: start, "'\(text)' is geen geldig tijdstip; verwacht JJJJ-MM-DDTUU:MM:SSZ")
        }
        return timestamp
    }

    /// An amount in whole cents, in `Limits.amountCents`.
    public mutating func readMoney() throws(JSONError) -> Money {
        let start = valueOffset()
        let cents: Int64
        do {
            cents = try readInteger()
        } catch where error.message == Self.decimalsMessage {
            throw JSONError(offset: error.offset, message: error.message + " (een bedrag staat in hele centen: 250050 is € 2.500,50)")
        }
        guard cents >= 0 else { throw error(at: start, "een bedrag kan niet negatief zijn") }
        let money = Money(cents: cents)
        guard money.isAccepted else {
            throw error(at: start, "\(money.formatted) is te veel: een bedrag is hoogstens \(Money.maximum.formatted) (\(Limits.amountCents.upperBound) cent)")
        }
        return money
    }

    /// A whole number in `range`.
    public mutating func readInt(in range: ClosedRange<Int>) throws(JSONError) -> Int {
        let start = valueOffset()
        let value = try readInt()
        if let problem = Limits.outside(value, range) { throw error(at: start, problem) }
        return value
    }

    /// A year in `Limits.years`.
    public mutating func readYear() throws(JSONError) -> Int {
        let start = valueOffset()
        let year = try readInt()
        if let problem = Limits.outsideYears(year) { throw error(at: start, problem) }
        return year
    }

    public mutating func readOptionalMoney() throws(JSONError) -> Money? {
        if readNull() { return nil }
        return try readMoney()
    }

    /// A list of ISO 3166-1 alpha-2 codes, in capitals, each one the country table knows.
    public mutating func readCountries() throws(JSONError) -> [Country] {
        try readArray { (reader: inout JSONReader) throws(JSONError) in
            let start = reader.valueOffset()
            let code = try reader.readString()
            guard let country = Country(code: code), country.code == code else {
                throw reader.error(at: start, "onbekende landcode '\(code)' (verwacht twee hoofdletters uit ISO 3166-1, zoals DE of CN)")
            }
            return country
        }
    }

    public mutating func readOptionalString() throws(JSONError) -> String? {
        if readNull() { return nil }
        return try readString()
    }

    /// The error for a member this format does not have.
    public func unknownField(_ key: String) -> JSONError {
        error("onbekend veld '\(key)'")
    }
}

/// The error for a required member that was not there, at the start of the object that lacks it.
func missingField(_ key: String, at offset: Int) -> JSONError {
    JSONError(offset: offset, message: "verplicht veld '\(key)' ontbreekt")
}

/// Unwraps a required member or throws `missingField`.
func required<T>(_ value: T?, _ key: String, at offset: Int) throws(JSONError) -> T {
    guard let value else { throw missingField(key, at: offset) }
    return value
}
