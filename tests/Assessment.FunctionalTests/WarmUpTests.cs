using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Assessment.FunctionalTests;

/// <summary>
/// The warm-up at start runs the write path and the first requests, and changes nothing: no event, no stream, no
/// snapshot, no document; the service is ready only after it.
/// </summary>
public sealed class WarmUpTests(PostgresServer postgres) : WarmUpTestsBase<AssessmentService>(postgres, "beoordeling", EventStoreWarmUp.Key)
{
    // The validator's 400 is written, the row and the read stop at their 404, the list answers.
    protected override IReadOnlyList<string> InProcess =>
        ["scoorCriterium 400", "scoorCriterium DomainRuleException", "haalBeoordelingOp DomainRuleException", "zoekBeoordelingen 200"];

    // Without a token every request of this service stops at its 401 (none is public).
    protected override IReadOnlyList<string> OverHttp =>
        ["scoorCriterium over HTTP 401", "scoorCriterium over HTTP 401", "haalBeoordelingOp over HTTP 401", "zoekBeoordelingen over HTTP 401"];
}
