import CDeflate
import Foundation
import SunboardCore

/// A ZIP file built in memory (PKWARE's APPNOTE, the parts every unzip
/// reads): each entry deflated, or stored when that is no smaller, with
/// UTF-8 names. For exports of a few megabytes; no ZIP64.
struct ZipArchive {
    private var body: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0
    /// MS-DOS time and date of every entry.
    private let time: UInt16
    private let date: UInt16

    init(modified: Date) {
        let parts = ShanghaiTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        date = UInt16(max(0, (parts.year ?? 1980) - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
    }

    mutating func add(_ name: String, _ bytes: [UInt8]) {
        let crc = bytes.withUnsafeBufferPointer { sunboard_crc32(0, $0.baseAddress, $0.count) }
        var packed = [UInt8](repeating: 0, count: bytes.count + 64)
        let size = bytes.withUnsafeBufferPointer { input in
            packed.withUnsafeMutableBufferPointer { sunboard_deflate_raw(input.baseAddress, input.count, $0.baseAddress, $0.count) }
        }
        let deflated = size >= 0 && size < bytes.count
        let data = deflated ? Array(packed.prefix(size)) : bytes
        let method: UInt16 = deflated ? 8 : 0
        let nameBytes = Array(name.utf8)
        let offset = UInt32(body.count)

        // Local file header.
        body += le32(0x0403_4b50) + le16(20) + le16(0x0800) + le16(method) + le16(time) + le16(date)
        body += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count)) + le16(0)
        body += nameBytes + data
        // Its central directory entry.
        directory += le32(0x0201_4b50) + le16(20) + le16(20) + le16(0x0800) + le16(method) + le16(time) + le16(date)
        directory += le32(crc) + le32(UInt32(data.count)) + le32(UInt32(bytes.count)) + le16(UInt16(nameBytes.count))
        directory += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(offset) + nameBytes
        count += 1
    }

    /// The whole file.
    var bytes: [UInt8] {
        body + directory + le32(0x0605_4b50) + le16(0) + le16(0) + le16(UInt16(count)) + le16(UInt16(count))
            + le32(UInt32(directory.count)) + le32(UInt32(body.count)) + le16(0)
    }

    private func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    private func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) } }
}
