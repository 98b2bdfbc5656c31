internal import GRDB

/// The store's tables, created and upgraded by a migrator so that an older database file
/// is brought up to date when opened.
///
/// Nothing personal is stored: plans are pseudonymous references, and the only secret is
/// the key behind SEN2 plan references, which is never exported.
///
/// An audit's section results, ratings and actions are packed into columns of its own row
/// (see ``Packed``) rather than a row each: a national year is 384,000 audits of some 60
/// ratings, and one row per audit keeps an import to a few inserts per record. Its
/// canonical JSON, kept whole, is in `audit_records`, apart from the columns reports read.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE frameworks (
                        id TEXT NOT NULL, version TEXT NOT NULL, digest TEXT NOT NULL, content TEXT NOT NULL,
                        file TEXT NOT NULL, stored_at TEXT NOT NULL, PRIMARY KEY (id, version));
                    CREATE TABLE imports (
                        id INTEGER PRIMARY KEY, file TEXT NOT NULL, started_at TEXT NOT NULL,
                        committed INTEGER NOT NULL,
                        imported INTEGER NOT NULL, unchanged INTEGER NOT NULL, refused INTEGER NOT NULL,
                        no_needs_refusals INTEGER NOT NULL);
                    CREATE TABLE import_refusals (
                        import_id INTEGER NOT NULL REFERENCES imports(id), audit_id TEXT, month TEXT, criterion TEXT,
                        rule TEXT NOT NULL,
                        agency TEXT, provider TEXT);
                    CREATE TABLE audits (
                        audit_id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, framework_id TEXT NOT NULL,
                        framework_version TEXT NOT NULL,
                        auditor TEXT NOT NULL, audit_date TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL,
                        status TEXT NOT NULL,
                        locality TEXT, phase TEXT, primary_need TEXT, team TEXT, caseworker TEXT, plan_type TEXT,
                        request_date TEXT, issue_date TEXT, percent REAL NOT NULL, boundary_grade TEXT NOT NULL,
                        grade TEXT NOT NULL,
                        sections TEXT NOT NULL, ratings TEXT NOT NULL, actions TEXT NOT NULL,
                        digest TEXT NOT NULL, record_json TEXT NOT NULL,
                        import_id INTEGER NOT NULL REFERENCES imports(id));
                    -- Covers the counts of reports and progress, which then never touch the rows.
                    CREATE INDEX audits_month ON audits(month, status, kind, grade, plan_id, audit_date);
                    CREATE TABLE audit_caps (
                        audit_id TEXT NOT NULL REFERENCES audits(audit_id) ON DELETE CASCADE, criterion TEXT NOT NULL,
                        grade TEXT NOT NULL);
                    CREATE INDEX audit_caps_audit ON audit_caps(audit_id);
                    CREATE TABLE audit_advices (
                        audit_id TEXT NOT NULL REFERENCES audits(audit_id) ON DELETE CASCADE, advice_id TEXT NOT NULL,
                        agency TEXT NOT NULL, provider TEXT, role TEXT, requested TEXT, received TEXT,
                        status TEXT NOT NULL,
                        percent REAL, grade TEXT, days INTEGER, timely INTEGER, ratings TEXT NOT NULL);
                    CREATE INDEX audit_advices_audit ON audit_advices(audit_id);
                    CREATE TABLE audit_history (
                        audit_id TEXT NOT NULL, replaced_at TEXT NOT NULL, digest TEXT NOT NULL,
                        record_json TEXT NOT NULL,
                        import_id INTEGER NOT NULL);
                    CREATE TABLE populations (
                        id INTEGER PRIMARY KEY, as_of TEXT NOT NULL, source TEXT NOT NULL, digest TEXT NOT NULL,
                        plans INTEGER NOT NULL, imported_at TEXT NOT NULL);
                    CREATE TABLE population_plans (
                        population_id INTEGER NOT NULL REFERENCES populations(id) ON DELETE CASCADE,
                        plan_id TEXT NOT NULL,
                        locality TEXT, phase TEXT, primary_need TEXT, team TEXT, caseworker TEXT, plan_start TEXT,
                        last_audited TEXT);
                    CREATE INDEX population_plans_population ON population_plans(population_id);
                    CREATE TABLE samples (
                        month TEXT PRIMARY KEY, seed TEXT NOT NULL, rate REAL NOT NULL, strata TEXT NOT NULL,
                        lookback INTEGER NOT NULL,
                        population_digest TEXT NOT NULL, population INTEGER NOT NULL, eligible INTEGER NOT NULL,
                        target INTEGER NOT NULL,
                        drawn_at TEXT NOT NULL);
                    CREATE TABLE sample_plans (
                        month TEXT NOT NULL REFERENCES samples(month) ON DELETE CASCADE, position INTEGER NOT NULL,
                        plan_id TEXT NOT NULL, stratum TEXT NOT NULL, rank TEXT NOT NULL, recent INTEGER NOT NULL);
                    CREATE INDEX sample_plans_month ON sample_plans(month);
                    CREATE TABLE secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
                    """)
        }
        // Moderation audits name the audit they moderate (docs/records.md).
        migrator.registerMigration("v2") { db in
            try db.execute(sql: "ALTER TABLE audits ADD COLUMN moderates TEXT")
        }
        // The workspace: users, server-side sessions, the trail of who did what, and the
        // month's sample assigned to auditors.
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE users (
                        name TEXT PRIMARY KEY, role TEXT NOT NULL, agency TEXT, password_hash TEXT NOT NULL,
                        token_hash TEXT UNIQUE, disabled INTEGER NOT NULL, failed_sign_ins INTEGER NOT NULL,
                        locked_until TEXT, created_at TEXT NOT NULL);
                    CREATE TABLE sessions (
                        key TEXT PRIMARY KEY, user_name TEXT NOT NULL, value BLOB NOT NULL, expires_at TEXT NOT NULL);
                    CREATE TABLE audit_trail (
                        id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_name TEXT, action TEXT NOT NULL,
                        subject TEXT NOT NULL);
                    CREATE TABLE assignments (
                        month TEXT NOT NULL, plan_id TEXT NOT NULL, auditor TEXT NOT NULL, assigned_by TEXT NOT NULL,
                        assigned_at TEXT NOT NULL, PRIMARY KEY (month, plan_id));
                    """)
        }
        // Reviews of advice by designated officers, second audits asked for by the lead, and
        // plans where an exception to the 20-week limit applies (docs/records.md), and the
        // covering index of the reports' counts, now by framework.
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    CREATE TABLE advice_reviews (
                        audit_id TEXT NOT NULL, advice_id TEXT NOT NULL, reviewer TEXT NOT NULL,
                        reviewed_at TEXT NOT NULL, PRIMARY KEY (audit_id, advice_id));
                    CREATE TABLE moderation_assignments (
                        audit_id TEXT PRIMARY KEY, moderator TEXT NOT NULL, assigned_by TEXT NOT NULL,
                        assigned_at TEXT NOT NULL);
                    CREATE INDEX audit_advices_agency ON audit_advices(agency);
                    ALTER TABLE audits ADD COLUMN timeliness_exception INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE audit_advices ADD COLUMN timeliness_exception INTEGER NOT NULL DEFAULT 0;
                    -- Reports count one framework at a time (plan audits apart from annual reviews).
                    DROP INDEX audits_month;
                    CREATE INDEX audits_month ON audits(month, framework_id, status, kind, grade, plan_id, audit_date);
                    -- A plan's audits in date order: re-audits and the previous audit of a plan.
                    CREATE INDEX audits_plan ON audits(plan_id, framework_id, status, kind, audit_date, month, audit_id);
                    """)
        }
        // Each audit's canonical JSON in a table of its own (v5), packed (`StoredJSON`): it
        // was two thirds of an audit's bytes and is read only to show or keep one audit, so
        // the reports, which read thousands of audits' other columns, read a third of the
        // pages they read before.
        // The reports' covering index also gives the framework version each audit used.
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_records (
                        audit_id TEXT PRIMARY KEY REFERENCES audits(audit_id) ON DELETE CASCADE,
                        record_json NOT NULL)
                    """)
            let records = try Row.fetchCursor(db, sql: "SELECT audit_id, record_json FROM audits")
            let insert = try RowInsert(db, sql: "INSERT INTO audit_records (audit_id, record_json) VALUES (?, ?)")
            while let record = try records.next() {
                try insert.run { row in
                    row.text(record[0])
                    row.json(StoredJSON.Form(record[1]))
                }
            }
            // Made anew rather than altered, so that the rows, a fraction of their old size, fill
            // pages of their own; the old pages are kept free for later imports. (The
            // migrator turns foreign keys off while it runs: no audit's rows go with it.)
            try db.execute(
                sql: """
                    CREATE TABLE audits_v5 (
                        audit_id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, framework_id TEXT NOT NULL,
                        framework_version TEXT NOT NULL,
                        auditor TEXT NOT NULL, audit_date TEXT NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL,
                        status TEXT NOT NULL,
                        locality TEXT, phase TEXT, primary_need TEXT, team TEXT, caseworker TEXT, plan_type TEXT,
                        request_date TEXT, issue_date TEXT, percent REAL NOT NULL, boundary_grade TEXT NOT NULL,
                        grade TEXT NOT NULL,
                        sections TEXT NOT NULL, ratings TEXT NOT NULL, actions TEXT NOT NULL,
                        digest TEXT NOT NULL,
                        import_id INTEGER NOT NULL REFERENCES imports(id), moderates TEXT,
                        timeliness_exception INTEGER NOT NULL DEFAULT 0);
                    INSERT INTO audits_v5 SELECT audit_id, plan_id, framework_id, framework_version, auditor,
                        audit_date, month, kind, status, locality, phase, primary_need, team, caseworker, plan_type,
                        request_date, issue_date, percent, boundary_grade, grade, sections, ratings, actions, digest,
                        import_id, moderates, timeliness_exception FROM audits;
                    DROP TABLE audits;
                    ALTER TABLE audits_v5 RENAME TO audits;
                    CREATE INDEX audits_month
                        ON audits(month, framework_id, status, kind, grade, plan_id, audit_date, framework_version);
                    CREATE INDEX audits_plan ON audits(plan_id, framework_id, status, kind, audit_date, month, audit_id);
                    """)
        }
        // Sessions are kept under the hash of their id (AuditStore+Sessions): those stored
        // under the id itself are ended, and their users sign in again.
        migrator.registerMigration("v6") { db in try db.execute(sql: "DELETE FROM sessions") }
        // What the plan checks found in the plan the auditor checked (docs/records.md,
        // `planChecks`), packed as check id and count (``Packed/planChecks(_:)``); NULL for a
        // record that carries none, as every audit stored before does.
        migrator.registerMigration("v7") { db in try db.execute(sql: "ALTER TABLE audits ADD COLUMN plan_checks TEXT") }
        // The plan-document census (AuditStore+PlanChecks): counts, never text.
        migrator.registerMigration("v8") { db in
            try db.execute(
                sql: """
                    CREATE TABLE plan_checks (
                        id INTEGER PRIMARY KEY,
                        plan_id TEXT NOT NULL,
                        digest TEXT NOT NULL,
                        checked_at TEXT NOT NULL,
                        status TEXT NOT NULL,
                        plan_date TEXT,
                        review_date TEXT,
                        rules TEXT NOT NULL,
                        findings INTEGER NOT NULL,
                        UNIQUE (plan_id, digest)
                    );
                    CREATE INDEX plan_checks_by_plan ON plan_checks (plan_id, checked_at);
                    CREATE TABLE plan_check_counts (
                        plan_check INTEGER NOT NULL REFERENCES plan_checks (id) ON DELETE CASCADE,
                        check_id TEXT NOT NULL,
                        section TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count > 0)
                    );
                    CREATE INDEX plan_check_counts_by_check ON plan_check_counts (plan_check);
                    """)
        }
        return migrator
    }
}
