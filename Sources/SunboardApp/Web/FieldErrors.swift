import SunboardCore

/// Field errors by form key, from a failure, for a form to show beside each field.
func fieldErrors(_ failure: (any SunboardError)?) -> [String: String] {
    var errors: [String: String] = [:]
    for issue in (failure as? ValidationFailure)?.issues ?? [] where errors[issue.field] == nil { errors[issue.field] = issue.message }
    return errors
}
