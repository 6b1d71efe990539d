/// The fields of one kind of entity, in the order forms and documents show them.
public struct FieldTable<Entity: Sendable>: Sendable {
    public let fields: [EntityField<Entity>]
    /// How the entity is called in messages ("relatie").
    public let entityName: String

    public init(_ entityName: String, _ fields: [EntityField<Entity>]) {
        self.entityName = entityName
        self.fields = fields
    }

    public func field(_ key: String) -> EntityField<Entity>? {
        fields.first { $0.key == key }
    }

    /// The field for a command-line option (without the dashes).
    public func field(option: String) -> EntityField<Entity>? {
        fields.first { $0.option == option }
    }

    /// The date `field` lies after (an end date's start date): as read among `values` (the other fields typed with it), else
    /// as `entity` (the record being edited) has it; nil for a field that lies after none, or when that date is not known.
    public func start(of field: EntityField<Entity>, among values: [(field: EntityField<Entity>, value: FieldValue)], in entity: Entity?) -> CalendarDate? {
        guard let key = field.after, let other = self.field(key) else { return nil }
        if values.contains(where: { $0.field.key == key }) { return date(key, among: values) }
        return entity.flatMap { try? FieldCast.date(other.value(of: $0)) }
    }

    /// The date field `key` has among `values` (read from a form or options); nil when it is not there, empty or no date.
    public func date(_ key: String, among values: [(field: EntityField<Entity>, value: FieldValue)]) -> CalendarDate? {
        values.first { $0.field.key == key }.flatMap { try? FieldCast.date($0.value) }
    }

    /// The edits that turn `old` into `new`, in table order; fields outside the table are not compared.
    public func edits(from old: Entity, to new: Entity) -> [FieldEdit] {
        fields.compactMap { field in
            let before = field.value(of: old), after = field.value(of: new)
            return before == after ? nil : FieldEdit(field: field.key, old: before, new: after)
        }
    }

    /// The edit that gives a field a new value, or nil when it has that value already.
    public func edit(_ key: String, to value: FieldValue, in entity: Entity) -> FieldEdit? {
        guard let field = field(key) else { return nil }
        let current = field.value(of: entity)
        return current == value ? nil : FieldEdit(field: key, old: current, new: value)
    }

    /// Applies edits: first checks every edit's field and `old` value against the entity as it is (a
    /// changed value is a conflict: someone else edited it meanwhile), then sets the new values in order.
    public func apply(_ edits: [FieldEdit], to entity: inout Entity, in dossier: Dossier) throws(ChangeError) {
        guard !edits.isEmpty else { throw ChangeError(.invalid, "geen velden om te wijzigen") }
        var seen = Set<String>()
        for edit in edits {
            guard let field = field(edit.field) else {
                throw ChangeError(.invalid, "onbekend veld '\(edit.field)' van een \(entityName); bekend: \(fields.map(\.key).joined(separator: ", "))",
                                  field: edit.field)
            }
            guard seen.insert(edit.field).inserted else {
                throw ChangeError(.invalid, "het veld '\(edit.field)' staat twee keer in één wijziging", field: edit.field)
            }
            let current = field.value(of: entity)
            // Empty is empty: a change written by hand may say null where the journal says "" (or []).
            guard current == edit.old || (current.isEmpty && edit.old.isEmpty) else {
                throw ChangeError(.conflict, "\(field.label) is intussen gewijzigd: nu \(field.show(current, in: dossier)), "
                                  + "niet meer \(field.show(edit.old, in: dossier))" + ChangeError.lookAgain, field: edit.field)
            }
        }
        for edit in edits {
            guard let field = field(edit.field) else { continue }
            do {
                try field.set(edit.new, in: &entity)
            } catch {
                throw ChangeError(.invalid, "\(field.label): \(error.message)", field: edit.field)
            }
        }
    }

    /// "Geraamde kosten: € 2.500,00 → € 3.000,00"; an unknown field by its key.
    public func describe(_ edit: FieldEdit, in dossier: Dossier) -> String {
        if let field = field(edit.field) { return field.describe(edit, in: dossier) }
        return "\(edit.field): \(FieldCast.string(edit.old)) → \(FieldCast.string(edit.new))"
    }
}
