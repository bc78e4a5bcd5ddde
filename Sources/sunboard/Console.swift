import Foundation

/// Writes a line to standard output at once, unbuffered, so the demo's
/// logins appear before the server starts even when output is a pipe.
func say(_ text: String = "") {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
