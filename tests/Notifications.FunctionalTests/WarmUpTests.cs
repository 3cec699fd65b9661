using RobuustOD.EventStore;
using RobuustOD.TestInfrastructure.Services;

namespace RobuustOD.Notifications.FunctionalTests;

/// <summary>
/// The warm-up at start runs the write path and the first requests, and changes nothing: no event, no stream, no
/// snapshot, no document; the service is ready only after it.
/// </summary>
public sealed class WarmUpTests(PostgresServer postgres) : WarmUpTestsBase<NotificationsService>(postgres, "notificaties", EventStoreWarmUp.Key)
{
    // The validator's 400 is written, the change and the read stop at their 404, the list answers.
    protected override IReadOnlyList<string> InProcess =>
        ["maakAbonnementAan 400", "wijzigAbonnement DomainRuleException", "haalAbonnementOp DomainRuleException", "zoekAbonnementen 200"];

    // Without a token every request of this service stops at its 401 (none is public).
    protected override IReadOnlyList<string> OverHttp =>
        ["maakAbonnementAan over HTTP 401", "wijzigAbonnement over HTTP 401", "haalAbonnementOp over HTTP 401", "zoekAbonnementen over HTTP 401"];
}
