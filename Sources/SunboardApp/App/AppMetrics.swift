import Metrics
import Prometheus

/// The process's metrics, for `/metrics` in Prometheus's text format.
///
/// swift-metrics is bootstrapped once per process, before the services are
/// built (`sunboard serve` with `SUNBOARD_METRICS=1`); until then every
/// counter is a no-op that costs nothing.
public enum AppMetrics {
    public static let registry = PrometheusCollectorRegistry()

    private static let bootstrapped: Void = {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Hummingbird names its metrics with dots (`http.server.request.duration`); Prometheus allows none.
        factory.nameAndLabelSanitizer = { name, labels in
            (prometheusName(name), labels.map { (prometheusName($0.0), $0.1) })
        }
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        MetricsSystem.bootstrap(factory)
    }()

    /// Starts recording; safe to call more than once.
    public static func bootstrap() { _ = bootstrapped }

    static func prometheusName(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") ? $0 : "_" })
    }
}
