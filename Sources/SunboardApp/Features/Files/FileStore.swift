import Crypto
import Foundation
import NIOPosix
import SQLKit
import SunboardCore

/// Attachments kept by content: a file's name is its SHA-256, so the same
/// scan uploaded twice is stored once, and a stored file can be checked
/// against its name. Lives under the data folder (`files/ab/cd/abcd…`),
/// which several app instances may share.
public struct FileStore: Sendable {
    let root: URL
    let database: Database

    public init(root: URL, database: Database) {
        self.root = root
        self.database = database
    }

    /// Stores checked bytes; returns their reference.
    public func save(_ bytes: [UInt8], name: String, kind: AttachmentKind, at now: Date) async throws -> AttachmentRef {
        let sha256 = CanonicalForm.hex(SHA256.hash(data: bytes))
        let path = url(sha256)
        try await NIOThreadPool.singleton.runIfActive {
            guard !FileManager.default.fileExists(atPath: path.path) else { return }
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Written aside and moved into place, so a reader never sees half a file.
            let temporary = path.deletingLastPathComponent().appendingPathComponent(".\(sha256).\(UUID().uuidString)")
            try Data(bytes).write(to: temporary)
            if FileManager.default.fileExists(atPath: path.path) {
                try? FileManager.default.removeItem(at: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: path)
            }
        }
        try await database.sql.insert(into: "stored_files")
            .columns("sha256", "kind", "size", "created_at")
            .values(SQLBind(sha256), SQLBind(kind.rawValue), SQLBind(bytes.count), SQLBind(now.unixSeconds))
            .ignoringConflicts(with: ["sha256"])
            .run()
        if kind.isImage { try await savePhoneCopy(of: bytes, sha256: sha256, at: now) }
        return AttachmentRef(sha256: sha256, name: Self.cleanName(name, kind: kind), kind: kind, size: bytes.count)
    }

    /// Keeps a phone-sized copy of a large photo beside it, once.
    private func savePhoneCopy(of bytes: [UInt8], sha256: String, at now: Date) async throws {
        let known = try await database.sql.select().column("sha256").from("photo_variants").where("sha256", .equal, SQLBind(sha256)).first()
        guard known == nil, let copy = try await PhotoScaler.phoneCopy(of: bytes) else { return }
        let phone = try await save(copy.bytes, name: "phone.jpg", kind: .jpeg, at: now)
        try await database.sql.insert(into: "photo_variants")
            .columns("sha256", "phone_sha256", "width", "height")
            .values(SQLBind(sha256), SQLBind(phone.sha256), SQLBind(copy.width), SQLBind(copy.height))
            .ignoringConflicts(with: ["sha256"])
            .run()
    }

    /// The phone-sized copies of these photos, by photo: pinned in the
    /// records that show the photos, so a copy swapped in the table is named.
    static func phoneCopies(of photos: [String], on sql: any SQLDatabase) async throws -> [String: String] {
        guard !photos.isEmpty else { return [:] }
        var copies: [String: String] = [:]
        for row in try await sql.select().columns("sha256", "phone_sha256").from("photo_variants")
            .where("sha256", .in, SQLBind.group(Array(Set(photos)))).all()
        {
            copies[try row.decode(column: "sha256", as: String.self)] = try row.decode(column: "phone_sha256", as: String.self)
        }
        return copies
    }

    /// The phone-sized copy of a stored photo, if it has one.
    public func phoneCopy(of sha256: String) async throws -> String? {
        try await database.sql.select().column("phone_sha256").from("photo_variants").where("sha256", .equal, SQLBind(sha256))
            .first(decodingColumn: "phone_sha256", as: String.self)
    }

    public func read(_ sha256: String) async throws -> Data? {
        guard Self.isHash(sha256) else { return nil }
        let path = url(sha256)
        return try await NIOThreadPool.singleton.runIfActive {
            FileManager.default.fileExists(atPath: path.path) ? try Data(contentsOf: path) : nil
        }
    }

    func url(_ sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2))).appendingPathComponent(String(sha256.dropFirst(2).prefix(2)))
            .appendingPathComponent(sha256)
    }

    static func isHash(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The name as readers see it: no folders, no control characters, the
    /// extension its content has.
    static func cleanName(_ name: String, kind: AttachmentKind) -> String {
        var base = String(name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
        base = String(base.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init)).trimmed
        if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        if base.isEmpty { base = "附件" }
        let ext = kind == .jpeg ? "jpg" : kind.rawValue
        return String(base.prefix(80)) + "." + ext
    }
}
