/// The activities a query selects as `dossier activities --json` writes them: a pretty JSON array in list
/// order, each activity as `Activity.write` writes it. `ActivityListing` gives the same bytes from the
/// snapshot without the whole dossier.
public enum ActivitiesJSON {
    /// Handed to `output` in pieces of about `piece` bytes: no sorted copy of the activities and no whole
    /// document in memory.
    public static func write(_ query: ActivityQuery, of dossier: Dossier, piece: Int, to output: ([UInt8]) -> Void) {
        var writer = JSONWriter(reservingCapacity: piece * 2)
        writer.beginArray()
        let positions = query.positions(in: dossier.activities)
        dossier.activities.withUnsafeBufferPointer { activities in
            for position in positions {
                writer.element()
                activities[position].write(to: &writer)
                if writer.bytes.count >= piece { output(writer.takeBytes()) }
            }
        }
        writer.endArray()
        writer.finishDocument()
        output(writer.takeBytes())
    }
}
