using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Subsidy.FunctionalTests;

/// <summary>
/// The warm-up at start runs the write path and the first requests, and changes nothing: no event, no stream, no
/// snapshot, no document; the service is ready only after it.
/// </summary>
public sealed class WarmUpTests(PostgresServer postgres) : WarmUpTestsBase<SubsidyService>(postgres, "subsidie", EventStoreWarmUp.Key)
{
    // The validator's 400 is written, the change, the read and the overview stop at their 404, the list answers.
    protected override IReadOnlyList<string> InProcess =>
        ["maakAanvraagAan 400", "wijzigAanvraag DomainRuleException", "haalAanvraagOp DomainRuleException",
            "haalOmgevingsdienstOp DomainRuleException", "zoekAanvragen 200"];

    // Without a token every request of this service stops at its 401 (none is public).
    protected override IReadOnlyList<string> OverHttp =>
        ["maakAanvraagAan over HTTP 401", "wijzigAanvraag over HTTP 401", "haalAanvraagOp over HTTP 401", "haalOmgevingsdienstOp over HTTP 401",
            "zoekAanvragen over HTTP 401"];
}
