import Foundation

extension Date {
    /// Instants are stored as whole seconds since 1970-01-01 UTC: one
    /// portable type on SQLite and PostgreSQL, sortable, free of time zones.
    package var unixSeconds: Int { Int(timeIntervalSince1970.rounded(.down)) }

    package init(unixSeconds: Int) {
        self.init(timeIntervalSince1970: TimeInterval(unixSeconds))
    }
}
