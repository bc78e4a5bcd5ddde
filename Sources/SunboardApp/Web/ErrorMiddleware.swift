import Hummingbird
import Logging
import SunboardCore

/// Turns every error into an answer a person can read: a Chinese page for
/// the site, a JSON error with a stable `code` for `/api/`. Nothing reaches
/// the client as a bare 500 with a stack trace.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(error)
            // A fault on our side: one line in the log, under the request's id, which the
            // answer shows, so a resident's screenshot leads to the line.
            let reference = problem.status.code >= 500 ? context.id : nil
            if let reference {
                context.logger.error(
                    "Request failed",
                    metadata: [
                        "request_id": .string(reference), "method": .string(request.method.rawValue), "path": .string(request.uri.path),
                        "error": .string(String(reflecting: error)),
                    ])
            }
            var response =
                request.uri.path.hasPrefix("/api/")
                ? try JSONBody(APIErrorBody(problem, reference: reference), status: problem.status).response(
                    from: request, context: context)
                : errorPage(problem, reference: reference, request: request, context: context)
            if problem.status == .tooManyRequests {
                response.headers[.retryAfter] = String((error as? TooManyRequests)?.seconds ?? 60)
            }
            return response
        }
    }

    private func errorPage(_ problem: Problem, reference: String?, request: Request, context: Context) -> Response {
        let model = ErrorPage(
            frame: Frame(
                title: problem.title, csrfToken: context.csrfToken, isAdmin: request.uri.path.hasPrefix("/admin"), assets: renderer.assets),
            heading: problem.title,
            message: problem.message,
            status: Int(problem.status.code),
            homeURL: SiteURL.home.path,
            reference: reference
        )
        let body = (try? renderer.render("public/error", model)) ?? problem.message
        return HTML(body, status: problem.status).response(from: request, context: context)
    }
}

/// An error reduced to what the client is told.
struct Problem {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var englishMessage: String

    init(_ error: any Error) {
        switch error {
        case let error as any SunboardError:
            self.init(status: error.kind.status, code: error.code, message: error.message, englishMessage: error.englishMessage)
        case let error as any HTTPResponseError:
            self.init(status: error.status)
        default:
            self.init(status: .internalServerError)
        }
    }

    init(status: HTTPResponse.Status, code: String, message: String, englishMessage: String) {
        self.status = status
        self.code = code
        self.message = message
        self.englishMessage = englishMessage
    }

    /// The plain words for a status raised by the framework itself.
    init(status: HTTPResponse.Status) {
        switch status {
        case .notFound:
            self.init(
                status: status, code: CommonError.notFound.code, message: CommonError.notFound.message,
                englishMessage: CommonError.notFound.englishMessage)
        case .forbidden:
            self.init(
                status: status, code: CommonError.forbidden.code, message: CommonError.forbidden.message,
                englishMessage: CommonError.forbidden.englishMessage)
        case .unauthorized:
            self.init(
                status: status, code: CommonError.unauthenticated.code, message: CommonError.unauthenticated.message,
                englishMessage: CommonError.unauthenticated.englishMessage)
        case .methodNotAllowed:
            self.init(status: status, code: "method_not_allowed", message: "这个地址不支持这种操作。", englishMessage: "Method not allowed.")
        case .contentTooLarge:
            self.init(status: status, code: "too_large", message: "提交的内容太大了。", englishMessage: "The request body is too large.")
        case .badRequest:
            self.init(status: status, code: "bad_request", message: "请求无法识别，请检查后重试。", englishMessage: "Bad request.")
        default:
            if status.code >= 500 {
                self.init(
                    status: .internalServerError, code: "internal_error", message: "服务器出了点问题，请稍后再试。问题已记录，我们会尽快处理。",
                    englishMessage: "Internal server error.")
            } else {
                self.init(
                    status: status, code: "http_\(status.code)", message: "请求没有成功（\(status.code)）。", englishMessage: status.reasonPhrase)
            }
        }
    }

    var title: String {
        switch status {
        case .notFound: "找不到这个页面"
        case .forbidden: "没有权限"
        case .unauthorized: "请先登录"
        case .tooManyRequests: "请稍后再试"
        case .internalServerError: "服务器出错了"
        default: status.code < 500 ? "无法完成" : "服务器出错了"
        }
    }
}

/// The JSON shape of every API error: `{"error": {"code", "message", "message_zh"}}`.
struct APIErrorBody: Encodable, Sendable {
    struct Detail: Encodable, Sendable {
        var code: String
        var message: String
        var messageZh: String
        /// A fault on our side: the request's id, as the log line names it.
        var requestId: String?
    }

    var error: Detail

    init(_ problem: Problem, reference: String? = nil) {
        self.error = Detail(code: problem.code, message: problem.englishMessage, messageZh: problem.message, requestId: reference)
    }
}

/// The view model of an error page.
struct ErrorPage: Sendable {
    var frame: Frame
    var heading: String
    var message: String
    var status: Int
    var homeURL: String
    /// For a fault on our side, the request's id, to tell whoever keeps the server.
    var reference: String?
}

extension ErrorKind {
    var status: HTTPResponse.Status {
        switch self {
        case .invalidInput: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooManyRequests: .tooManyRequests
        }
    }
}
