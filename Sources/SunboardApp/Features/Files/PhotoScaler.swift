import CPhotoScale
import Foundation
import NIOPosix
import SunboardCore

/// Photos decoded by the small C glue over Debian's libjpeg and libpng:
/// checked at upload, kept upright without the camera's metadata, and
/// copied small for phones. Every decode stays within the glue's budgets
/// (JPEG 50 MP, PNG 16 MP, 96 MB for libjpeg, 100 scans) and waits its
/// turn at one gate, so a flood of uploads cannot take the memory of more
/// decodes than the machine has cores.
enum PhotoScaler {
    /// Big enough for a phone's screen at 2× and for a TV at the gate.
    static let phoneSide = 1280
    static let quality = 80
    /// A photo turned upright is decoded whole and turned in memory (three
    /// bytes a pixel, twice): 4096 pixels across is 12 MP, about 75 MB at the
    /// peak, and more than a notice board needs.
    static let uprightSide = 4096

    /// Why a photo was refused.
    enum Refusal: Error, Equatable {
        /// Over the pixel or memory budget: a decompression bomb, or a photo too big to show.
        case tooLarge
        /// Not decodable: truncated, damaged, or not really a JPEG or PNG.
        case unreadable
    }

    /// A photo as it is kept: decoded once to prove it is whole and within
    /// the budgets, then stripped of its metadata. A JPEG the camera stored
    /// on its side is turned upright by re-encoding it, at most
    /// ``uprightSide`` across; any other photo keeps its pixels exactly.
    static func prepared(_ bytes: [UInt8]) async throws -> [UInt8] {
        try await decoding {
            // Decoded small: a JPEG does it almost for free in its IDCT, within every budget.
            guard let check = scaled(bytes, side: 64, quality: 50) else { throw Refusal.unreadable }
            if case .failure(let refusal) = check { throw refusal }
            if AttachmentKind.detect(bytes) == .jpeg, ImageMetadata.jpegOrientation(bytes) != 1 {
                guard case .success(let upright) = scaled(bytes, side: uprightSide, quality: 92) else { throw Refusal.unreadable }
                return upright.bytes
            }
            guard let stripped = ImageMetadata.stripped(bytes) else { throw Refusal.unreadable }
            return stripped
        }
    }

    /// A photo as an album keeps it: upright, re-encoded at most 2560 pixels
    /// across, without the camera's metadata; `nil` when it cannot be decoded.
    static func cleaned(_ bytes: [UInt8]) async throws -> [UInt8]? {
        try await decoding {
            guard case .success(let photo) = scaled(bytes, side: 2560, quality: 85) else { return nil }
            return photo.bytes
        }
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
    static func phoneCopy(of bytes: [UInt8]) async throws -> Photo? {
        guard let (width, height) = size(of: bytes), max(width, height) > phoneSide else { return nil }
        return try await decoding {
            guard case .success(let photo) = scaled(bytes, side: phoneSide, quality: quality) else { return nil }
            return photo
        }
    }

    struct Photo: Sendable {
        let bytes: [UInt8]
        let width: Int
        let height: Int
    }

    private static func scaled(_ bytes: [UInt8], side: Int, quality: Int) -> Result<Photo, Refusal>? {
        var photo = sb_photo()
        let result = bytes.withUnsafeBufferPointer { sb_photo_scale($0.baseAddress, $0.count, Int32(side), Int32(quality), &photo) }
        defer { sb_photo_free(&photo) }
        switch result {
        case Int32(SB_PHOTO_OK):
            guard let data = photo.data else { return nil }
            return .success(
                Photo(bytes: Array(UnsafeBufferPointer(start: data, count: photo.size)), width: Int(photo.width), height: Int(photo.height))
            )
        case Int32(SB_PHOTO_TOO_LARGE), Int32(SB_PHOTO_NO_MEMORY): return .failure(.tooLarge)
        default: return .failure(.unreadable)
        }
    }

    // MARK: The gate

    private static let gate = Gate(permits: max(1, ProcessInfo.processInfo.activeProcessorCount))

    /// Runs a decode off the event loops, once the gate lets it in.
    private static func decoding<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        await gate.enter()
        do {
            let result = try await NIOThreadPool.singleton.runIfActive(work)
            await gate.leave()
            return result
        } catch {
            await gate.leave()
            throw error
        }
    }

    /// A counting gate: at most `permits` inside, the rest wait in order.
    actor Gate {
        private var free: Int
        private var waiting: [CheckedContinuation<Void, Never>] = []

        init(permits: Int) { free = permits }

        func enter() async {
            if free > 0 {
                free -= 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func leave() {
            if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
        }
    }
}
