/// What a camera writes into a photo beside its pixels, and how to take it
/// out without touching the pixels: where it was taken (GPS), on which
/// phone, when, by whom. Works on the bytes alone, so nothing is decoded.
public enum ImageMetadata {
    /// The JPEG or PNG without its metadata, or `nil` when its structure is
    /// broken. The pixels are copied as they are; a JPEG's EXIF orientation
    /// goes with the rest, so call it only on an upright photo
    /// (``jpegOrientation(_:)`` is 1).
    public static func stripped(_ bytes: [UInt8]) -> [UInt8]? {
        switch AttachmentKind.detect(bytes) {
        case .jpeg: strippedJPEG(bytes)
        case .png: strippedPNG(bytes)
        default: nil
        }
    }

    /// The EXIF orientation of a JPEG (1 to 8), 1 when it has none.
    public static func jpegOrientation(_ bytes: [UInt8]) -> Int {
        var orientation = 1
        _ = walkJPEG(bytes) { marker, segment in
            if marker == 0xE1, orientation == 1, let found = exifOrientation(segment) { orientation = found }
            return true
        }
        return orientation
    }

    // MARK: JPEG

    /// APP0 (JFIF), APP2 (the colour profile) and APP14 (Adobe, which says
    /// how CMYK is stored) change how a photo looks; the other application
    /// segments and comments only describe it: EXIF and XMP (APP1), IPTC
    /// (APP13), makers' notes.
    private static func keepsJPEGSegment(_ marker: UInt8) -> Bool {
        switch marker {
        case 0xE0, 0xE2, 0xEE: true
        case 0xE1, 0xE3...0xED, 0xEF, 0xFE: false
        default: true
        }
    }

    private static func strippedJPEG(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = [0xFF, 0xD8]
        out.reserveCapacity(bytes.count)
        let rest = walkJPEG(bytes) { marker, segment in
            if keepsJPEGSegment(marker) {
                out += [0xFF, marker, UInt8((segment.count + 2) >> 8), UInt8((segment.count + 2) & 0xFF)]
                out += segment
            }
            return true
        }
        guard let rest else { return nil }
        out += bytes[rest...]
        return out
    }

    /// Calls `visit` with each marker segment before the image data (its
    /// marker and its payload); returns where the image data starts (the
    /// start-of-scan marker), or `nil` when the structure is broken.
    private static func walkJPEG(_ bytes: [UInt8], _ visit: (UInt8, ArraySlice<UInt8>) -> Bool) -> Int? {
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var position = 2
        while position + 1 < bytes.count {
            guard bytes[position] == 0xFF else { return nil }
            var at = position + 1
            while at < bytes.count, bytes[at] == 0xFF { at += 1 }  // fill bytes
            guard at < bytes.count else { return nil }
            let marker = bytes[at]
            if marker == 0xDA { return position }  // start of scan: the rest is image data
            guard marker != 0xD9, at + 2 < bytes.count else { return nil }
            let length = Int(bytes[at + 1]) << 8 | Int(bytes[at + 2])
            guard length >= 2, at + 1 + length <= bytes.count else { return nil }
            guard visit(marker, bytes[(at + 3)..<(at + 1 + length)]) else { return nil }
            position = at + 1 + length
        }
        return nil
    }

    /// Tag 0x0112 of the first IFD of an `Exif\0\0` segment.
    private static func exifOrientation(_ segment: ArraySlice<UInt8>) -> Int? {
        let data = Array(segment)
        guard data.count >= 14, data.starts(with: Array("Exif".utf8) + [0, 0]) else { return nil }
        let tiff = 6
        let big: Bool
        switch (data[tiff], data[tiff + 1]) {
        case (0x4D, 0x4D): big = true
        case (0x49, 0x49): big = false
        default: return nil
        }
        func read16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= data.count else { return nil }
            return big ? Int(data[at]) << 8 | Int(data[at + 1]) : Int(data[at + 1]) << 8 | Int(data[at])
        }
        func read32(_ at: Int) -> Int? {
            guard let high = read16(big ? at : at + 2), let low = read16(big ? at + 2 : at) else { return nil }
            return high << 16 | low
        }
        guard let offset = read32(tiff + 4), let count = read16(tiff + offset) else { return nil }
        for index in 0..<min(count, 512) {
            let entry = tiff + offset + 2 + index * 12
            guard let tag = read16(entry) else { return nil }
            if tag == 0x0112, let value = read16(entry + 8), (1...8).contains(value) { return value }
        }
        return nil
    }

    // MARK: PNG

    /// The chunks that make the picture (and its colours and transparency);
    /// text, time stamps, EXIF (`eXIf`) and anything unknown are left out.
    private static let pngKept: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs",
    ]

    private static func strippedPNG(_ bytes: [UInt8]) -> [UInt8]? {
        var out = Array(bytes.prefix(8))
        var position = 8
        while position + 12 <= bytes.count {
            let length =
                Int(bytes[position]) << 24 | Int(bytes[position + 1]) << 16 | Int(bytes[position + 2]) << 8 | Int(bytes[position + 3])
            let end = position + 12 + length
            guard length >= 0, end <= bytes.count else { return nil }
            let type = String(decoding: bytes[(position + 4)..<(position + 8)], as: UTF8.self)
            if pngKept.contains(type) { out += bytes[position..<end] }
            if type == "IEND" { return out }
            position = end
        }
        return nil
    }
}
