import Hummingbird

/// What an admin page says after a form sent the person back to it
/// (`?done=<key>`): one message per key, so a query can only pick a
/// message the page knows.
struct Flash: Sendable {
    let messages: [String: String]

    init(_ messages: [String: String]) {
        self.messages = messages
    }

    func message(for request: Request) -> String? {
        request.queryDictionary["done"].flatMap { messages[$0] }
    }
}
