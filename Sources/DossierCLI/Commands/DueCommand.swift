import ArgumentParser
import DossierCore

struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Wat aandacht vraagt: herijkingen van relaties op een laag pitje, vervolgacties die (bijna) verlopen zijn en activiteiten die voorbij zijn maar niet uitgevoerd.",
        discussion: "Dezelfde periode als de signalen in het scherm. Een activiteit die voorbij is vraagt wat ermee gebeurde: zet haar op uitgevoerd of geannuleerd (dossier move; een goedgekeurde gaat via gepland), of geef een idee of voorstel een nieuwe datum (dossier edit --start-date).\nVoorbeeld:\n  dossier due --within 90"
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: ArgumentHelp("Hoeveel dagen vooruit (standaard \(Reminder.defaultLookAheadDays), of \"lookAhead\" in de instellingen, zoals de signalen in het scherm); verlopen zaken staan er altijd bij.", valueName: "dagen"))
    var within: Int?

    @Flag(help: "Uitvoer als JSON; bij een vervolgactie is number wat dossier done neemt (vanaf 1), index telt vanaf 0.")
    var json = false

    func validate() throws {
        try ArgumentValues.number(within, in: Limits.dueWindowDays, option: "--within")
    }

    func run() throws {
        var within = self.within ?? Reminder.defaultLookAheadDays
        if self.within == nil {
            do throws(StoreError) {
                within = try Session.configuration(needing: ["lookAhead"]).lookAheadDays
            } catch {
                throw failure(error)
            }
        }
        let store = try storeOptions.store(forWriting: false)
        let today = Session.clock.today()
        // Where the storage can: only the relations and the activities with something due are read.
        let dossier = try (try? store.loadForReminders(until: today.adding(days: within), today: today)) ?? storeOptions.load(store)
        let reminders = Reminder.all(in: dossier, today: today, within: within)
        if json {
            var writer = JSONWriter()
            writer.beginArray()
            for reminder in reminders {
                writer.element()
                writer.beginObject()
                switch reminder.subject {
                case .review(let id):
                    writer.field("type", "herijking")
                    writer.field("relation", id)
                case let .followUp(id, index):
                    writer.field("type", "vervolgactie")
                    writer.field("activity", id)
                    writer.field("index", index)
                    // What `done ACTIVITEIT N` takes (counted from 1, as show lists them); index counts from 0.
                    writer.field("number", index + 1)
                case .outcome(let id):
                    writer.field("type", "afloop")
                    writer.field("activity", id)
                }
                writer.field("date", reminder.date.iso)
                writer.field("overdue", reminder.isOverdue(on: today))
                writer.field("title", reminder.title)
                writer.field("name", reminder.subjectName)
                writer.optionalField("detail", reminder.detail)
                writer.endObject()
            }
            writer.endArray()
            writer.finishDocument()
            Output.document(writer.bytes)
            return
        }
        if reminders.isEmpty {
            Output.line("Niets dat binnen \(count(within, "dag", "dagen")) aandacht vraagt.")
            return
        }
        var table = TextTable([.init(title: "DATUM", keepsWhole: true), .init(title: ""), .init(title: "WAT"), .init(title: "BIJ")])
        let dates = Session.dates
        for reminder in reminders {
            let label = reminder.isOverdue(on: today) ? "VERLOPEN" : reminder.isDue(on: today) ? "VANDAAG" : ""
            table.append([dates.date(reminder.date), label, reminder.title, reminder.subjectName])
        }
        Output.line(table.render(width: Output.width))
    }
}
