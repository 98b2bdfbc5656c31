import GRDB
import Testing

@testable import EHCPAuditStore

struct RowInsertTests {
    func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT, b INTEGER, c REAL, d INTEGER, e TEXT UNIQUE NOT NULL)")
        }
        return queue
    }

    @Test func bindsEachValueAsGRDBWould() throws {
        let queue = try table()
        try queue.write { db in
            let insert = try RowInsert(db, sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)")
            try insert.run { row in
                row.text("é\u{301}x")
                row.integer(-7)
                row.real(63.25)
                row.boolean(true)
                row.text("")
            }
            try insert.run { row in
                row.text(nil)
                row.integer(nil as Int?)
                row.real(nil)
                row.boolean(false)
                row.text("k")
            }
            try db.execute(sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?)", arguments: ["é\u{301}x", -7, 63.25, true, "g"])
        }
        let rows = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT quote(a) || quote(b) || quote(c) || quote(d) || quote(e) FROM t")
        }
        #expect(rows == ["'é\u{301}x'-763.251''", "NULLNULLNULL0'k'", "'é\u{301}x'-763.251'g'"])
    }

    @Test func aRefusedRowThrowsAndTheStatementStaysUsable() throws {
        let queue = try table()
        try queue.write { db in
            let insert = try RowInsert(db, sql: "INSERT INTO t (e) VALUES (?)")
            try insert.run { $0.text("same") }
            #expect {
                try insert.run { $0.text("same") }
            } throws: { error in
                (error as? DatabaseError).map {
                    $0.resultCode == .SQLITE_CONSTRAINT && $0.message?.contains("UNIQUE") == true
                } == true
            }
            try insert.run { $0.text("other") }
        }
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 2)
    }
}
