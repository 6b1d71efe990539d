#if PostgreSQL
import DossierCore
import PostgresNIO

/// The tables of a dossier in PostgreSQL, versioned like the file format: `dossier db init` creates them and
/// brings an older schema up to date, step by step; a newer one is refused.
///
/// - `dossier_meta`: the schema version and the dossier's lineage.
/// - `dossier_changes`: the log, append-only (a trigger refuses UPDATE and DELETE): per change its number, an
///   id that makes a retry after a lost answer harmless, the time, who (the configured name) and the
///   database role (set by the server, so a configuration file cannot forge it), the summary, and the
///   journal entry itself as the file's journal holds it (with its lineage and checksum chain).
/// - `dossier_snapshots`: compacted snapshots with the number of the last change they hold; the newest is
///   the dossier's snapshot, the older ones are its backups.
/// - `dossier_list_index`: the lists of the start screen for the dossier at one change (`ListIndex`), so that
///   a large dossier's first screen need not wait for the whole snapshot; a cache, like the file's side index.
///   Since version 2 with the list's digest, for the copy a computer keeps of it (`PostgresListCache`).
public enum PostgresSchema {
    public static let currentVersion = 2

    /// The statements that make version `version` out of the version before it.
    static func steps(to version: Int) -> [PostgresQuery] {
        switch version {
        case 1:
            return [
                "CREATE TABLE IF NOT EXISTS dossier_meta (key text PRIMARY KEY, value text NOT NULL)",
                """
                CREATE TABLE dossier_changes (
                    seq bigint PRIMARY KEY CHECK (seq > 0),
                    change_id text NOT NULL UNIQUE,
                    recorded_at timestamptz NOT NULL DEFAULT now(),
                    db_role name NOT NULL DEFAULT current_user,
                    actor text NOT NULL,
                    summary text NOT NULL,
                    entry text NOT NULL,
                    checksum text NOT NULL
                )
                """,
                """
                CREATE FUNCTION dossier_changes_role() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN NEW.db_role := current_user; RETURN NEW; END $$
                """,
                """
                CREATE TRIGGER dossier_changes_role BEFORE INSERT ON dossier_changes
                FOR EACH ROW EXECUTE FUNCTION dossier_changes_role()
                """,
                """
                CREATE FUNCTION dossier_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'het logboek van dossier wordt alleen aangevuld, nooit gewijzigd'; END $$
                """,
                """
                CREATE TRIGGER dossier_changes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON dossier_changes
                FOR EACH STATEMENT EXECUTE FUNCTION dossier_changes_append_only()
                """,
                """
                CREATE TABLE dossier_snapshots (
                    id bigserial PRIMARY KEY,
                    seq bigint NOT NULL CHECK (seq >= 0),
                    name text NOT NULL UNIQUE,
                    written_at timestamptz NOT NULL DEFAULT now(),
                    body text NOT NULL
                )
                """,
                "CREATE INDEX dossier_snapshots_seq ON dossier_snapshots (seq DESC, id DESC)",
                // Snapshots are large and read whole: no compression on the way.
                "ALTER TABLE dossier_snapshots ALTER COLUMN body SET STORAGE EXTERNAL",
                // What the start screen and `dossier relations` show, for the dossier at change `seq`: a cache,
                // believed only when `seq` is the last change and `format` this program's.
                """
                CREATE TABLE dossier_list_index (
                    seq bigint PRIMARY KEY CHECK (seq >= 0),
                    format integer NOT NULL,
                    body text NOT NULL
                )
                """,
                "ALTER TABLE dossier_list_index ALTER COLUMN body SET STORAGE EXTERNAL",
            ]
        case 2:
            return [
                // The list's digest, made by the server whenever the list is written: a start compares it with the
                // copy it keeps (`PostgresListCache`) without the server reading the whole list.
                "ALTER TABLE dossier_list_index ADD COLUMN digest text GENERATED ALWAYS AS (md5(body)) STORED",
            ]
        default:
            return []
        }
    }

    /// The channel a writer notifies after each change; open screens listen on it.
    static let channel = "dossier_changes"

    /// The advisory lock that lets one writer at a time append (held until its transaction ends).
    static let appendLock: Int64 = 0x646f_7373_6965_7201
    /// Seconds a writer waits for `appendLock` before it says the dossier is busy (a commit holds it for milliseconds).
    static let appendLockWait = 10
    /// The advisory lock one compactor holds while it writes a snapshot.
    static let compactionLock: Int64 = 0x646f_7373_6965_7202
}
#endif
