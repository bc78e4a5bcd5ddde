/// A QR code (ISO/IEC 18004) for a short text such as a page's address:
/// byte mode, error correction level M (15% of the symbol may be damaged),
/// versions 1–10 (up to 213 bytes), the mask with the lowest penalty. Written
/// here because printing a notice needs nothing more, and a dependency for it
/// would be larger than the code.
public struct QRCode: Sendable, Equatable {
    /// Dark modules, row by row; `size` × `size`.
    public let modules: [[Bool]]
    public let version: Int
    public let mask: Int

    public var size: Int { modules.count }

    /// Data and error-correction codewords per block, level M, versions 1–10.
    static let blocks: [(ec: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
        (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)]),
    ]
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    static func dataCapacity(_ version: Int) -> Int {
        blocks[version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
    }

    /// The code for `text`, or `nil` when it is too long for version 10.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard
            let version = (1...10).first(where: { version in
                let countBits = version < 10 ? 8 : 16
                return 4 + countBits + bytes.count * 8 <= Self.dataCapacity(version) * 8
            })
        else { return nil }
        let codewords = Self.codewords(bytes, version: version)
        var best: (penalty: Int, mask: Int, grid: [[Bool]])?
        for mask in 0..<8 {
            var matrix = Matrix(version: version)
            matrix.place(codewords)
            matrix.apply(mask: mask)
            matrix.drawFormat(mask: mask)
            let penalty = matrix.penalty()
            if best == nil || penalty < best!.penalty { best = (penalty, mask, matrix.dark) }
        }
        self.modules = best!.grid
        self.version = version
        self.mask = best!.mask
    }

    // MARK: Codewords

    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        append(0b0100, 4)  // byte mode
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCapacity(version) * 8
        append(0, min(4, capacity - bits.count))  // terminator
        while bits.count % 8 != 0 { bits.append(false) }
        var data: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: [UInt8] = [0xEC, 0x11]
        while data.count < dataCapacity(version) {
            data.append(pad[0])
            pad.swapAt(0, 1)
        }
        // Split into blocks, add each block's error correction, interleave.
        let layout = blocks[version - 1]
        var dataBlocks: [[UInt8]] = []
        var offset = 0
        for group in layout.groups {
            for _ in 0..<group.count {
                dataBlocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let ecBlocks = dataBlocks.map { ReedSolomon.remainder($0, degree: layout.ec) }
        var result: [UInt8] = []
        for index in 0..<(dataBlocks.map(\.count).max() ?? 0) {
            for block in dataBlocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<layout.ec {
            for block in ecBlocks { result.append(block[index]) }
        }
        return result
    }

    // MARK: The symbol

    struct Matrix {
        let version: Int
        let size: Int
        var dark: [[Bool]]
        /// Function patterns and format areas: never data, never masked.
        var reserved: [[Bool]]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: Array(repeating: false, count: size), count: size)
            reserved = dark
            for (row, column) in [(0, 0), (0, size - 7), (size - 7, 0)] { finder(row, column) }
            for index in 8..<(size - 8) {
                set(6, index, index % 2 == 0)
                set(index, 6, index % 2 == 0)
            }
            // Every pair of centres, but for the three corners the finders hold;
            // those on the timing lines are drawn over them.
            let centres = QRCode.alignment[version - 1]
            let last = centres.count - 1
            for (i, row) in centres.enumerated() {
                for (j, column) in centres.enumerated() where !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) {
                    alignmentPattern(row, column)
                }
            }
            // Format areas (drawn later) and the dark module.
            for index in 0..<9 {
                reserved[8][index] = true
                reserved[index][8] = true
            }
            for index in 0..<8 {
                reserved[8][size - 1 - index] = true
                reserved[size - 1 - index][8] = true
            }
            set(size - 8, 8, true)
            if version >= 7 { drawVersion() }
        }

        mutating func set(_ row: Int, _ column: Int, _ value: Bool) {
            dark[row][column] = value
            reserved[row][column] = true
        }

        mutating func finder(_ top: Int, _ left: Int) {
            for row in -1...7 {
                for column in -1...7 {
                    let r = top + row
                    let c = left + column
                    guard r >= 0, r < size, c >= 0, c < size else { continue }
                    let ring = max(abs(row - 3), abs(column - 3))
                    set(r, c, ring != 2 && ring != 4)
                }
            }
        }

        mutating func alignmentPattern(_ centreRow: Int, _ centreColumn: Int) {
            for row in -2...2 {
                for column in -2...2 { set(centreRow + row, centreColumn + column, max(abs(row), abs(column)) != 1) }
            }
        }

        mutating func drawVersion() {
            var bits = version << 12
            for shift in stride(from: 17, through: 12, by: -1) where bits >> shift & 1 == 1 { bits ^= 0x1F25 << (shift - 12) }
            let value = version << 12 | bits
            for index in 0..<18 {
                let bit = value >> index & 1 == 1
                set(size - 11 + index % 3, index / 3, bit)
                set(index / 3, size - 11 + index % 3, bit)
            }
        }

        /// Codewords in the zigzag of two-module columns, right to left.
        mutating func place(_ codewords: [UInt8]) {
            let bits: [Bool] = codewords.flatMap { byte -> [Bool] in (0..<8).map { byte >> (7 - $0) & 1 == 1 } }
            var index = 0
            var column = size - 1
            var upward = true
            while column > 0 {
                if column == 6 { column -= 1 }
                for step in 0..<size {
                    let row = upward ? size - 1 - step : step
                    for c in [column, column - 1] where !reserved[row][c] {
                        dark[row][c] = index < bits.count ? bits[index] : false
                        index += 1
                    }
                }
                upward.toggle()
                column -= 2
            }
        }

        static func masked(_ mask: Int, _ row: Int, _ column: Int) -> Bool {
            switch mask {
            case 0: (row + column) % 2 == 0
            case 1: row % 2 == 0
            case 2: column % 3 == 0
            case 3: (row + column) % 3 == 0
            case 4: (row / 2 + column / 3) % 2 == 0
            case 5: row * column % 2 + row * column % 3 == 0
            case 6: (row * column % 2 + row * column % 3) % 2 == 0
            default: ((row + column) % 2 + row * column % 3) % 2 == 0
            }
        }

        mutating func apply(mask: Int) {
            for row in 0..<size {
                for column in 0..<size where !reserved[row][column] && Self.masked(mask, row, column) {
                    dark[row][column].toggle()
                }
            }
        }

        /// Level M (`00`) and the mask, BCH-protected, in both copies.
        mutating func drawFormat(mask: Int) {
            let data = 0b00 << 3 | mask
            var bits = data << 10
            for shift in stride(from: 14, through: 10, by: -1) where bits >> shift & 1 == 1 { bits ^= 0x537 << (shift - 10) }
            let value = (data << 10 | bits) ^ 0x5412
            func bit(_ index: Int) -> Bool { value >> index & 1 == 1 }
            // Around the top-left finder: down column 8, then leftwards along row 8.
            for index in 0..<6 { dark[index][8] = bit(index) }
            dark[7][8] = bit(6)
            dark[8][8] = bit(7)
            dark[8][7] = bit(8)
            for index in 9..<15 { dark[8][14 - index] = bit(index) }
            // The copy: along row 8 under the top-right finder, down column 8 beside the bottom-left one.
            for index in 0..<8 { dark[8][size - 1 - index] = bit(index) }
            for index in 8..<15 { dark[size - 15 + index][8] = bit(index) }
            dark[size - 8][8] = true
        }

        /// The standard's four penalty rules: runs, blocks, finder-like patterns, balance.
        func penalty() -> Int {
            var score = 0
            for line in 0..<size {
                for horizontal in [true, false] {
                    var run = 1
                    for index in 1..<size {
                        let a = horizontal ? dark[line][index - 1] : dark[index - 1][line]
                        let b = horizontal ? dark[line][index] : dark[index][line]
                        if a == b {
                            run += 1
                        } else {
                            if run >= 5 { score += run - 2 }
                            run = 1
                        }
                    }
                    if run >= 5 { score += run - 2 }
                    let pattern: [Bool] = [true, false, true, true, true, false, true]
                    for start in 0...(size - 7) {
                        let window = (0..<7).map { horizontal ? dark[line][start + $0] : dark[start + $0][line] }
                        guard window == pattern else { continue }
                        func light(_ from: Int, _ to: Int) -> Bool {
                            (from..<to).allSatisfy { index in
                                index < 0 || index >= size || !(horizontal ? dark[line][index] : dark[index][line])
                            }
                        }
                        if light(start - 4, start) || light(start + 7, start + 11) { score += 40 }
                    }
                }
            }
            for row in 0..<(size - 1) {
                for column in 0..<(size - 1) {
                    let colour = dark[row][column]
                    if dark[row][column + 1] == colour && dark[row + 1][column] == colour && dark[row + 1][column + 1] == colour {
                        score += 3
                    }
                }
            }
            let darkCount = dark.reduce(0) { $0 + $1.filter { $0 }.count }
            score += abs(darkCount * 20 - size * size * 10) / (size * size) * 10
            return score
        }
    }

    /// The code as an SVG image with its quiet zone, `pixels` wide.
    public func svg(pixels: Int = 200, label: String) -> String {
        let total = size + 8
        var path = ""
        for (row, line) in modules.enumerated() {
            for (column, on) in line.enumerated() where on { path += "M\(column + 4) \(row + 4)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr" width="\(pixels)" height="\(pixels)" viewBox="0 0 \(total) \(total)" \
            role="img" aria-label="\(HTMLText.escape(label))" shape-rendering="crispEdges"><rect width="\(total)" height="\(total)" fill="#fff"/>\
            <path d="\(path)" fill="#000"/></svg>
            """
    }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial 0x11D.
enum ReedSolomon {
    static let (exp, log): ([Int], [Int]) = {
        var exp = [Int](repeating: 0, count: 512)
        var log = [Int](repeating: 0, count: 256)
        var value = 1
        for index in 0..<255 {
            exp[index] = value
            log[value] = index
            value <<= 1
            if value & 0x100 != 0 { value ^= 0x11D }
        }
        for index in 255..<512 { exp[index] = exp[index - 255] }
        return (exp, log)
    }()

    static func multiply(_ a: Int, _ b: Int) -> Int {
        a == 0 || b == 0 ? 0 : exp[log[a] + log[b]]
    }

    /// The generator polynomial of `degree`, highest power first (leading 1 dropped).
    static func generator(_ degree: Int) -> [Int] {
        var poly = [1]
        for index in 0..<degree {
            var next = [Int](repeating: 0, count: poly.count + 1)
            for (position, coefficient) in poly.enumerated() {
                next[position] ^= coefficient
                next[position + 1] ^= multiply(coefficient, exp[index])
            }
            poly = next
        }
        return Array(poly.dropFirst())
    }

    /// The `degree` error-correction codewords of `data`.
    static func remainder(_ data: [UInt8], degree: Int) -> [UInt8] {
        let generator = generator(degree)
        var remainder = [Int](repeating: 0, count: degree)
        for byte in data {
            let factor = Int(byte) ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in 0..<degree { remainder[index] ^= multiply(generator[index], factor) }
        }
        return remainder.map { UInt8($0) }
    }
}
