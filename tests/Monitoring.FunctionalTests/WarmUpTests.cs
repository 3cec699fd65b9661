using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Monitoring.FunctionalTests;

/// <summary>
/// The warm-up at start runs the write path and the first requests, and changes nothing: no event, no stream, no
/// snapshot, no document; the service is ready only after it.
/// </summary>
public sealed class WarmUpTests(PostgresServer postgres) : WarmUpTestsBase<MonitoringService>(postgres, "monitoring", EventStoreWarmUp.Key)
{
    // The validators' 400 are written, the key figures and the read stop at their 404, the report format is not there
    // (the seeds are off: 404), the list of rounds answers.
    protected override IReadOnlyList<string> InProcess =>
        ["maakVoortgangsrapportageAan 400", "vulKerngetallenIn 400", "vulKerngetallenIn DomainRuleException",
            "haalVoortgangsrapportageOp DomainRuleException", "haalRapportageformatOp DomainRuleException", "haalRapportagerondesOp 200"];

    // Without a token every request of this service stops at its 401 (none is public).
    protected override IReadOnlyList<string> OverHttp =>
        ["maakVoortgangsrapportageAan over HTTP 401", "vulKerngetallenIn over HTTP 401", "vulKerngetallenIn over HTTP 401",
            "haalVoortgangsrapportageOp over HTTP 401", "haalRapportageformatOp over HTTP 401", "haalRapportagerondesOp over HTTP 401"];
}
