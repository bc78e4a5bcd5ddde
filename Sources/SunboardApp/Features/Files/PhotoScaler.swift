import CPhotoScale
import NIOPosix

/// Photos as a phone shows them: a JPEG no wider or taller than
/// ``phoneSide``, upright, without the camera's metadata (no GPS). Made
/// once at upload by the small C glue over Debian's libjpeg and libpng.
enum PhotoScaler {
    /// Big enough for a phone's screen at 2× and for a TV at the gate.
    static let phoneSide = 1280
    static let quality = 80

    /// A photo as it is kept: upright, re-encoded at most 2560 pixels across,
    /// without the camera's metadata; `nil` when it cannot be decoded.
    static func cleaned(_ bytes: [UInt8]) async throws -> [UInt8]? {
        // Decoding takes tens of milliseconds: off the event loops.
        try await NIOThreadPool.singleton.runIfActive { scaled(bytes, side: 2560, quality: 85)?.bytes }
    }

    /// The stored size of a JPEG or PNG, from its header; `nil` when it is not one.
    static func size(of bytes: [UInt8]) -> (width: Int, height: Int)? {
        var width: Int32 = 0
        var height: Int32 = 0
        let result = bytes.withUnsafeBufferPointer { sb_photo_size($0.baseAddress, $0.count, &width, &height) }
        return result == Int32(SB_PHOTO_OK) ? (Int(width), Int(height)) : nil
    }

    /// The phone-sized copy, or `nil` when the photo is already small enough
    /// or cannot be decoded.
    static func phoneCopy(of bytes: [UInt8]) -> (bytes: [UInt8], width: Int, height: Int)? {
        guard let (width, height) = size(of: bytes), max(width, height) > phoneSide else { return nil }
        return scaled(bytes, side: phoneSide, quality: quality)
    }

    private static func scaled(_ bytes: [UInt8], side: Int, quality: Int) -> (bytes: [UInt8], width: Int, height: Int)? {
        var photo = sb_photo()
        let result = bytes.withUnsafeBufferPointer { sb_photo_scale($0.baseAddress, $0.count, Int32(side), Int32(quality), &photo) }
        defer { sb_photo_free(&photo) }
        guard result == Int32(SB_PHOTO_OK), let data = photo.data else { return nil }
        return (Array(UnsafeBufferPointer(start: data, count: photo.size)), Int(photo.width), Int(photo.height))
    }
}
