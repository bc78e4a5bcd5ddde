/// Attachments, receipts and photos, kept once by SHA-256; served by the features that show them.
struct FilesFeature: Feature {
    let name = "Files"
    var migrations: [any Migration] { [CreateStoredFiles()] }
}
