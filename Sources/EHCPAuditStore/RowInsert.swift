internal import GRDB
internal import GRDBSQLite

/// A cached INSERT whose values are bound straight through SQLite's C API: the bulk
/// inserts (a national population's 640,000 plans, a file of audits) bind each value as it
/// is, without first boxing it into GRDB's `StatementArguments`. GRDB documents its
/// statement's `sqliteStatement` for exactly this use.
///
/// ```swift
/// let insert = try RowInsert(db, sql: "INSERT INTO t (a, b) VALUES (?, ?)")
/// try insert.run { row in
///     row.text("x")
///     row.integer(nil)  // NULL
/// }
/// ```
struct RowInsert {
    private let db: Database
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the row's values in order with `bind`, runs the statement and resets it.
    func run(_ bind: (inout Values) -> Void) throws {
        let handle = statement.sqliteStatement
        var values = Values(handle: handle)
        bind(&values)
        precondition(values.index == sqlite3_bind_parameter_count(handle), "a RowInsert binds every parameter")
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
    }

    /// The values of the row being inserted, each bound to the statement's next parameter
    /// (named so as not to be taken for GRDB's `Row`, a row read).
    struct Values {
        fileprivate let handle: SQLiteStatement
        fileprivate var index: Int32 = 0

        /// SQLite copies the text as it binds it (SQLITE_TRANSIENT).
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

        mutating func text(_ value: String?) {
            index += 1
            guard var value else {
                sqlite3_bind_null(handle, index)
                return
            }
            _ = value.withUTF8 { bytes in
                // An empty buffer may have no address, which SQLite would take for NULL.
                if let base = bytes.baseAddress {
                    sqlite3_bind_text(handle, index, base, Int32(bytes.count), Self.transient)
                } else {
                    sqlite3_bind_text(handle, index, "", 0, Self.transient)
                }
            }
        }

        /// SQLite copies the bytes as it binds them.
        mutating func blob(_ value: [UInt8]) {
            index += 1
            value.withUnsafeBytes { bytes in
                // An empty buffer may have no address, which SQLite would take for NULL.
                sqlite3_bind_blob(
                    handle, index, bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!, Int32(bytes.count),
                    Self.transient)
            }
        }

        /// A record's JSON, as a blob when packed, else as text.
        mutating func json(_ value: StoredJSON.Form) {
            switch value {
            case .packed(let bytes): blob(bytes)
            case .text(let text): self.text(text)
            }
        }

        mutating func integer(_ value: Int?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func integer(_ value: Int64?) {
            integer(value.map(Int.init))
        }

        mutating func boolean(_ value: Bool?) {
            integer(value.map { $0 ? 1 : 0 })
        }

        mutating func real(_ value: Double?) {
            index += 1
            if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }
    }
}
