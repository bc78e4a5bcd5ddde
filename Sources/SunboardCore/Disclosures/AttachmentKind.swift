/// The files a disclosure may carry, told apart by their content, never by
/// their name: a `.jpg` that is really a program is refused.
public enum AttachmentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case jpeg
    case png
    case pdf

    /// Scans and photos of receipts are a few megabytes at most.
    public static let maximumSize = 10 * 1024 * 1024

    public var contentType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .pdf: "application/pdf"
        }
    }

    public var isImage: Bool { self != .pdf }

    public var chinese: String {
        switch self {
        case .jpeg: "JPEG 图片"
        case .png: "PNG 图片"
        case .pdf: "PDF 文件"
        }
    }

    /// The kind the first bytes announce, or `nil`.
    public static func detect<Bytes: Collection>(_ bytes: Bytes) -> AttachmentKind? where Bytes.Element == UInt8 {
        let head = Array(bytes.prefix(8))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        return nil
    }

    /// Checks an upload; the error names the file and says what to do.
    public static func check<Bytes: Collection>(name: String, bytes: Bytes) throws(AttachmentError) -> AttachmentKind
    where Bytes.Element == UInt8 {
        guard bytes.count <= maximumSize else { throw .tooLarge(name: name, size: bytes.count) }
        guard !bytes.isEmpty else { throw .empty(name: name) }
        guard let kind = detect(bytes) else { throw .unsupported(name: name) }
        return kind
    }
}

/// A refused upload.
public enum AttachmentError: SunboardError, Equatable {
    case tooLarge(name: String, size: Int)
    case empty(name: String)
    case unsupported(name: String)

    public var code: String {
        switch self {
        case .tooLarge: "attachment_too_large"
        case .empty: "attachment_empty"
        case .unsupported: "attachment_unsupported"
        }
    }

    public var message: String {
        switch self {
        case .tooLarge(let name, let size):
            "文件“\(name)”有 \(Self.megabytes(size)) MB，超过了 \(AttachmentKind.maximumSize / 1024 / 1024) MB 的上限，没有上传。请压缩或分成几个文件。"
        case .empty(let name): "文件“\(name)”是空的，没有上传。"
        case .unsupported(let name): "文件“\(name)”不是 JPEG、PNG 图片或 PDF 文件（按文件内容判断，与文件名无关），没有上传。"
        }
    }

    public var englishMessage: String {
        switch self {
        case .tooLarge(let name, _): "\(name) is larger than \(AttachmentKind.maximumSize / 1024 / 1024) MB."
        case .empty(let name): "\(name) is empty."
        case .unsupported(let name): "\(name) is not a JPEG, PNG or PDF file."
        }
    }

    public var kind: ErrorKind { .invalidInput }

    private static func megabytes(_ size: Int) -> String {
        let tenths = (size * 10 + 512 * 1024) / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
