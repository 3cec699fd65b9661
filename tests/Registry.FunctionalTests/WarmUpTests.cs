using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Registry.FunctionalTests;

/// <summary>
/// The warm-up at start runs the write path and the first requests, and changes nothing: no event, no stream, no
/// snapshot; the service is ready only after it.
/// </summary>
public sealed class WarmUpTests(PostgresServer postgres) : WarmUpTestsBase<RegistryService>(postgres, "register", EventStoreWarmUp.Key)
{
    // The validator's 400 is written, the change and the read stop at their 404, the list answers.
    protected override IReadOnlyList<string> InProcess =>
        ["wijzigOmgevingsdienst 400", "wijzigOmgevingsdienst DomainRuleException", "haalOmgevingsdienstOp DomainRuleException", "zoekOmgevingsdiensten 200"];

    // Without a token the public read stops at its 404 and the list answers; the changes stop at their 401.
    protected override IReadOnlyList<string> OverHttp =>
        ["wijzigOmgevingsdienst over HTTP 401", "wijzigOmgevingsdienst over HTTP 401", "haalOmgevingsdienstOp over HTTP 404", "zoekOmgevingsdiensten over HTTP 200"];
}
