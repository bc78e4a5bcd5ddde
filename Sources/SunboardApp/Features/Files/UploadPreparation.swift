import SunboardCore

/// An upload checked by its content and ready to keep.
struct PreparedUpload: Sendable {
    let name: String
    let bytes: [UInt8]
    let kind: AttachmentKind
}

/// Every file staff upload for the public, checked the same way: by its
/// content, and every photo decoded once within the budgets, turned upright
/// and stripped of the camera's metadata (where it was taken, on whose
/// phone) before anything is stored. What is refused is told file by file.
enum UploadPreparation {
    /// Photos one form may carry: a month's receipts or an album's day.
    static let maxPhotos = 20

    static func prepare(_ files: [(name: String, bytes: [UInt8])], field: String) async throws -> [PreparedUpload] {
        var issues: [ValidationFailure.Issue] = []
        var kinds: [AttachmentKind] = []
        for file in files {
            do {
                kinds.append(try AttachmentKind.check(name: file.name, bytes: file.bytes))
            } catch {
                issues.append(.init(field: field, message: error.message, englishMessage: error.englishMessage))
            }
        }
        try ValidationFailure.check(issues)
        let photos = kinds.filter(\.isImage).count
        guard photos <= maxPhotos else {
            throw ValidationFailure([
                .init(
                    field: field, message: "一次最多上传 \(maxPhotos) 张照片，这次有 \(photos) 张。请分几次上传。",
                    englishMessage: "at most \(maxPhotos) photos per upload; this one has \(photos).")
            ])
        }
        var prepared: [PreparedUpload] = []
        for (file, kind) in zip(files, kinds) {
            guard kind.isImage else {
                prepared.append(.init(name: file.name, bytes: file.bytes, kind: kind))
                continue
            }
            do {
                let bytes = try await PhotoScaler.prepared(file.bytes)
                prepared.append(.init(name: file.name, bytes: bytes, kind: kind))
            } catch let refusal as PhotoScaler.Refusal {
                issues.append(
                    .init(
                        field: field, message: message(refusal, name: file.name), englishMessage: englishMessage(refusal, name: file.name)))
            }
        }
        try ValidationFailure.check(issues)
        return prepared
    }

    static func message(_ refusal: PhotoScaler.Refusal, name: String) -> String {
        switch refusal {
        case .tooLarge: "照片“\(name)”像素太多，无法安全读取，没有上传。请在手机相册里把照片缩小（或截图）后再传。"
        case .unreadable: "照片“\(name)”无法读取（文件可能已损坏或没有传完整），没有上传。"
        }
    }

    static func englishMessage(_ refusal: PhotoScaler.Refusal, name: String) -> String {
        switch refusal {
        case .tooLarge: "\(name) has too many pixels to read safely."
        case .unreadable: "\(name) could not be read; it may be damaged or incomplete."
        }
    }
}
