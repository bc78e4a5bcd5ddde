import Foundation
import SunboardCore

/// A person on the 干部监督台.
public struct Cadre: Sendable, Identifiable, Codable {
    public var id: Int
    public var unitId: Int
    public var name: String
    public var post: String
    public var duties: String
    public var lanes: String
    public var phone: String
    public var photoSha256: String?
    public var position: Int

    static let columns = ["id", "unit_id", "name", "post", "duties", "lanes", "phone", "photo_sha256", "position"]

    var input: CadreInput {
        CadreInput(name: name, post: post, duties: duties, lanes: lanes, phone: phone, position: String(position))
    }
}

/// A line of the 便民指示牌.
public struct DirectoryEntry: Sendable, Identifiable, Codable {
    public var id: Int
    public var unitId: Int
    public var category: String
    public var name: String
    public var address: String
    public var phone: String
    public var hours: String

    static let columns = ["id", "unit_id", "category", "name", "address", "phone", "hours"]

    public var kind: DirectoryCategory { DirectoryCategory(rawValue: category) ?? .other }

    var input: DirectoryEntryInput {
        DirectoryEntryInput(category: category, name: name, address: address, phone: phone, hours: hours)
    }
}

/// A 办事指南 with its downloadable forms.
public struct Guide: Sendable, Identifiable {
    public var id: Int
    public var unitID: Int
    public var content: GuideContent
    public var forms: [AttachmentRef]
    public var position: Int
    public var updatedAt: Date
}

struct GuideRow: Decodable {
    var id: Int
    var unitId: Int
    var content: String
    var position: Int
    var updatedAt: Int

    static let columns = ["id", "unit_id", "content", "position", "updated_at"]

    var guide: Guide? {
        guard let content = try? JSONDecoder().decode(GuideContent.self, from: Data(content.utf8)) else { return nil }
        return Guide(id: id, unitID: unitId, content: content, forms: [], position: position, updatedAt: Date(unixSeconds: updatedAt))
    }

    static func json(_ value: GuideContent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }
}

struct GuideFormRow: Decodable {
    var guideId: Int
    var sha256: String
    var name: String
    var kind: String

    var form: AttachmentRef? {
        AttachmentKind(rawValue: kind).map { AttachmentRef(sha256: sha256, name: name, kind: $0, size: 0) }
    }
}
