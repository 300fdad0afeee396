namespace ChuyenDe.Tests.Functional.Operations;

/// <summary>
/// The tests that read <c>/metrics</c> run alone. OpenTelemetry's meter provider of a site listens to every meter of the
/// process with the names it was given, those of other test sites too, and a site stopped meanwhile (disposing its
/// meters) ends the shared streams: the request histogram would vanish from the scrape. One site per process, as in
/// production, has no such neighbour.
/// </summary>
[CollectionDefinition(nameof(MetricsCollection), DisableParallelization = true)]
public sealed class MetricsCollection;
